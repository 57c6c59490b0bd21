import ArgumentParser
import Usher

/// `usher check`: validate and lint a bot's definitions.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a bot's definitions and warn about weak spots.",
        discussion: "Exits 0 when the bot is valid (warnings allowed), 1 on errors, 2 on usage errors."
    )

    @Argument(help: "A bot: a JSON file or a directory of them.")
    var path = "intents"

    @Flag(help: "Treat warnings as errors (exit 1 when there are any).")
    var strict = false

    func run() throws {
        let bot = try BotFrontend.load(path)
        let warnings = BotLinter.warnings(for: bot)
        for warning in warnings { Console.error(warning.description) }
        let examples = bot.intents.reduce(0) { $0 + $1.examples.count }
        let patterns = bot.intents.reduce(0) { $0 + $1.patterns.count }
        Console.out(
            "\(path): ok: \(bot.intents.count) intents, \(examples) examples, \(patterns) patterns, \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        )
        if strict && !warnings.isEmpty { throw ExitCode(ExitCodes.failure) }
    }
}
