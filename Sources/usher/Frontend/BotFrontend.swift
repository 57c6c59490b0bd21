import ArgumentParser
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
}
