import ArgumentParser
import Usher

/// Loads a bot and compiles its dialog engine for a command, reporting errors the one way.
enum DialogFrontend {
    static func engine(_ path: String, explains: Bool = false, for use: BotLoader.Use = .conversation) throws
        -> DialogEngine
    {
        let bot = try BotFrontend.load(path, for: use)
        do {
            return try DialogEngine(bot: bot, explains: explains)
        } catch {
            for definitionError in error.errors { Console.error(definitionError.description(severity: "error")) }
            throw ExitCode(ExitCodes.failure)
        }
    }
}
