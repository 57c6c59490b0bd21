@testable import Usher

extension ConversationServer {
    /// A server over a fresh in-memory store.
    convenience init(engine: DialogEngine, shards: Int = 1) {
        self.init(engine: engine, store: InMemoryConversationStore(), shards: shards)
    }

    /// The answer to one line, as a batch of one.
    func respond(to line: [UInt8], now: Double) -> String {
        respond(toBatch: [line], now: now)[0]
    }
}
