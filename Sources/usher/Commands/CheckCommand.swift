import ArgumentParser
import Foundation
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
        let count = "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        if strict && !warnings.isEmpty {
            Console.error(
                "\(path): failed: \(count), and --strict fails on warnings (\(Self.contents(of: bot))\(Self.translations(of: bot)))"
            )
            throw ExitCode(ExitCodes.failure)
        }
        Console.out("\(path): ok: \(Self.contents(of: bot)), \(count)\(Self.translations(of: bot))")
    }

    /// "22 intents, 887 examples, 5 patterns".
    static func contents(of bot: BotDefinition) -> String {
        let examples = bot.intents.reduce(0) { $0 + $1.examples.count }
        let patterns = bot.intents.reduce(0) { $0 + $1.patterns.count }
        return "\(bot.intents.count) intents, \(examples) examples, \(patterns) patterns"
    }

    /// "; translations: de (de.json), zh-TW (zh-TW.json)": the languages read, and from where,
    /// so that a translation left out of the folder shows; empty for a bot in one language.
    static func translations(of bot: BotDefinition) -> String {
        guard !bot.translations.isEmpty else { return "" }
        let read = bot.translations.map { translation in
            let files = translation.files.map { ($0 as NSString).lastPathComponent }
            return "\(translation.language) (\(files.joined(separator: ", ")))"
        }
        return "; translations: " + read.joined(separator: ", ")
    }
}
