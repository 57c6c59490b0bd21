import ArgumentParser
import Foundation
import Usher

/// `usher serve`: the JSON Lines conversation protocol on stdin and stdout.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve conversations: JSON Lines requests on stdin, one response line each on stdout.",
        discussion: """
            Each line is a request such as {"id": 7, "session": "c-1", "text": "where is my order?"}; each gets \
            exactly one response line, in order, flushed before the server waits for more input. Logs go to \
            stderr. End of input ends the server with exit 0. The protocol is in docs/protocol.md.
            """
    )

    @Argument(help: "A bot: a JSON file or a directory of them.")
    var path = "intents"

    @Option(help: "The longest request line accepted, in bytes; longer lines get a line_too_long error.")
    var maxLine = 65_536

    @Flag(help: "Plain text for shell pipes: each line is SESSION<TAB>TEXT (or TEXT), each answer the reply text.")
    var plain = false

    @Option(help: "Threads that serve sessions in parallel, one per core unless given. Answers stay in input order.")
    var workers = min(ProcessInfo.processInfo.activeProcessorCount, 8)

    @OptionGroup var state: StateOptions

    @Flag(
        help: ArgumentHelp(
            "Take the time from each request's \"at\" (seconds since 1970) instead of the wall clock.",
            discussion: "For replaying recorded traffic and for tests; the clock never goes back."))
    var replayClock = false

    @Option(
        help: ArgumentHelp(
            "With --state, how long to wait for more lines before committing a batch, in milliseconds.",
            discussion: "Lines that arrive one at a time share a commit instead of paying an fsync each.",
            valueName: "ms"))
    var commitWindow = 2.0

    func validate() throws {
        if maxLine < 64 { throw ValidationError("--max-line must be at least 64") }
        if !(1...64).contains(workers) { throw ValidationError("--workers must be between 1 and 64") }
        if !(0...1_000).contains(commitWindow) { throw ValidationError("--commit-window must be between 0 and 1000") }
    }

    func run() throws {
        let engine = try DialogFrontend.engine(path)
        let server = try state.server(
            engine: engine, shards: plain ? 1 : workers, now: replayClock ? nil : Date().timeIntervalSince1970)
        let storage = "state in \(state.place)"
        Console.error(
            "usher serve: \(engine.bot.intents.count) intents loaded from \(path); \(storage); reading requests on stdin"
        )
        let output = LineWriter(fileDescriptor: 1)
        let reader = LineReader(
            fileDescriptor: 0, maximumLength: maxLine, window: state.isDurable ? commitWindow / 1_000 : 0)
        if plain {
            servePlain(server, reader, output)
        } else {
            serveJSON(server, reader, output)
        }
        output.flush()
        state.close(server)
    }

    /// Every complete line read is one batch, answered in order and flushed before reading on.
    private func serveJSON(_ server: ConversationServer, _ reader: LineReader, _ output: LineWriter) {
        var clock = Clock(replay: replayClock)
        serve(server, reader, output) { lines in
            clock.runs(of: lines).flatMap { server.respond(toBatch: Array($0.lines), now: $0.now) }
        } tooLong: { length, head in
            var error = ProtocolError.lineTooLong(bytes: length, limit: maxLine)
            error.id = ProtocolCodec.leadingID(head)
            return ProtocolCodec.encode(error)
        }
    }

    /// The time each request is served at: the wall clock, or with `--replay-clock` its own `"at"`
    /// (a request without one, or with one earlier than the latest so far, keeps the latest).
    struct Clock {
        let replay: Bool
        private var latest = 0.0

        init(replay: Bool) {
            self.replay = replay
        }

        /// The batch cut where the time changes: each run is answered (and committed) at its own
        /// time. Serving a batch at its latest `"at"` once logged a recorded day's events at one
        /// instant whenever the pipe delivered them together, so waits and handle times read 0.
        mutating func runs(of lines: [[UInt8]]) -> [(lines: ArraySlice<[UInt8]>, now: Double)] {
            guard replay else { return [(lines[...], Date().timeIntervalSince1970)] }
            var runs: [(lines: ArraySlice<[UInt8]>, now: Double)] = []
            var start = 0
            for (index, line) in lines.enumerated() {
                let time = max(latest, ProtocolCodec.requestTime(line) ?? latest)
                if time != latest || index == 0 {
                    if index > start { runs.append((lines[start..<index], latest)) }
                    start = index
                    latest = time
                }
            }
            runs.append((lines[start...], latest))
            return runs
        }
    }

    private func servePlain(_ server: ConversationServer, _ reader: LineReader, _ output: LineWriter) {
        serve(server, reader, output) { lines in
            server.respondPlain(toBatch: lines, now: Date().timeIntervalSince1970)
        } tooLong: { length, _ in
            "error: " + ProtocolError.lineTooLong(bytes: length, limit: maxLine).message
        }
    }

    /// Reads batches until the input ends: each batch's lines answered by `answer` (one commit),
    /// over-long lines by `tooLong`, in input order; a storage fault and its end are reported on
    /// stderr as they happen.
    private func serve(
        _ server: ConversationServer, _ reader: LineReader, _ output: LineWriter, answer: ([[UInt8]]) -> [String],
        tooLong: (Int, [UInt8]) -> String
    ) {
        while let batch = reader.nextBatch() {
            let lines = batch.compactMap { if case .line(let bytes) = $0 { bytes } else { nil } }
            let fault = server.storageFault
            var answers = (lines.isEmpty ? [] : answer(lines)).makeIterator()
            if server.storageFault != fault {
                state.report(
                    server.storageFault.map {
                        "storage failed: \($0); answering storage_unavailable until it works again"
                    }
                        ?? "storage works again", prefix: "usher serve: ")
            }
            for line in batch {
                switch line {
                case .line: output.write(answers.next() ?? "")
                case .tooLong(let length, let head): output.write(tooLong(length, head))
                }
            }
            output.flush()
        }
    }
}
