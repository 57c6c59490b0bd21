import ArgumentParser
import Foundation
import Usher

/// `usher match`: which intent a message gets, and why.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match messages to intents and explain each match.",
        discussion: "With no messages on the command line, matches each line of standard input."
    )

    @Option(help: "A bot: a JSON file or a directory of them.")
    var bot = "intents"

    @Argument(help: "The messages to match.")
    var messages: [String] = []

    @Flag(help: "Print one JSON object per message.")
    var json = false

    @Option(
        name: .customLong("context"),
        help: ArgumentHelp(
            "A context to treat as active (repeatable). Without, intents that require one are left out, as in a new conversation.",
            valueName: "name"))
    var contexts: [String] = []

    @Option(help: "Match in this language, one of those the bot serves (its own by default).")
    var lang: String?

    func validate() throws {
        if let error = BotFrontend.misplacedBot(messages.first, bot: bot, command: "match", rest: "a message") {
            throw error
        }
    }

    func run() throws {
        var engine = try DialogFrontend.engine(bot, explains: true, for: .matching)
        if let lang {
            guard let localized = engine.engine(for: lang) else {
                throw ValidationError("--lang: " + engine.bot.notServed(lang))
            }
            engine = localized
        }
        let excluded = engine.ineligibleIntents(activeContexts: Set(contexts))
        let leftOut = excluded.sorted { $0.key < $1.key }.map { (engine.bot.intents[$0.key].name, $0.value) }
        let renderer = MatchRenderer()
        let today = CalendarDate.fromEpoch(seconds: Date().timeIntervalSince1970)
        var first = true
        let emit = { (message: String) in
            let result = engine.matcher.match(message, excluding: Set(excluded.keys))
            let found = engine.entities.entities(
                in: message, context: EntityContext(today: today, language: engine.bot.language))
            let keyword = engine.handoffKeyword(inWords: TextNormalizer.normalize(message).words.joined(separator: " "))
            if json {
                Console.out(
                    renderer.json(message: message, result: result, entities: found, leftOut: leftOut, keyword: keyword)
                )
            } else {
                if !first { Console.out("") }
                // What contexts leave out is the same for every message: said with the first.
                Console.out(
                    renderer.text(
                        message: message, result: result, entities: found, leftOut: first ? leftOut : [],
                        keyword: keyword))
            }
            first = false
        }
        if messages.isEmpty {
            while let line = readLine() { emit(line) }
        } else {
            messages.forEach(emit)
        }
    }
}
