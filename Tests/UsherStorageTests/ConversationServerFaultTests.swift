import Foundation
import GRDB
import Testing
import Usher
import UsherStorage

/// The serving core over a store that fails: the batch's requests are answered
/// storage_unavailable, and nothing of the batch is kept anywhere, the contact centre included.
@Suite("ConversationServer over a failing store")
struct ConversationServerFaultTests {
    static let bot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("intents").path

    /// A server on a real file (busy timeout 0.05 s) that another connection holds locked.
    static func lockedByAnotherProcess() throws -> (StorePlace, ConversationServer, DatabaseQueue) {
        let place = try StorePlace()
        let engine = try DialogEngine(bot: BotLoader.load(path: Self.bot))
        let server = ConversationServer(
            engine: engine, store: try SQLiteConversationStore(path: place.file, busyTimeout: 0.05))
        try server.catchUp(now: 1_795_428_000)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: place.file, configuration: configuration)
        try other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        return (place, server, other)
    }

    @Test func aFailedBatchLeavesNoTicketAndTheNextOneWorks() throws {
        let (place, server, other) = try Self.lockedByAnotherProcess()
        let lines = [
            #"{"id": 1, "session": "a", "text": "I want to speak to a human"}"#, #"{"id": 2, "type": "ping"}"#, "{",
        ].map { Array($0.utf8) }
        let failed = server.respond(toBatch: lines, now: 1_795_428_001)
        #expect(
            failed[0]
                == #"{"id": 1, "error": {"code": "storage_unavailable", "message": "\#(place.file): the database is locked by another process; nothing of the batch was kept"}}"#
        )
        #expect(failed[1] == #"{"id": 2, "pong": true}"#)
        #expect(failed[2].contains(#""code": "invalid_json""#))
        #expect(server.contactCentre.waiting.isEmpty)
        try other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        let answered = server.respond(toBatch: [lines[0]], now: 1_795_428_002)[0]
        #expect(answered.contains(#""ticket": 1"#), "\(answered)")
        #expect(server.contactCentre.waiting.map(\.session) == ["a"])
        #expect(try server.store.log().turns.count == 1)
    }

    /// A health probe waited out the busy timeout while another process held the database: a
    /// batch of pings (and bad lines) never touches the store, so it reports no fault.
    @Test func pingsNeedNoStore() throws {
        let (place, server, other) = try Self.lockedByAnotherProcess()
        let pings = server.respond(
            toBatch: [#"{"id": 1, "type": "ping"}"#, "{"].map { Array($0.utf8) }, now: 1_795_428_001)
        #expect(pings[0] == #"{"id": 1, "pong": true}"#)
        #expect(pings[1].contains(#""code": "invalid_json""#))
        #expect(server.storageFault == nil)
        // A request that needs the store still meets the lock.
        let locked = server.respond(toBatch: [Array(#"{"id": 2, "type": "queue.list"}"#.utf8)], now: 1_795_428_002)
        #expect(locked[0].contains(#""code": "storage_unavailable""#))
        #expect(server.storageFault != nil)
        try other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        withExtendedLifetime(place) {}  // the file lives until the lock is let go
    }

    /// A damaged session row fails only that session's requests, with why; the server starts and
    /// serves everyone else, the row is never overwritten, and a reset clears it.
    @Test func anUnreadableSessionFailsOnlyItsOwnRequests() throws {
        let place = try StorePlace()
        let engine = try DialogEngine(bot: BotLoader.load(path: Self.bot))
        let first = ConversationServer(engine: engine, store: try SQLiteConversationStore(path: place.file))
        _ = first.respond(
            toBatch: [#"{"session": "bad", "text": "hello"}"#, #"{"session": "good", "text": "hello"}"#].map {
                Array($0.utf8)
            }, now: 1_795_428_000)
        try DatabaseQueue(path: place.file).write { db in
            try db.execute(sql: #"UPDATE sessions SET state = '{"id":"bad"}' WHERE id = 'bad'"#)
        }
        let server = ConversationServer(engine: engine, store: try SQLiteConversationStore(path: place.file))
        try server.catchUp(now: 1_795_428_000 + 86_400)
        let problem =
            #"\#(place.file): table sessions, row id "bad", column state: no "slots"; a reset of the session clears it"#
        let answers = server.respond(
            toBatch: [
                #"{"id": 1, "session": "bad", "text": "hello"}"#, #"{"id": 2, "session": "good", "text": "hello"}"#,
                #"{"id": 3, "type": "get", "session": "bad"}"#,
            ].map { Array($0.utf8) }, now: 1_795_428_010)
        let refusal = #", "error": {"code": "session_unreadable", "message": "# + JSONWriter.string(problem) + "}}"
        #expect(answers[0] == #"{"id": 1"# + refusal)
        #expect(answers[1].contains(#""intent": "greeting""#))
        #expect(answers[2] == #"{"id": 3"# + refusal)
        let stored = try DatabaseQueue(path: place.file).read { db in
            try String.fetchOne(db, sql: "SELECT CAST(state AS TEXT) FROM sessions WHERE id = 'bad'")
        }
        #expect(stored == #"{"id":"bad"}"#)
        let reset = server.respond(
            toBatch: [Array(#"{"id": 4, "type": "reset", "session": "bad"}"#.utf8)], now: 1_795_428_020)
        #expect(reset == [#"{"id": 4, "session": "bad", "reset": true}"#])
        let fresh = server.respond(
            toBatch: [Array(#"{"id": 5, "session": "bad", "text": "hello"}"#.utf8)], now: 1_795_428_030)
        #expect(fresh[0].contains(#""intent": "greeting""#))
        // The sweep passed the unreadable session by (the readable one expired); the reset ended it.
        #expect(try server.store.log().ends.filter { $0.session == "bad" }.map(\.reason) == [.reset])
    }

    /// An agent claimed a waiting session whose row was damaged and got an empty summary, as if
    /// the customer had said nothing: its first next step now says the record cannot be read.
    @Test func anAgentIsToldWhenTheClaimedSessionCannotBeRead() throws {
        let place = try StorePlace()
        let engine = try DialogEngine(bot: BotLoader.load(path: Self.bot))
        let first = ConversationServer(engine: engine, store: try SQLiteConversationStore(path: place.file))
        _ = first.respond(
            toBatch: [Array(#"{"session": "bad", "text": "I want to speak to a human"}"#.utf8)], now: 1_795_428_000)
        try DatabaseQueue(path: place.file).write { db in
            try db.execute(sql: "UPDATE sessions SET state = 'garbage' WHERE id = 'bad'")
        }
        let server = ConversationServer(engine: engine, store: try SQLiteConversationStore(path: place.file))
        try server.catchUp(now: 1_795_428_010)
        let answers = server.respond(
            toBatch: [
                #"{"id": 1, "type": "agent.join", "agent": "bob", "queues": ["general"]}"#,
                #"{"id": 2, "type": "agent.claim", "agent": "bob"}"#,
            ].map { Array($0.utf8) }, now: 1_795_428_020)
        #expect(answers[1].contains(#""session": "bad""#), "\(answers[1])")
        #expect(
            answers[1].contains(
                #""transcript": [], "intents": [], "slots": {}, "sentiment_trend": "steady", "key_phrases": [], "next_steps": ["The bot's record of this conversation cannot be read, so there is no transcript: ask what they need."]"#
            ), "\(answers[1])")
    }
}
