import ArgumentParser
import Foundation

/// The `usher` command line: a thin layer that turns arguments into engine calls.
@main
struct UsherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usher",
        abstract: "A rule-based chatbot engine for customer requests.",
        discussion: "Bots are JSON definitions in a directory (default: intents/). See docs/ for the formats.",
        version: "0.1.0",
        subcommands: [
            ChatCommand.self, ServeCommand.self, TestCommand.self, MatchCommand.self, CheckCommand.self,
            EvalCommand.self,
            ImportCommand.self, BenchCommand.self, StatsCommand.self, LearnCommand.self,
        ],
        defaultSubcommand: ChatCommand.self
    )

    /// Runs the command, with usage errors exiting 2 (not ArgumentParser's 64) as scripts expect.
    static func main() {
        do {
            var command = try parseAsRoot()
            do {
                try command.run()
            } catch let error as ValidationError {
                // An option only the bot can judge (`--lang fr`): ArgumentParser would print the
                // root command's usage here, which names neither the command nor the fix. Said
                // the way a parse-time usage error is, with the subcommand's usage.
                let name = type(of: command).configuration.commandName ?? "usher"
                let usage = usageString(for: type(of: command))
                FileHandle.standardError.write(
                    Data(
                        "Error: \(error.message)\nUsage: \(usage)\n  See 'usher \(name) --help' for more information.\n"
                            .utf8))
                Foundation.exit(ExitCodes.usage)
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitCodes.usage)
            }
            exit(withError: error)
        }
    }
}

/// The exit codes every subcommand shares.
enum ExitCodes {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    /// `usher test`: the tests could not be run as given (a test file's mistakes, a bot that
    /// does not load), told apart from a failing test (1), as `diff` tells trouble from a
    /// difference. The same code as a usage error, which also runs no test.
    static let notRun: Int32 = 2
}
