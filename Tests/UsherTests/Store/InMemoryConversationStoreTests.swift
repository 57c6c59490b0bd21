import Foundation
import Testing

@testable import Usher

/// What only the in-memory store does; what every store does is in the conformance suite
/// (UsherStorageTests).
@Suite("InMemoryConversationStore")
struct InMemoryConversationStoreTests {
    @Test func theLogIsBoundedButEveryCentreEventIsKept() throws {
        let store = InMemoryConversationStore(logLimit: 8)
        for batch in 0..<10 {
            try store.transact { _ in
                var changes = StoreChanges()
                changes.turns = (0..<4).map {
                    TurnRecord(
                        at: Double(batch * 4 + $0), session: "s", text: "t", intent: nil, confidence: 0,
                        decidedBy: .fallback, replies: [], state: "bot", botVersion: "v")
                }
                changes.events = [.joined(agent: "a\(batch)", queues: ["general"], capacity: 1, at: Double(batch))]
                return (changes, ())
            }
        }
        let log = store.log()
        #expect(log.turns.count <= 10 && log.turns.count >= 8)
        #expect(log.turns.last?.at == 39)
        #expect(log.events.count == 10)
    }

    @Test func statesRoundTripThroughCodable() throws {
        let turns = converse(["I want to file a claim", "PN-123456"])
        let data = try JSONEncoder().encode(turns[1].state)
        #expect(try JSONDecoder().decode(SessionState.self, from: data) == turns[1].state)
    }
}
