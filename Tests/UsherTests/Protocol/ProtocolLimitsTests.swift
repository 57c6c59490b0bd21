import Testing

@testable import Usher

/// What one request may carry, and how numbers come back: ids are echoed exactly or refused,
/// metadata and ids are bounded (issue 11).
@Suite("Protocol limits")
struct ProtocolLimitsTests {
    private func answer(_ line: String) -> String {
        ConversationServer(engine: claimEngine).respond(to: Array(line.utf8), now: mondayMorning)
    }

    @Test(arguments: [
        ("1000000000000000", "1000000000000000"), ("9007199254740991", "9007199254740991"), ("-42", "-42"),
        ("1.5", "1.5"), ("\"abc\"", "\"abc\""), ("0.1", "0.1"), ("1e-7", "1e-07"), ("2.5E+3", "2500"),
        ("-0", "0"), ("[1, 0.25]", "[1, 0.25]"), ("{\"n\": 5e-324}", "{\"n\": 5e-324}"),
    ])
    func idsAreEchoedExactly(id: String, echoed: String) {
        #expect(answer(#"{"id": \#(id), "type": "ping"}"#) == #"{"id": \#(echoed), "pong": true}"#)
    }

    /// A number a double does not hold exactly would come back as another id (`1e-400` as
    /// `0`): refused, saying so, wherever it stands in the id.
    @Test(arguments: [
        ("1e-400", "1e-400", "0"), ("0.1000000000000000000001", "0.1000000000000000000001", "0.1"),
        ("[7, 1e-400]", "1e-400", "0"), ("{\"n\": -2.00000000000000000001}", "-2.00000000000000000001", "-2"),
        (
            "1.00000000000000000000000000000000000000000000001", "1.00000000000000000000000000000000000000…",
            "1"
        ),
    ])
    func idsThatCannotBeEchoedExactlyAreRefused(id: String, number: String, echoed: String) {
        let expected =
            #"{"error": {"code": "invalid_request", "message": "\"id\" has the number \#(number), which cannot be echoed exactly (it would come back as \#(echoed)); send it as a string"}}"#
        #expect(answer(#"{"id": \#(id), "type": "ping"}"#) == expected)
        #expect(answer(#"{"id": \#(id), "session": "s", "text": "hello"}"#) == expected)
    }

    @Test(arguments: ["9007199254740992", "9007199254740993", "12345678901234567890"])
    func idsTooLargeToEchoAreRefused(id: String) {
        #expect(
            answer(#"{"id": \#(id), "type": "ping"}"#)
                == #"{"error": {"code": "invalid_request", "message": "\"id\" is an integer too large to echo exactly (beyond 2^53 - 1); send it as a string"}}"#
        )
    }

    @Test func metadataNumbersAreKeptExactly() throws {
        let server = ConversationServer(engine: claimEngine)
        _ = server.respond(
            to: Array(#"{"session": "m", "text": "hello", "meta": {"account": 1234567890123456, "score": 0.5}}"#.utf8),
            now: mondayMorning)
        let state = try #require(try server.session("m", now: mondayMorning))
        #expect(state.metadata == ["account": "1234567890123456", "score": "0.5"])
    }

    @Test(arguments: [
        (
            #"{"session": "m", "text": "hi", "meta": {"n": 1e300}}"#,
            "\"meta.n\" is a number too large to keep exactly; send it as a string"
        ),
        (
            #"{"session": "m", "text": "hi", "meta": {"\#(String(repeating: "k", count: 65))": "v"}}"#,
            "a \"meta\" key must have 1 to 64 bytes"
        ),
        (
            #"{"session": "m", "text": "hi", "meta": {"k": "\#(String(repeating: "v", count: 513))"}}"#,
            "\"meta.k\" must have at most 512 bytes"
        ),
        (
            #"{"session": "m", "text": "hi", "meta": {\#((0..<33).map { "\"k\($0)\": 1" }.joined(separator: ", "))}}"#,
            "\"meta\" may have at most 32 keys, found 33"
        ),
        (
            #"{"type": "agent.join", "agent": "\#(String(repeating: "a", count: 257))", "queues": ["general"]}"#,
            "\"agent\" must have 1 to 256 bytes"
        ),
    ])
    func oversizedFieldsAreRefused(line: String, message: String) {
        // (also: messages with nothing in them, below)
        #expect(
            answer(line)
                == #"{"error": {"code": "invalid_request", "message": "\#(message.replacingOccurrences(of: "\"", with: "\\\""))"}}"#
        )
    }

    /// 60,000 keys sent over many requests used to make a 61 MB `get` line: a session keeps 64.
    @Test func aSessionKeepsABoundedNumberOfMetadataKeys() throws {
        let server = ConversationServer(engine: claimEngine)
        for batch in 0..<100 {
            let meta = (0..<30).map { "\"k\(batch)-\($0)\": \"v\"" }.joined(separator: ", ")
            _ = server.respond(
                to: Array(#"{"session": "m", "text": "hi", "meta": {\#(meta)}}"#.utf8), now: mondayMorning)
        }
        _ = server.respond(
            to: Array(#"{"session": "m", "text": "hi", "meta": {"k0-0": "updated"}}"#.utf8), now: mondayMorning)
        let state = try #require(try server.session("m", now: mondayMorning))
        #expect(state.metadata.count == DialogEngine.maximumMetadataKeys)
        #expect(state.metadata["k0-0"] == "updated")
    }

    /// Empty or blank text was served as a fallback, and two of them handed the customer off.
    @Test(arguments: ["", "   ", "\t\n"])
    func blankMessagesAreRefused(text: String) {
        let line = #"{"id": 1, "session": "m", "text": \#(JSONWriter.string(text))}"#
        #expect(
            answer(line)
                == #"{"id": 1, "error": {"code": "invalid_request", "message": "\"text\" is empty or only white space; send what the customer wrote"}}"#
        )
        let server = ConversationServer(engine: claimEngine)
        #expect(
            server.respondPlain(toBatch: ["m\t  ", "hello"], now: mondayMorning) == [
                "error: the message is empty", "Hello!",
            ])
    }

    @Test func plainSessionIdsAreBoundedToo() {
        let server = ConversationServer(engine: claimEngine)
        let long = String(repeating: "s", count: 257)
        #expect(
            server.respondPlain(toBatch: ["\(long)\thello", "ok\thello"], now: mondayMorning) == [
                "error: the session id has 257 bytes; the limit is 256", "Hello!",
            ])
    }

    /// The plain protocol read invalid UTF-8 as a customer's words (two fallbacks, then a
    /// handoff); it refuses such a line as the JSON protocol does, naming the first bad byte.
    @Test func plainLinesThatAreNotUTF8AreRefused() throws {
        let server = ConversationServer(engine: claimEngine)
        #expect(
            server.respondPlain(
                toBatch: [[0xFF, 0xFE], Array("hello".utf8), Array("ca".utf8) + [0xC3, 0xA9, 0x20, 0xE9]],
                now: mondayMorning)
                == [
                    "error: the line is not valid UTF-8 (byte 1)", "Hello!",
                    "error: the line is not valid UTF-8 (byte 6)",
                ])
        #expect(try server.store.log().turns.map(\.session) == ["default"])
    }
}

/// "café" with a precomposed é and with a combining accent are different bytes but equal Swift
/// strings: they used to share one session (with 1 or 2 workers). Ids in composed form are
/// equal exactly when their bytes are; others are refused, for every worker count.
@Suite("Session identity")
struct SessionIdentityTests {
    @Test(arguments: 1...4)
    func differentBytesNeverShareASession(workers: Int) throws {
        let composed = "caf\u{e9}"
        let decomposed = "cafe\u{301}"
        let server = ConversationServer(engine: claimEngine, shards: workers)
        var lines: [[UInt8]] = []
        for index in 0..<40 {
            lines.append(Array(#"{"id": \#(index), "session": "\#(composed)", "text": "I want to file a claim"}"#.utf8))
            lines.append(Array(#"{"id": "d\#(index)", "session": "\#(decomposed)", "text": "PN-123456"}"#.utf8))
            lines.append(Array(#"{"id": "e\#(index)", "session": "cafe", "text": "PN-654321"}"#.utf8))
        }
        let answers = server.respond(toBatch: lines, now: mondayMorning)
        for (index, answer) in answers.enumerated() where index % 3 == 1 {
            #expect(
                answer.contains(#""code": "invalid_request""#) && answer.contains("composed form (NFC)"), "\(answer)")
        }
        let cafe = try #require(try server.session(composed, now: mondayMorning))
        #expect(cafe.slots["policy_number"] == nil)
        #expect(cafe.turns == 40)
        #expect(try server.session("cafe", now: mondayMorning)?.turns == 40)
        #expect(ProtocolCodec.isComposed(composed) && !ProtocolCodec.isComposed(decomposed))
    }
}

/// A seeded fuzzer over request objects: every line gets one answer that is one JSON value, with
/// an error code the protocol documents, and nothing traps.
@Suite("Request fuzz")
struct RequestFuzzTests {
    @Test func randomRequestsGetOneDocumentedAnswerEach() throws {
        var random = SeededRandom(seed: 77)
        let keys = ["id", "type", "session", "text", "meta", "agent", "queues", "queue", "capacity", "at", "x"]
        let values = [
            "1", "-1", "9007199254740993", "1.5", "\"\"", "\"a\"", "\"caf\\u0065\\u0301\"", "null", "true", "[]",
            "[\"general\"]", "{}", "{\"tier\": \"vip\"}", "\"message\"", "\"reset\"", "\"get\"", "\"ping\"",
            "\"queue.list\"", "\"agent.join\"", "\"agent.claim\"", "\"agent.say\"", "\"dance\"",
        ]
        let codes: Set<String> = [
            "invalid_json", "invalid_utf8", "invalid_request", "unknown_type", "unknown_agent", "agent_exists",
            "unknown_queue", "queue_empty", "agent_full", "not_queued", "wrong_queue", "not_held", "session_unreadable",
        ]
        let server = ConversationServer(engine: claimEngine, shards: 2)
        var lines: [[UInt8]] = []
        for _ in 0..<3_000 {
            let members = (0..<random.next(below: 6)).map { _ in
                "\"\(keys[random.next(below: keys.count)])\": \(values[random.next(below: values.count)])"
            }
            lines.append(Array("{\(members.joined(separator: ", "))}".utf8))
        }
        let answers = server.respond(toBatch: lines, now: mondayMorning)
        #expect(answers.count == lines.count)
        for answer in answers {
            let node = try JSONParser.parse(answer)
            guard case .object(let members) = node.value else {
                Issue.record("not an object: \(answer)")
                continue
            }
            if let error = members.first(where: { $0.key == "error" }), case .object(let fields) = error.value.value,
                case .string(let code)? = fields.first(where: { $0.key == "code" })?.value.value
            {
                #expect(codes.contains(code), "\(answer)")
            }
        }
    }
}

/// A line too long to read whole is answered with its `id` when its first bytes hold it
/// (issue 12: the error had none although the id was right there).
@Suite("Leading id")
struct LeadingIDTests {
    @Test(arguments: [
        (#"{"id": 7, "session": "s", "text": "aaaa"#, "7"),
        (#"{"session": "s", "id": "req-9", "text": "aaaa"#, "\"req-9\""),
        (#"  { "type" : "message" , "id" : -3.5 , "text": "#, "-3.5"),
        (#"{"meta": {"id": 1}, "id": 2, "text": "#, nil),
        (#"{"session": "s", "text": "aaaa"#, nil),
        (#"{"id": "unterminated"#, nil),
        ("not json at all", nil),
    ])
    func findsTheIDInTheFirstBytes(head: String, id: String?) {
        #expect(ProtocolCodec.leadingID(Array(head.utf8)).map(JSONWriter.value) == id)
    }
}
