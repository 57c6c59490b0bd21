import ArgumentParser
import Foundation
import Usher
import UsherStorage

/// `usher stats`: how the bot does with real customers, from the log `usher serve --state` keeps.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Figures from the conversation log: containment, escalation, fallbacks, forms, queues, agents.",
        discussion: """
            Reads the state file of `usher serve --state`, or its PostgreSQL database given as \
            postgres://user@host:port/db (also while servers write them). Dates are UTC: \
            2026-11-30 or 2026-11-30T14:00; --until takes a whole day when given a date. A period counts \
            the conversations that began in it, whole, even what they did after its end. The figures are \
            defined in docs/stats.md.
            """
    )

    @Option(
        name: .customLong("state"),
        help: ArgumentHelp("The state file or postgres:// database to read.", valueName: "file|url"))
    var file: String

    @Option(
        help: ArgumentHelp(
            "Only the conversations that began from this date or moment on (UTC), each counted whole.",
            valueName: "date"))
    var since: String?

    @Option(
        help: ArgumentHelp(
            "Only the conversations that began up to this date (the whole day) or moment (UTC), each counted whole.",
            valueName: "date"))
    var until: String?

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Write the report as one self-contained HTML page, instead of printing the tables (--json prints JSON too).",
            valueName: "file"))
    var html: String?

    @Option(
        help: ArgumentHelp(
            "Write the messages the bot did not understand, grouped by similarity, for `usher learn`, instead of printing the tables; the groups the file has labelled are kept.",
            valueName: "file"))
    var unmatched: String?

    // Unconditional, so that "-1" is read as the value it is and refused as out of range.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Matched messages below this confidence (0 to 1) count as not understood too (--unmatched, --html).",
            valueName: "confidence"))
    var lowConfidence = 0.6

    @Option(
        help: ArgumentHelp(
            "The bot as it is now: what it understands now stays out of --unmatched (default: intents, when there is one).",
            valueName: "path"))
    var bot: String?

    func validate() throws {
        guard (0...1).contains(lowConfidence) else {
            throw ValidationError(
                "--low-confidence \(String(format: "%g", lowConfidence)) is out of range: give a confidence from 0 to 1"
            )
        }
        let range = try period()
        if let from = range.from, let to = range.to, from >= to {
            throw ValidationError("--since \(since ?? "") is not before --until \(until ?? "")")
        }
    }

    /// The asked period as seconds since 1970, `to` exclusive.
    func period() throws -> (from: Double?, to: Double?) {
        let from = try since.map { text throws -> Double in
            guard let moment = UTCMoment.parse(text) else { throw ValidationError(UTCMoment.usage("--since", text)) }
            return moment.start
        }
        let to = try until.map { text throws -> Double in
            guard let moment = UTCMoment.parse(text) else { throw ValidationError(UTCMoment.usage("--until", text)) }
            return moment.end
        }
        return (from, to)
    }

    func run() throws {
        let log: LogReader
        let source: String
        do {
            if PostgresAddress.isAddress(file) {
                let address = try PostgresAddress(file)
                source = address.description
                // No statement timeout: a report over a big log may rightly take a while, and a
                // person running it can interrupt it; nothing else waits on it.
                log = try PostgresConversationStore(address: address, statementTimeout: 0, migrating: false)
            } else {
                source = file
                log = try SQLiteLogFile(path: file)
            }
        } catch {
            Console.error("usher: error: \(error.message)")
            throw ExitCode(ExitCodes.failure)
        }
        let range = try period()
        var builder = StatsBuilder()
        var damaged = DamagedRowWarnings()
        do {
            try log.scanLog(from: range.from, to: range.to, detail: .summary) { record in
                damaged.warn(record)
                builder.add(record)
            }
        } catch {
            Console.error("usher: error: \(error)")
            throw ExitCode(ExitCodes.failure)
        }
        let stats = builder.report()
        guard stats.summary.conversations > 0 else {
            // A period counts the conversations that began in it (docs/stats.md, "Periods").
            let none = range.from == nil && range.to == nil ? "is logged" : "began\(StatsText.describe(range))"
            Console.error("usher: error: \(source): no conversation \(none)")
            throw ExitCode(ExitCodes.failure)
        }
        var groups: [UnmatchedGroup] = []
        if unmatched != nil || html != nil {
            var messages: [UnmatchedGrouper.Message] = []
            do {
                try log.scanLog(from: range.from, to: range.to, detail: .unmatched(below: lowConfidence)) { record in
                    damaged.warn(record)
                    guard case .turn(let turn) = record, !turn.text.isEmpty else { return }
                    messages.append(
                        UnmatchedGrouper.Message(
                            text: turn.text, closestIntent: turn.candidates.first?.intent ?? turn.intent,
                            confidence: turn.confidence,
                            language: Language.tag(ofLogged: turn.text, session: turn.language)))
                }
            } catch {
                Console.error("usher: error: \(error)")
                throw ExitCode(ExitCodes.failure)
            }
            groups = UnmatchedGrouper().group(messages)
            if let unmatched {
                Console.error(Self.describe(try writeInbox(messages, to: unmatched), file: unmatched))
            }
        }
        if let html {
            let page = StatsPage(stats: stats, source: source, unmatched: groups).html
            guard OutputFile.write(Data(page.utf8), to: html) else {
                Console.error(
                    "usher: error: \(html): cannot write the report: \(OutputFile.reason(cannotWrite: html, otherwise: "the system refused it"))"
                )
                throw ExitCode(ExitCodes.failure)
            }
            Console.error("usher stats: the report is written to \(html)")
        }
        damaged.finish()
        // The files asked for are the output; the tables (or JSON, when asked for) otherwise.
        guard json || (unmatched == nil && html == nil) else { return }
        Console.out(json ? StatsJSON.encode(stats) : StatsText(stats: stats, source: source).text, terminator: "")
    }
}
