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

    func validate() throws {
        if maxLine < 64 { throw ValidationError("--max-line must be at least 64") }
    }

    func run() throws {
        let engine = try DialogFrontend.engine(path)
        let server = ConversationServer(engine: engine, store: InMemorySessionStore())
        Console.error("usher serve: \(engine.bot.intents.count) intents loaded from \(path); reading requests on stdin")
        let output = LineWriter(fileDescriptor: 1)
        let reader = LineReader(fileDescriptor: 0, maximumLength: maxLine)
        while let batch = reader.nextBatch() {
            for line in batch {
                let now = Date().timeIntervalSince1970
                switch line {
                case .line(let bytes):
                    output.write(
                        plain
                            ? server.respondPlain(to: String(decoding: bytes, as: UTF8.self), now: now)
                            : server.respond(to: bytes, now: now))
                case .tooLong(let length):
                    let error = ProtocolError.lineTooLong(bytes: length, limit: maxLine)
                    output.write(plain ? "error: \(error.message)" : ProtocolCodec.encode(error))
                }
            }
            output.flush()
        }
        output.flush()
    }
}
