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

    @Test func aFailedBatchLeavesNoTicketAndTheNextOneWorks() throws {
        let place = try StorePlace()
        let engine = try DialogEngine(bot: BotLoader.load(path: Self.bot))
        let server = ConversationServer(
            engine: engine, store: try SQLiteConversationStore(path: place.file, busyTimeout: 0.05))
        try server.catchUp(now: 1_795_428_000)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: place.file, configuration: configuration)
        try other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
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
}
