import Testing

@testable import Usher

/// Expired sessions are freed under any traffic, customer messages alone included, and each is
/// logged (issue 11: three rounds of sessions with a 1-second lifetime grew memory without end).
@Suite("Expiry")
struct ExpiryTests {
    @Test func onlyCustomerMessagesStillFreeExpiredSessions() throws {
        var bot = claimBot
        bot.settings.sessionTTL = 1
        let store = InMemoryConversationStore(logLimit: 100_000)
        let server = ConversationServer(engine: try DialogEngine(bot: bot), store: store, shards: 2)
        let perRound = 5_000
        for round in 0..<3 {
            let now = mondayMorning + Double(round) * 100
            for start in stride(from: 0, to: perRound, by: 250) {
                let lines = (start..<start + 250).map {
                    Array(#"{"session": "r\#(round)-\#($0)", "text": "hello"}"#.utf8)
                }
                _ = server.respond(toBatch: lines, now: now)
            }
            // Everything from earlier rounds is gone; only this round's sessions are held.
            #expect(try server.sessionCount() == perRound, "round \(round)")
        }
        let ends = store.log().ends
        #expect(ends.count == 2 * perRound)
        #expect(ends.allSatisfy { $0.reason == .expired })
    }

    /// A line for `session` at `now`, answered by `server`.
    private func say(_ server: ConversationServer, _ session: String, _ text: String, at now: Double) -> String {
        server.respond(to: Array(#"{"session": "\#(session)", "text": "\#(text)"}"#.utf8), now: now)
    }

    /// A half-filled form that expired is not dropped silently: the message that finds it gone
    /// says what went with it, once (the claim bot's session_ttl is 600 seconds).
    @Test func theMessageAfterAnExpiryIsToldWhatWasDropped() {
        let server = ConversationServer(engine: claimEngine)
        _ = say(server, "s", "I want to file a claim", at: mondayMorning)
        _ = say(server, "s", "PN-123456", at: mondayMorning + 1)
        let told = say(server, "s", "hello", at: mondayMorning + 1_000)
        #expect(
            told.hasSuffix(
                #""state": "bot", "expired": {"idle_seconds": 999, "session_ttl": 600, "forms": [{"intent": "file_claim", "pending_slot": "incident_date", "reprompts": 0}], "slots": ["policy_number"], "action": null}}"#
            ))
        #expect(told.contains(#""intent": "greeting""#))
        #expect(!say(server, "s", "hello", at: mondayMorning + 1_001).contains("expired"))
    }

    /// Swept by another customer's batch first, the session's expiry is still told when its
    /// customer comes back.
    @Test func anExpirySweptEarlierIsToldWhenTheCustomerComesBack() throws {
        let server = ConversationServer(engine: claimEngine, shards: 2)
        _ = say(server, "s", "I want to file a claim", at: mondayMorning)
        _ = say(server, "other", "hello", at: mondayMorning + 700)
        #expect(try server.sessionCount() == 1)
        let told = say(server, "s", "hello", at: mondayMorning + 900)
        #expect(
            told.contains(
                #""expired": {"idle_seconds": 900, "session_ttl": 600, "forms": [{"intent": "file_claim", "pending_slot": "policy_number", "reprompts": 0}], "slots": [], "action": null}"#
            ))
        #expect(!say(server, "s", "hello", at: mondayMorning + 901).contains("expired"))
    }

    /// A session reset after it expired starts afresh with nothing to tell; so does one that
    /// never was, and one still alive.
    @Test func nothingIsToldWithoutAnExpiry() {
        let server = ConversationServer(engine: claimEngine)
        _ = say(server, "s", "I want to file a claim", at: mondayMorning)
        _ = say(server, "other", "hello", at: mondayMorning + 700)
        _ = server.respond(to: Array(#"{"type": "reset", "session": "s"}"#.utf8), now: mondayMorning + 701)
        #expect(!say(server, "s", "hello", at: mondayMorning + 702).contains("expired"))
        #expect(!say(server, "new", "hello", at: mondayMorning + 703).contains("expired"))
        #expect(!say(server, "new", "hello", at: mondayMorning + 1_200).contains("expired"))
    }

    /// A batch served in parallel tells each expiry on the shard of its session.
    @Test func aParallelBatchTellsEveryExpiry() {
        let server = ConversationServer(engine: claimEngine, shards: 2)
        let sessions = (0..<100).map { "p-\($0)" }
        func batch(_ text: String, at now: Double) -> [String] {
            server.respond(
                toBatch: sessions.map { Array(#"{"session": "\#($0)", "text": "\#(text)"}"#.utf8) }, now: now)
        }
        _ = batch("I want to file a claim", at: mondayMorning)
        let told = batch("hello", at: mondayMorning + 700)
        #expect(
            told.allSatisfy {
                $0.contains(#""expired": {"idle_seconds": 700, "session_ttl": 600, "forms": [{"intent": "file_claim""#)
            })
        #expect(batch("hello", at: mondayMorning + 701).allSatisfy { !$0.contains("expired") })
    }

    /// The expiries a server remembers to tell are bounded: past the bound, the oldest go.
    @Test func rememberedExpiriesAreBounded() throws {
        var bot = claimBot
        bot.settings.sessionTTL = 1
        let server = ConversationServer(engine: try DialogEngine(bot: bot), shards: 2)
        for round in 0..<4 {
            // Batches of 250, as a busy server's are: each sweeps up to 1,000 expired sessions.
            for start in stride(from: 0, to: 5_000, by: 250) {
                let lines = (start..<start + 250).map {
                    Array(#"{"session": "r\#(round)-\#($0)", "text": "hello"}"#.utf8)
                }
                _ = server.respond(toBatch: lines, now: mondayMorning + Double(round) * 100)
            }
        }
        // Rounds 0 to 2 expired, 15,000: past the bound and a quarter (12,500) the oldest went,
        // down to the bound, and the rest of round 2 came after.
        let bound = ConversationServer.rememberedExpiries
        #expect(server.expiries.count == 12_000 && server.expiries.count <= bound + bound / 4)
        let rounds = (0..<3).map { round in server.expiries.keys.filter { $0.hasPrefix("r\(round)-") }.count }
        #expect(rounds == [2_000, 5_000, 5_000])
        let forgotten = try #require((0..<5_000).first { server.expiries["r0-\($0)"] == nil })
        let later = mondayMorning + 500
        #expect(
            !server.respond(to: Array(#"{"session": "r0-\#(forgotten)", "text": "hello"}"#.utf8), now: later).contains(
                "expired"))
        #expect(
            server.respond(to: Array(#"{"session": "r2-0", "text": "hello"}"#.utf8), now: later).contains("expired"))
    }

    /// A swept session another process sharing the store has served since is not told of the
    /// old expiry later, when it starts afresh again.
    @Test func anExpiryAnotherProcessOvertookIsNotTold() {
        let store = InMemoryConversationStore()
        let (a, b) = (
            ConversationServer(engine: claimEngine, store: store), ConversationServer(engine: claimEngine, store: store)
        )
        _ = say(a, "s", "I want to file a claim", at: mondayMorning)
        _ = say(a, "other", "hello", at: mondayMorning + 700)
        #expect(!say(b, "s", "hello", at: mondayMorning + 701).contains("expired"))
        #expect(!say(a, "s", "hello", at: mondayMorning + 702).contains("expired"))
        _ = b.respond(to: Array(#"{"type": "reset", "session": "s"}"#.utf8), now: mondayMorning + 703)
        #expect(!say(a, "s", "hello", at: mondayMorning + 704).contains("expired"))
    }
}
