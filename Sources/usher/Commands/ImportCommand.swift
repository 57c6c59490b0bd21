import ArgumentParser
import Foundation
import Usher

/// `usher import`: make a bot from a labelled data set.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a labelled CSV or JSONL data set into a bot.",
        discussion: """
            Each label becomes an intent and its texts the examples. Out-of-scope lines (label null, \
            empty or "oos") are left out: anything the bot was not taught is out of scope by its threshold.
            """
    )

    @Argument(help: "A CSV file (text,category) or JSON Lines file ({\"text\": …, \"intent\": …}).")
    var file: String

    @Option(name: .shortAndLong, help: "Where to write the bot's JSON ('-' for stdout).")
    var output: String

    @Option(help: "The bot's language tag.")
    var language = "en"

    func run() throws {
        let utterances = try DataFrontend.read(file)
        let json = BotImporter.json(from: utterances, language: language)
        if output == "-" {
            Console.out(json, terminator: "")
        } else if !OutputFile.write(Data(json.utf8), to: output) {
            Console.error("\(output): cannot write the file")
            throw ExitCode(ExitCodes.failure)
        }
        let intents = Set(utterances.compactMap(\.intent)).count
        let skipped = utterances.filter { $0.intent == nil }.count
        Console.error(
            "\(file): imported \(utterances.count - skipped) examples into \(intents) intents"
                + (skipped > 0 ? "; left out \(skipped) out-of-scope lines" : ""))
    }
}
