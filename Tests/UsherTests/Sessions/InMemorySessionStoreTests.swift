import Foundation
import Testing

@testable import Usher

@Suite("InMemorySessionStore")
struct InMemorySessionStoreTests {
    @Test func savesLoadsRemovesAndExpires() {
        let store = InMemorySessionStore()
        var old = SessionState(id: "old", language: "en", now: 0)
        old.slots["a"] = "1"
        store.save(old)
        store.save(SessionState(id: "new", language: "en", now: 900))
        #expect(store.session("old") == old)
        #expect(store.count == 2)
        #expect(store.removeExpired(now: 1_000, ttl: 500) == 1)
        #expect(store.session("old") == nil)
        store.remove("new")
        #expect(store.count == 0)
    }

    @Test func statesRoundTripThroughCodable() throws {
        let turns = converse(["I want to file a claim", "PN-123456"])
        let data = try JSONEncoder().encode(turns[1].state)
        #expect(try JSONDecoder().decode(SessionState.self, from: data) == turns[1].state)
    }
}
