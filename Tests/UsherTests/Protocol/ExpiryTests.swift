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
}
