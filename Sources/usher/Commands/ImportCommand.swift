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
            empty or "oos") become the fallback's out-of-scope examples: messages like them are declined \
            however much they share with an intent. Several files are read as one (train.jsonl oos_train.jsonl).
            """
    )

    @Argument(help: "CSV files (text,category) or JSON Lines files ({\"text\": …, \"intent\": …}).")
    var files: [String]

    @Option(name: .shortAndLong, help: "Where to write the bot's JSON ('-' for stdout).")
    var output: String

    @Option(help: "The bot's language tag.")
    var language = "en"

    @Option(help: "Import only the lines of this partition, for files that name one per line (MASSIVE's \"split\").")
    var split: String?

    func run() throws {
        let utterances = try files.flatMap { try DataFrontend.read($0, split: split) }
        let json = BotImporter.json(from: utterances, language: language)
        if output == "-" {
            Console.out(json, terminator: "")
        } else if !OutputFile.write(Data(json.utf8), to: output) {
            Console.error("\(output): cannot write the file")
            throw ExitCode(ExitCodes.failure)
        }
        let intents = Set(utterances.compactMap(\.intent)).count
        let outOfScope = utterances.filter { $0.intent == nil }.count
        Console.error(
            "\(files.joined(separator: ", ")): imported \(utterances.count - outOfScope) examples into \(intents) intents"
                + (outOfScope > 0 ? " and \(outOfScope) out-of-scope examples" : ""))
    }
}
