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
            try command.run()
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
}
