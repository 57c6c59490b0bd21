import ArgumentParser
import Foundation
import Usher

/// Loads a bot for a command, printing every definition error to stderr and failing with exit 1.
enum BotFrontend {
    static func load(_ path: String, for use: BotLoader.Use = .conversation) throws -> BotDefinition {
        do {
            return try BotLoader.load(path: path, for: use)
        } catch {
            for definitionError in error.errors { Console.error(definitionError.description(severity: "error")) }
            let count = error.errors.count
            Console.error("\(path): \(count) error\(count == 1 ? "" : "s"); the bot was not loaded")
            throw ExitCode(ExitCodes.failure)
        }
    }

    /// For commands whose bot is an option (`match`, `test`): a first argument that is a bot
    /// folder was meant as `--bot` ("usher match shop hello" matched "shop" as a message, then
    /// failed on the missing `intents/`). `nil` when the argument is no folder, or `--bot` was given.
    static func misplacedBot(_ argument: String?, bot: String, command: String, rest: String) -> ValidationError? {
        guard let argument, bot == "intents", argument != bot else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return ValidationError(
            "\"\(argument)\" is a folder, not \(rest); to use the bot in it, name it with --bot: "
                + "usher \(command) --bot \(argument) …")
    }
}
