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

    func run() throws {
        let matcher = Matcher(bot: try BotFrontend.load(bot))
        let renderer = MatchRenderer()
        var first = true
        let emit = { (message: String) in
            let result = matcher.match(message)
            if json {
                Console.out(renderer.json(message: message, result: result))
            } else {
                if !first { Console.out("") }
                Console.out(renderer.text(message: message, result: result))
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
