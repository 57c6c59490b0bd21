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

    /// The commands that refuse a bot whose intents cannot reply (``BotLoader/Use/conversation``),
    /// said by the help and by the summary alike.
    static let refusingReplyless = "usher check, serve, chat and test"

    @Option(
        help: ArgumentHelp(
            "Give every intent this response, so the bot can be served at once; \(BotImporter.intentMarker) stands for its name.",
            discussion:
                "Without it the intents have no responses: usher match and eval take the bot, \(ImportCommand.refusingReplyless) refuse it until each has some.",
            valueName: "text"))
    var reply: String?

    func validate() throws {
        if let reply, reply.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(
                "--reply needs some text, such as \"About \(BotImporter.intentMarker): an agent will write this.\" (\(BotImporter.intentMarker) stands for the intent's name)"
            )
        }
        if language.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--language must be a language tag such as en, de, ru or zh-TW")
        }
        if let problem = LanguageTag.misnamed(language) { throw ValidationError("--language " + problem) }
    }

    func run() throws {
        let utterances = try files.flatMap { try DataFrontend.read($0, split: split) }
        let bot = BotImporter.bot(from: utterances, language: language, reply: reply)
        let json = BotImporter.json(for: bot)
        if output == "-" {
            Console.out(json, terminator: "")
        } else if !OutputFile.write(Data(json.utf8), to: output) {
            Console.error("\(output): cannot write the file")
            throw ExitCode(ExitCodes.failure)
        }
        // Counted from the bot written, not the lines read: repeats and lines without a word are
        // left out, and the summary says how many.
        let examples = bot.intents.reduce(0) { $0 + $1.examples.count }
        let outOfScope = bot.fallback.examples.count
        let left = utterances.count - examples - outOfScope
        Console.error(
            "\(files.joined(separator: ", ")): imported \(examples) examples into \(bot.intents.count) intents"
                + (outOfScope > 0 ? " and \(outOfScope) out-of-scope examples" : "")
                + (left > 0 ? "; \(left) line\(left == 1 ? "" : "s") left out (repeated, or without a word)" : ""))
        // What comes next: the bot matches now, and talks to customers once its intents answer.
        if reply == nil, !bot.intents.isEmpty {
            Console.error(
                "\(output == "-" ? "the bot" : output): its intents have no responses yet: usher match and eval take it as it is; give them responses (or import with --reply TEXT) before \(Self.refusingReplyless)"
            )
        }
    }
}
