import Foundation
import Testing

@testable import Usher

/// What only the in-memory store does; what every store does is in the conformance suite
/// (UsherStorageTests).
@Suite("InMemoryConversationStore")
struct InMemoryConversationStoreTests {
    @Test func theLogIsBoundedEventsIncluded() throws {
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
        try store.transact { _ in
            var changes = StoreChanges()
            changes.events = (10..<40).map {
                .joined(agent: "a\($0)", queues: ["general"], capacity: 1, at: Double($0))
            }
            return (changes, ())
        }
        #expect(store.log().events.count <= 10 && store.log().events.last?.agent == "a39")
    }

    @Test func aStoreWithoutALogKeepsNothing() throws {
        let store = InMemoryConversationStore(logLimit: 0)
        let server = ConversationServer(engine: claimEngine, store: store)
        for session in 0..<20 {
            _ = try server.converse(CustomerMessage(session: "s\(session)", text: "human please"), now: mondayMorning)
            try server.reset(session: "s\(session)", now: mondayMorning + 1)
        }
        #expect(store.log() == ConversationLog())
        #expect(!store.keepsLog)
    }

    @Test func statesRoundTripThroughCodable() throws {
        let turns = converse(["I want to file a claim", "PN-123456"])
        let data = try JSONEncoder().encode(turns[1].state)
        #expect(try JSONDecoder().decode(SessionState.self, from: data) == turns[1].state)
    }
}
