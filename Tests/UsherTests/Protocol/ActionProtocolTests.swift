import Foundation
import Testing

@testable import Usher

/// Actions over the JSON Lines protocol: the call goes out on the answer line, the result comes
/// back as an `action.result` line, and every kind of bad result gets a clear error that touches
/// nothing.
@Suite("Actions over the protocol")
struct ActionProtocolTests {
    static func decode(_ line: String) -> Result<ProtocolRequest, ProtocolError> {
        ProtocolCodec.decode(Array(line.utf8))
    }

    @Test func decodesResultsAndTheirDefaultOutcomes() {
        #expect(
            Self.decode(
                #"{"type": "action.result", "session": "s", "call": "c", "values": {"status": "shipped", "days": 3, "late": true}}"#
            )
                == .success(
                    .actionResult(
                        id: nil,
                        ActionResult(
                            session: "s", call: "c", outcome: "found",
                            values: ["status": "shipped", "days": "3", "late": "true"]))))
        // A backend's empty, blank or null field is no value: the reply that needs it is skipped,
        // and a result of nothing else was not found.
        #expect(
            Self.decode(
                #"{"type": "action.result", "session": "s", "call": "c", "values": {"status": "shipped", "eta": "", "note": " ", "days": null}}"#
            )
                == .success(
                    .actionResult(
                        id: nil, ActionResult(session: "s", call: "c", outcome: "found", values: ["status": "shipped"]))
                ))
        #expect(
            Self.decode(
                #"{"type": "action.result", "session": "s", "call": "c", "values": {"status": "", "eta": null}}"#)
                == .success(.actionResult(id: nil, ActionResult(session: "s", call: "c", outcome: "not_found"))))
        #expect(
            Self.decode(#"{"type": "action.result", "session": "s", "call": "c"}"#)
                == .success(.actionResult(id: nil, ActionResult(session: "s", call: "c", outcome: "not_found"))))
        #expect(
            Self.decode(#"{"type": "action.result", "session": "s", "call": "c", "error": "503 from the OMS"}"#)
                == .success(
                    .actionResult(
                        id: nil, ActionResult(session: "s", call: "c", outcome: "failed", error: "503 from the OMS"))))
        #expect(
            Self.decode(#"{"id": 4, "type": "action.result", "session": "s", "call": "c", "outcome": "late"}"#)
                == .success(.actionResult(id: .number(4), ActionResult(session: "s", call: "c", outcome: "late"))))
    }

    @Test(arguments: [
        (
            #"{"id": 1, "type": "action.result", "session": "s"}"#,
            "an action result needs \"call\", the id of the call it answers (from the action line)"
        ),
        (#"{"id": 1, "type": "action.result", "call": "c"}"#, "the request needs \"session\""),
        (
            #"{"id": 1, "type": "action.result", "session": "s", "call": 7}"#,
            "\"call\" must be a non-empty string, found a number"
        ),
        (
            #"{"id": 1, "type": "action.result", "session": "s", "call": "c", "values": [1]}"#,
            "\"values\" must be an object, found an array"
        ),
        (
            #"{"id": 1, "type": "action.result", "session": "s", "call": "c", "values": {"eta": {"day": 3}}}"#,
            "\"values.eta\" must be a string, number, boolean or null, found an object"
        ),
        (
            #"{"id": 1, "type": "action.result", "session": "s", "call": "c", "outcome": "not found"}"#,
            "\"outcome\" must be a name of letters, digits and _ (found, not_found, failed, …), found \"not found\""
        ),
        (
            #"{"id": 1, "type": "action.result", "session": "s", "call": "c", "outcome": 1}"#,
            "\"outcome\" must be a string such as \"found\", found a number"
        ),
        (
            #"{"id": 1, "type": "action.result", "session": "s", "call": "c", "outcome": "found", "error": "x"}"#,
            "a result with \"error\" is a failure: leave \"outcome\" out or make it \"failed\""
        ),
        (
            #"{"id": 1, "type": "action.result", "session": "s", "call": "c", "error": " "}"#,
            "\"error\" must be a non-empty string saying why the call failed"
        ),
    ])
    func refusesEachMalformedResult(line: String, message: String) {
        guard case .failure(let error) = Self.decode(line) else {
            Issue.record("expected an error for \(line)")
            return
        }
        #expect(error.code == "invalid_request")
        #expect(error.message == message)
        #expect(error.id == .number(1))
    }

    static let start = mondayMorning

    @Test func aCallGoesOutAndItsResultComesBackOnTheSameStream() throws {
        let server = ConversationServer(engine: DialogActionTests.engine)
        let asked = server.respond(
            to: Array(#"{"id": 1, "session": "s", "text": "where is my order AB123456"}"#.utf8), now: Self.start)
        let call = "s/\(Int(Self.start))/1"
        #expect(
            asked
                == #"{"id": 1, "session": "s", "intent": "order_status", "confidence": 0.9883, "slots": {"order_id": "AB123456"}, "replies": ["Looking up AB123456."], "state": "action", "action": {"name": "lookup_order", "call": "\#(call)", "slots": {"order_id": "AB123456"}, "timeout_seconds": 20}}"#,
            "\(asked)")
        // A message meanwhile: asked to wait, and the call is said again.
        let waiting = server.respond(to: Array(#"{"session": "s", "text": "hello?"}"#.utf8), now: Self.start + 1)
        #expect(waiting.contains(#""state": "action", "action": {"name": "lookup_order", "call": "\#(call)""#))
        // A malformed result and one for another call change nothing.
        let bad = server.respond(
            to: Array(#"{"id": 2, "type": "action.result", "session": "s", "values": {}}"#.utf8), now: Self.start + 2)
        #expect(bad.hasPrefix(#"{"id": 2, "error": {"code": "invalid_request""#))
        let wrong = server.respond(
            to: Array(#"{"id": 3, "type": "action.result", "session": "s", "call": "s/1/1"}"#.utf8),
            now: Self.start + 2)
        #expect(
            wrong
                == #"{"id": 3, "error": {"code": "unknown_call", "message": "session \"s\" waits for call \"\#(call)\" (lookup_order), not \"s/1/1\"; the result was not used"}}"#
        )
        let answered = server.respond(
            to: Array(
                #"{"id": 4, "type": "action.result", "session": "s", "call": "\#(call)", "values": {"status": "shipped"}}"#
                    .utf8), now: Self.start + 3)
        #expect(
            answered
                == #"{"id": 4, "session": "s", "intent": "order_status", "confidence": 1, "slots": {"order_id": "AB123456"}, "replies": ["Order AB123456: shipped."], "state": "bot", "outcome": "found"}"#,
            "\(answered)")
        // Answered once: the same result again is an unknown call.
        let again = server.respond(
            to: Array(#"{"type": "action.result", "session": "s", "call": "\#(call)"}"#.utf8), now: Self.start + 4)
        #expect(again.contains(#""code": "unknown_call""#))
        // The log keeps the result's turn, decided by the action.
        let log = try server.store.log()
        #expect(log.turns.map(\.decidedBy) == [.similarity, .form, .action])
        #expect(log.turns.last?.replies == ["Order AB123456: shipped."])
    }

    @Test func manySessionsAnswerTheirCallsInParallelAsOnOneThread() throws {
        func run(shards: Int) -> [String] {
            let server = ConversationServer(engine: DialogActionTests.engine, shards: shards)
            let sessions = (0..<100).map { "c\($0)" }
            var answers = server.respond(
                toBatch: sessions.map {
                    Array(#"{"session": "\#($0)", "text": "track my order AB\#(100_000 + Int($0.dropFirst())!)"}"#.utf8)
                },
                now: Self.start)
            answers += server.respond(
                toBatch: sessions.map { session in
                    Array(
                        #"{"type": "action.result", "session": "\#(session)", "call": "\#(session)/\#(Int(Self.start))/1", "values": {"status": "sent"}}"#
                            .utf8)
                }, now: Self.start + 1)
            return answers
        }
        let parallel = run(shards: 2)
        #expect(parallel == run(shards: 1))
        #expect(parallel.count == 200)
        #expect(
            parallel[100..<200].allSatisfy {
                $0.contains(#""replies": ["Order AB1"#) && $0.contains(#""outcome": "found""#)
            })
    }
}
