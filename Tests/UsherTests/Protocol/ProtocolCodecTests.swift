import Testing

@testable import Usher

private func decode(_ line: String) -> Result<ProtocolRequest, ProtocolError> {
    ProtocolCodec.decode(Array(line.utf8))
}

@Suite("ProtocolCodec")
struct ProtocolCodecTests {
    @Test func decodesMessagesWithIdAndMetadata() {
        let result = decode(
            #"{"id": 7, "session": "c-1042", "text": "where is my order?", "meta": {"tier": "vip", "age": 3, "new": true}, "x": 1}"#
        )
        #expect(
            result
                == .success(
                    .message(
                        id: .number(7),
                        CustomerMessage(
                            session: "c-1042", text: "where is my order?",
                            metadata: ["tier": "vip", "age": "3", "new": "true"]))))
    }

    @Test func decodesControlRequests() {
        #expect(decode(#"{"type": "ping"}"#) == .success(.ping(id: nil)))
        #expect(
            decode(#"{"id": "a", "type": "reset", "session": "s"}"#) == .success(.reset(id: .string("a"), session: "s"))
        )
        #expect(
            decode(#"{"id": [1], "type": "get", "session": "s"}"#)
                == .success(
                    .get(id: .array([JSONNode(.number(1), at: SourceLocation(line: 1, column: 9))]), session: "s")))
    }

    @Test(arguments: [
        ("not json", "invalid_json", "column 1: unexpected 'n'; expected a value", false),
        // A blank line was "the file is empty" at some column.
        ("", "invalid_json", "the line is empty; expected a JSON object", false),
        ("   ", "invalid_json", "the line is empty; expected a JSON object", false),
        // An empty agent id was "must be a non-empty string, found a string".
        (#"{"id": 1, "type": "agent.claim", "agent": ""}"#, "invalid_request", "\"agent\" must not be empty", true),
        ("[1, 2]", "invalid_request", "expected a JSON object, found an array", false),
        (#"{"id": 1, "text": "hi"}"#, "invalid_request", "the request needs \"session\"", true),
        (
            #"{"id": 1, "session": 5, "text": "hi"}"#, "invalid_request",
            "\"session\" must be a string, found a number", true
        ),
        (#"{"id": 1, "session": "", "text": "hi"}"#, "invalid_request", "\"session\" must have 1 to 256 bytes", true),
        (#"{"id": 1, "session": "s"}"#, "invalid_request", "a message needs \"text\"", true),
        (#"{"id": 1, "session": "s", "text": null}"#, "invalid_request", "\"text\" must be a string, found null", true),
        (
            #"{"id": 1, "session": "s", "text": "x", "meta": [1]}"#, "invalid_request",
            "\"meta\" must be an object, found an array", true
        ),
        (
            #"{"id": 1, "session": "s", "text": "x", "meta": {"a": {}}}"#, "invalid_request",
            "\"meta.a\" must be a string, number or boolean, found an object", true
        ),
        (#"{"id": 1, "type": 3}"#, "invalid_request", "\"type\" must be a string, found a number", true),
        (
            #"{"id": 1, "session": "s", "text": "x", "lang": 5}"#, "invalid_request",
            "\"lang\" must be a string such as \"de\" or \"zh-TW\", found a number", true
        ),
        (
            #"{"id": 1, "session": "s", "text": "x", "lang": "de DE"}"#, "invalid_request",
            "\"lang\" must be a language tag such as \"de\" or \"zh-TW\", found \"de DE\"", true
        ),
        (
            #"{"id": 1, "type": "dance"}"#, "unknown_type",
            "unknown request type \"dance\"; expected message, action.result, reset, get, ping, queue.list, queue.leave or an agent.* request",
            true
        ),
    ])
    func reportsEachErrorClass(line: String, code: String, message: String, echoesID: Bool) {
        guard case .failure(let error) = decode(line) else {
            Issue.record("expected an error for \(line)")
            return
        }
        #expect(error.code == code)
        #expect(error.message == message)
        #expect((error.id != nil) == echoesID)
    }

    @Test func rejectsInvalidUTF8() {
        guard
            case .failure(let error) = ProtocolCodec.decode(
                Array(#"{"session": "s", "text": "caf"#.utf8) + [0xE9, 0x22, 0x7D])
        else {
            Issue.record("expected an error")
            return
        }
        #expect(
            ProtocolCodec.encode(error)
                == #"{"error": {"code": "invalid_utf8", "message": "the line is not valid UTF-8 (byte 30)"}}"#)
    }

    @Test func encodesResponsesWithAFixedKeyOrder() {
        let turns = converse(["my modem was stolen yesterday, policy PN-123456"])
        let confidence = JSONWriter.number(turns[0].confidence)
        #expect(
            ProtocolCodec.encode(turns[0], id: .string("x\"y")) == """
                {"id": "x\\"y", "session": "s", "intent": "file_claim", "confidence": \(confidence), "slots": {"incident_date": "2026-11-22", "policy_number": "PN-123456", "product": "router"}, "replies": ["Thanks. Claim for policy PN-123456, incident on 2026-11-22, is filed."], "state": "bot"}
                """)
        #expect(
            ProtocolCodec.encode(ProtocolError(code: "invalid_request", message: "bad", id: .number(3)))
                == #"{"id": 3, "error": {"code": "invalid_request", "message": "bad"}}"#)
        #expect(ProtocolCodec.encodePong(id: nil) == #"{"pong": true}"#)
    }

    /// `--replay-clock`'s time is the `"at"` key however it is written, an escaped key too; a
    /// line without the key (most of them, which are not parsed twice) has none.
    @Test func requestTimeReadsTheAtKeyHoweverWritten() {
        func time(_ line: String) -> Double? { ProtocolCodec.requestTime(Array(line.utf8)) }
        #expect(time(#"{"session": "c-1", "text": "hi", "at": 12.5}"#) == 12.5)
        #expect(time(#"{"at":7,"session": "c-1", "text": "hi"}"#) == 7)
        #expect(time(#"{"session": "c-1", "text": "hi", "\u0061t": 7}"#) == 7)
        #expect(time(#"{"session": "c-1", "text": "look \"at\" this"}"#) == nil)
        #expect(time(#"{"session": "c-1", "text": "hi"}"#) == nil)
        #expect(time(#"{"session": "c-1", "text": "hi", "at": "noon"}"#) == nil)
        #expect(time(#"{"at": 3"#) == nil)
        #expect(time("") == nil)
    }
}
