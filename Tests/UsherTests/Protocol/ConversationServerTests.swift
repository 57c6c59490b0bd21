import Foundation
import Testing

@testable import Usher

@Suite("ConversationServer")
struct ConversationServerTests {
    func server() -> ConversationServer {
        ConversationServer(engine: claimEngine)
    }

    @Test func keepsSessionsApart() {
        let server = server()
        _ = server.respond(to: Array(#"{"session": "a", "text": "I want to file a claim"}"#.utf8), now: mondayMorning)
        // In a's form "hmm" would be a reprompt; b has no form, so it is out of scope there.
        let other = server.respond(to: Array(#"{"session": "b", "text": "hmm"}"#.utf8), now: mondayMorning)
        #expect(other.contains("\"intent\": null"))
        let same = server.respond(
            to: Array(#"{"id": 2, "session": "a", "text": "PN-123456"}"#.utf8), now: mondayMorning)
        #expect(
            same.hasPrefix(
                #"{"id": 2, "session": "a", "intent": "file_claim", "confidence": 1, "slots": {"policy_number": "PN-123456"}, "replies": ["When did it happen?"]"#
            ))
    }

    @Test func getResetAndPing() {
        let server = server()
        _ = server.respond(
            to: Array(#"{"session": "a", "text": "I want to file a claim", "meta": {"tier": "vip"}}"#.utf8),
            now: mondayMorning)
        let state = server.respond(to: Array(#"{"id": 1, "type": "get", "session": "a"}"#.utf8), now: mondayMorning)
        #expect(
            state.hasPrefix(
                #"{"id": 1, "session": "a", "found": true, "handoff": null, "state": {"slots": {}, "contexts": {}, "forms": [{"intent": "file_claim", "pending_slot": "policy_number", "reprompts": 0}], "consecutive_fallbacks": 0, "turns": 1, "language": "en", "metadata": {"tier": "vip"}"#
            ))
        #expect(
            server.respond(to: Array(#"{"id": 2, "type": "reset", "session": "a"}"#.utf8), now: mondayMorning)
                == #"{"id": 2, "session": "a", "reset": true}"#)
        #expect(
            server.respond(to: Array(#"{"type": "get", "session": "a"}"#.utf8), now: mondayMorning)
                == #"{"session": "a", "found": false, "handoff": null, "state": null}"#)
        #expect(
            server.respond(to: Array(#"{"id": 3, "type": "ping"}"#.utf8), now: mondayMorning)
                == #"{"id": 3, "pong": true}"#)
    }

    /// After a crash between a claim's commit and its answer, no request told a gateway that an
    /// agent held its customer: `get` says where the contact centre has the session, in input
    /// order within a batch, with one worker or several.
    @Test(arguments: [1, 2])
    func getSaysWhoHasTheSession(workers: Int) {
        let server = ConversationServer(engine: claimEngine, shards: workers)
        let lines = [
            #"{"session": "a", "text": "human please"}"#, #"{"type": "get", "session": "a"}"#,
            #"{"type": "agent.join", "agent": "bob", "queues": ["general"]}"#,
            #"{"type": "agent.claim", "agent": "bob"}"#,
            #"{"type": "get", "session": "a"}"#,
        ]
        let answers = server.respond(toBatch: lines.map { Array($0.utf8) }, now: mondayMorning)
        #expect(
            answers[1].hasPrefix(
                #"{"session": "a", "found": true, "handoff": {"status": "queued", "queue": "general", "ticket": 1}, "state": {"#
            ))
        #expect(
            answers[4].hasPrefix(
                #"{"session": "a", "found": true, "handoff": {"status": "agent", "agent": "bob", "queue": "general", "ticket": 1}, "state": {"#
            ))
    }

    @Test func plainLinesTakeAnOptionalSession() {
        let server = ConversationServer(engine: claimEngine, shards: 1)
        #expect(
            server.respondPlain(
                toBatch: ["I want to file a claim", "other\thmm", "PN-123456"], now: mondayMorning)
                == ["What is your policy number?", "Sorry, I did not get that.", "When did it happen?"])
    }

    /// Thousands of random and malformed lines, interleaved with a real conversation: every line
    /// gets exactly one response line, and the conversation is untouched by the noise.
    @Test func survivesMalformedInputWithOneAnswerPerLine() throws {
        let server = server()
        var random = SeededRandom(seed: 2026)
        let fragments = [
            "{", "}", "[", "]", "\"", "\\", ":", ",", "null", "true", "1e999", "\"session\"", "\"text\"", "\"type\"",
            "{\"session\": \"n\"",
            "\u{0}", "\u{7F}", "é", "😀", " ", "\"id\":", "\"meta\": {}", "\"reset\"", "\"get\"", "0", "-", ".", "\n",
        ]
        let conversation = ["I want to file a claim", "PN-123456", "yesterday"]
        var replies: [String] = []
        for step in 0..<3_000 {
            var line: [UInt8]
            if step % 1_000 == 999 {
                line = Array(
                    "{\"id\": \"real\", \"session\": \"real\", \"text\": \"\(conversation[step / 1_000])\"}".utf8)
            } else {
                line = Array(
                    (0..<random.next(below: 12)).map { _ in fragments[random.next(below: fragments.count)] }.joined()
                        .utf8)
                if random.next(below: 10) == 0 { line.append(UInt8(0x80 + random.next(below: 0x7F))) }
            }
            line.removeAll { $0 == UInt8(ascii: "\n") }
            let response = server.respond(to: line, now: mondayMorning + Double(step) / 10)
            #expect(!response.isEmpty && !response.contains("\n"))
            #expect((try? JSONParser.parse(response)) != nil, "not JSON: \(response)")
            if step % 1_000 == 999 { replies.append(response) }
        }
        #expect(replies[2].contains(#""replies": ["Thanks. Claim for policy PN-123456, incident on"#))
        #expect(
            server.respond(to: Array(#"{"id": 1, "type": "ping"}"#.utf8), now: mondayMorning)
                == #"{"id": 1, "pong": true}"#)
    }
}
