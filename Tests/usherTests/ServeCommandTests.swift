import Foundation
import Testing

@Suite("usher serve")
struct ServeCommandTests {
    @Test func answersEveryLineInOrderAndExitsAtEndOfInput() throws {
        let input = """
            {"id": 1, "session": "c-1", "text": "I want to file a claim"}
            {"id": 2, "session": "c-2", "text": "hello"}
            this is not json
            {"id": 3, "session": "c-1", "text": "PN-123456"}
            {"id": 4, "type": "ping"}
            {"id": 5, "type": "dance"}

            """
        let output = try UsherBinary.run(["serve"], input: input)
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix(#"{"id": 1, "session": "c-1", "intent": "file_claim""#))
        #expect(lines[0].contains(#""replies": ["What is your policy number?"]"#))
        #expect(lines[1].hasPrefix(#"{"id": 2, "session": "c-2", "intent": "greeting""#))
        #expect(
            lines[2] == #"{"error": {"code": "invalid_json", "message": "column 1: unexpected 't'; expected a value"}}"#
        )
        #expect(lines[3].contains(#""slots": {"policy_number": "PN-123456"}, "replies": ["When did it happen?"]"#))
        #expect(lines[4] == #"{"id": 4, "pong": true}"#)
        #expect(
            lines[5]
                == #"{"id": 5, "error": {"code": "unknown_type", "message": "unknown request type \"dance\"; expected message, action.result, reset, get, ping, queue.list, queue.leave or an agent.* request"}}"#
        )
        #expect(lines[6] == "")
        #expect(output.stderr.contains("usher serve: "))
    }

    @Test func refusesOverlongLinesWithoutLosingTheNext() throws {
        let long = "{\"session\": \"s\", \"text\": \"" + String(repeating: "a", count: 200) + "\"}"
        let output = try UsherBinary.run(
            ["serve", "--max-line", "100"], input: long + "\n{\"id\": 9, \"type\": \"ping\"}\n")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                #"{"error": {"code": "line_too_long", "message": "the line has 228 bytes; the limit is 100 (see --max-line)"}}"#,
                #"{"id": 9, "pong": true}"#,
            ])
        // Its id, when the first bytes hold it, is echoed so the client can match the error.
        let withID = "{\"id\": 41, \"session\": \"s\", \"text\": \"" + String(repeating: "a", count: 200_000) + "\"}"
        let echoed = try UsherBinary.run(["serve", "--max-line", "100"], input: withID + "\n")
        #expect(
            echoed.stdout
                == #"{"id": 41, "error": {"code": "line_too_long", "message": "the line has 200038 bytes; the limit is 100 (see --max-line)"}}"#
                + "\n")
    }

    /// The answer after a session expired says what went with it (docs/protocol.md's example).
    @Test func anExpiredSessionsNextAnswerSaysWhatItDropped() throws {
        let input = """
            {"id": 7, "session": "c-1", "text": "I want to file a claim", "at": 1795428000}
            {"id": 8, "session": "c-1", "text": "PN-123456", "at": 1795428000}
            {"id": 9, "session": "c-1", "text": "hello", "at": 1795429860}

            """
        let lines = try UsherBinary.run(["serve", "--replay-clock"], input: input).stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(!lines[1].contains("expired"))
        #expect(
            lines.last
                == #"{"id": 9, "session": "c-1", "intent": "greeting", "confidence": 0.9997, "slots": {}, "replies": ["Hello! How can I help you today?"], "state": "bot", "expired": {"idle_seconds": 1860, "session_ttl": 1800, "forms": [{"intent": "file_claim", "pending_slot": "incident_date", "reprompts": 0}], "slots": ["policy_number"], "action": null}}"#
        )
    }

    /// An id comes back with the value it was sent with, or the request is refused saying why:
    /// `1e-400` was answered as id `0`, another request's id.
    @Test func idsComeBackExactlyOrAreRefused() throws {
        let input = """
            {"id": 1e-400, "session": "c-1", "text": "hello"}
            {"id": 0.5, "type": "ping"}
            {"id": 1e-400, "text": "\(String(repeating: "a", count: 200))"}

            """
        let lines = try UsherBinary.run(["serve", "--max-line", "100"], input: input).stdout.split(separator: "\n")
        #expect(
            lines == [
                #"{"error": {"code": "invalid_request", "message": "\"id\" has the number 1e-400, which cannot be echoed exactly (it would come back as 0); send it as a string"}}"#,
                #"{"id": 0.5, "pong": true}"#,
                #"{"error": {"code": "line_too_long", "message": "the line has 226 bytes; the limit is 100 (see --max-line)"}}"#,
            ])
    }

    @Test func plainModeForShellPipes() throws {
        let output = try UsherBinary.run(
            ["serve", "--plain"], input: "hello\nwhere is my order?\nAB123456\nother\thello\n")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "Hello! How can I help you today?")
        #expect(lines[1] == "What is your order number? It looks like AB123456.")
        #expect(lines[2].contains("AB123456"))
        #expect(lines[3] == "Hello! How can I help you today?")
    }

    @Test func aScriptedConversationGivesByteIdenticalOutput() throws {
        let script =
            (0..<500).map { index -> String in
                let texts = [
                    "hello", "I want to file a claim", "PN-12345\(index % 10)", "yesterday", "where is my order",
                    "xyzzy", "AB12345\(index % 10)", "thanks",
                ]
                return
                    "{\"id\": \(index), \"session\": \"c-\(index % 7)\", \"text\": \"\(texts[index % texts.count])\"}"
            }.joined(separator: "\n") + "\n"
        // A fixed clock: an action's call id carries the time its session began.
        let first = try UsherBinary.run(["serve", "--replay-clock"], input: script)
        let second = try UsherBinary.run(["serve", "--replay-clock"], input: script)
        #expect(first.stdout.split(separator: "\n").count == 500)
        #expect(first.stdout == second.stdout)
    }

    /// A batch was served at its latest "at": t-1 began at t-2's time whenever the pipe delivered
    /// both lines together, and a replayed day's waits all read 0 s.
    @Test func theReplayClockServesEachRequestAtItsOwnTime() throws {
        let input = """
            {"id": 1, "at": 1796112000, "session": "t-1", "text": "hello"}
            {"id": 2, "at": 1796112100, "session": "t-2", "text": "hello"}
            {"id": 3, "type": "get", "session": "t-1"}
            {"id": 4, "at": 1796112050, "type": "get", "session": "t-2"}

            """
        let lines = try UsherBinary.run(["serve", "--replay-clock"], input: input).stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[2].contains(#""created_at": 1796112000, "updated_at": 1796112000"#))
        // The clock never goes back: an earlier "at" keeps the latest time.
        #expect(lines[3].contains(#""created_at": 1796112100, "updated_at": 1796112100"#))
    }
}

@Suite("usher serve handoff")
struct ServeHandoffTests {
    @Test func aCustomerIsHandedToAnAgentAndBack() throws {
        let input = """
            {"id": 1, "session": "c-1", "text": "I want to speak to a human"}
            {"id": 2, "type": "agent.join", "agent": "alice", "queues": ["general"], "capacity": 2}
            {"id": 3, "type": "agent.claim", "agent": "alice"}
            {"id": 4, "session": "c-1", "text": "my parcel never arrived"}
            {"id": 5, "type": "agent.say", "agent": "alice", "session": "c-1", "text": "Let me look."}
            {"id": 6, "type": "agent.release", "agent": "alice", "session": "c-1"}
            {"id": 7, "session": "c-1", "text": "hello"}
            {"id": 8, "type": "agent.claim", "agent": "bob"}

            """
        let output = try UsherBinary.run(["serve"], input: input)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(lines[0].contains(#""state": "queued", "handoff": {"ticket": 1, "queue": "general", "position": 1"#))
        #expect(lines[1] == #"{"id": 2, "agent": "alice", "joined": true, "capacity": 2}"#)
        #expect(
            lines[2].contains(
                #""session": "c-1", "ticket": 1, "queue": "general", "summary": {"reason": "intent talk_to_human""#))
        #expect(
            lines[3].hasSuffix(
                #""state": "agent", "events": [{"type": "to_agent", "agent": "alice", "session": "c-1", "text": "my parcel never arrived"}]}"#
            ))
        #expect(lines[4].contains(#"{"type": "to_customer", "session": "c-1", "text": "Let me look."}"#))
        #expect(lines[5].contains(#""released": true"#))
        #expect(lines[6].contains(#""intent": "greeting""#) && lines[6].contains(#""state": "bot""#))
        #expect(lines[7] == #"{"id": 8, "error": {"code": "unknown_agent", "message": "no agent \"bob\" has joined"}}"#)
    }
}
