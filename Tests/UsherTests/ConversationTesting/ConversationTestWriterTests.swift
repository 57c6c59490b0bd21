import Testing

@testable import Usher

@Suite("ConversationTestWriter")
struct ConversationTestWriterTests {
    let turns = [
        ConversationTestWriter.RecordedTurn(
            say: "I want to file a claim", intent: "file_claim", slots: [:], replies: ["What is your policy number?"],
            queued: false),
        ConversationTestWriter.RecordedTurn(
            say: "it's \"PN-123456\"", intent: "file_claim", slots: ["policy_number": "PN-123456"],
            replies: ["When did it happen?"], queued: false),
        ConversationTestWriter.RecordedTurn(
            say: "human please", intent: nil, slots: [:], replies: ["One moment.", "Connecting you."], queued: true),
    ]

    @Test func writesAFileTheDecoderReadsBack() throws {
        let conversation = ConversationTestWriter.conversation(name: "by hand", start: 1_795_428_000, turns: turns)
        let text = ConversationTestWriter.file(conversations: [conversation])
        #expect(
            text == """
                {
                  "conversations": [
                    {"name": "by hand", "now": "2026-11-23T10:00:00Z", "turns": [
                      {"say": "I want to file a claim", "intent": "file_claim", "reply": "What is your policy number?"},
                      {"say": "it's \\"PN-123456\\"", "intent": "file_claim", "slots": {"policy_number": "PN-123456"}, "reply": "When did it happen?"},
                      {"say": "human please", "intent": null, "reply": "One moment.\\nConnecting you.", "state": "queued"}
                    ]}
                  ]
                }

                """)
        let suite = try ConversationTestDecoder.load(Array(text.utf8), file: "t.json")
        let test = try #require(suite.conversations.first)
        #expect(test.start == 1_795_428_000)
        #expect(test.turns.map(\.say) == turns.map(\.say))
        #expect(test.turns[2].intent == .some(nil))
        #expect(test.turns[2].reply == "One moment.\nConnecting you.")
    }

    @Test(arguments: [
        "{\n  \"now\": \"2026-11-23\",\n  \"conversations\": [\n    {\"name\": \"a\", \"turns\": [{\"say\": \"hi\"}]}\n  ]\n}\n",
        "{\"conversations\": [{\"name\": \"a\", \"turns\": [{\"say\": \"hi\"}]}]}",
    ])
    func appendsToTheEndOfAnExistingList(existing: String) throws {
        let conversation = ConversationTestWriter.conversation(name: "b", start: 0, turns: Array(turns.prefix(1)))
        let updated = try ConversationTestWriter.appending(conversation, to: existing, file: "t.json")
        let suite = try ConversationTestDecoder.load(Array(updated.utf8), file: "t.json")
        #expect(suite.conversations.map(\.name) == ["a", "b"])
        #expect(updated.hasPrefix(String(existing.prefix(20))))
    }

    @Test func refusesAFileWhoseListIsNotLast() throws {
        let existing =
            "{\"conversations\": [{\"name\": \"a\", \"turns\": [{\"say\": \"hi\"}]}], \"now\": \"2026-11-23\"}"
        let conversation = ConversationTestWriter.conversation(name: "b", start: 0, turns: Array(turns.prefix(1)))
        #expect {
            try ConversationTestWriter.appending(conversation, to: existing, file: "t.json")
        } throws: { error in
            (error as? DefinitionErrors)?.errors.map { $0.description(severity: nil) } == [
                "t.json: conversations: cannot add a conversation: the file must end with its \"conversations\" list"
            ]
        }
    }

    @Test func refusesAFileThatIsNotATestFile() {
        #expect {
            try ConversationTestWriter.appending("{}", to: "{\"intents\": []}", file: "bot.json")
        } throws: { error in
            (error as? DefinitionErrors)?.errors.first?.description(severity: nil)
                == "bot.json:1:2: intents: unknown key \"intents\"; expected one of \"now\", \"conversations\""
        }
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"), (1_795_428_000.0, "2026-11-23T10:00:00Z"),
        (1_795_463_999.9, "2026-11-23T19:59:59Z"),
    ])
    func isoMoments(seconds: Double, expected: String) {
        #expect(ConversationTestWriter.isoMoment(seconds) == expected)
    }
}
