import Testing

@testable import Usher

@Suite("BotLearner")
struct BotLearnerTests {
    static let file = """
        {
          "intents": [
            {
              "name": "greeting",
              "examples": [
                "hello",
                "hi there"
              ],
              "responses": ["Hello!"]
            },
            {"name": "hours", "examples": ["when are you open"], "responses": ["9 to 5"]}
          ]
        }

        """

    private func learner(newFile: String = "bot/learned.json") throws -> BotLearner {
        let sources = [BotLoader.Source(name: "bot/main.json", bytes: Array(Self.file.utf8))]
        return BotLearner(bot: try BotLoader.load(sources: sources, for: .matching), sources: sources, newFile: newFile)
    }

    private func inbox(_ lines: [String]) throws -> [UnmatchedInbox.Entry] {
        let read = UnmatchedInbox.decode(Array(lines.joined(separator: "\n").utf8), file: "inbox.jsonl")
        guard read.errors.isEmpty else { throw DefinitionErrors(read.errors) }
        return read.entries
    }

    @Test func examplesGoIntoTheIntentsFileKeepingItsLayout() throws {
        let plan = try learner().plan(
            try inbox([
                #"{"label": "greeting", "texts": ["good evening", "hello", "hey {you}"]}"#,
                #"{"label": "hours", "texts": ["are you open on sundays"]}"#, #"{"label": "", "texts": ["later"]}"#,
                #"{"label": "ignore", "texts": ["spam"]}"#,
            ]), inbox: "inbox.jsonl")
        let written = String(decoding: try #require(plan.files["bot/main.json"]), as: UTF8.self)
        #expect(
            written == """
                {
                  "intents": [
                    {
                      "name": "greeting",
                      "examples": [
                        "hello",
                        "hi there",
                        "good evening",
                        "hey {{you}}"
                      ],
                      "responses": ["Hello!"]
                    },
                    {"name": "hours", "examples": ["when are you open", "are you open on sundays"], "responses": ["9 to 5"]}
                  ]
                }

                """)
        #expect(
            plan.report == [
                "bot/main.json: greeting + 2 examples", "bot/main.json: hours + 1 example",
                "1 text was already examples; skipped",
            ])
        // What it wrote loads: the doubled braces are text, not a slot marker.
        let bot = try BotLoader.load(
            sources: [BotLoader.Source(name: "bot/main.json", bytes: Array(written.utf8))], for: .matching)
        #expect(bot.intent(named: "greeting")?.examples.count == 4)
    }

    @Test func newIntentsGoIntoTheirOwnFile() throws {
        let plan = try learner().plan(
            try inbox([#"{"label": "new:gift_cards", "texts": ["do you sell gift cards", "gift vouchers?"]}"#]),
            inbox: "inbox.jsonl")
        let created = String(decoding: try #require(plan.files["bot/learned.json"]), as: UTF8.self)
        #expect(
            created
                == "{\n  \"intents\": [\n    {\"name\": \"gift_cards\", \"examples\": [\"do you sell gift cards\", \"gift vouchers?\"]}\n  ]\n}\n"
        )
        #expect(
            plan.report == [
                "bot/learned.json: new intent gift_cards with 2 examples; give it responses: until it has some, the bot does not load for serve, chat or test"
            ])
    }

    @Test func anyWrongLabelRefusesTheWholeRunWithFileAndLine() throws {
        let entries = try inbox([
            #"{"label": "greeting", "texts": ["good evening"]}"#, #"{"label": "greting", "texts": ["hiya"]}"#,
            #"{"label": "new:hours", "texts": ["opening?"]}"#, #"{"label": "new:9 lives", "texts": ["x"]}"#,
        ])
        #expect {
            try learner().plan(entries, inbox: "inbox.jsonl")
        } throws: { error in
            (error as? DefinitionErrors)?.errors.map(\.description) == [
                "inbox.jsonl:2:1: label: \"greting\" names no intent; did you mean \"greeting\"? (or write new:greting for a new one)",
                "inbox.jsonl:3:1: label: intent \"hours\" exists already; label the group \"hours\" to add examples to it",
                "inbox.jsonl:4:1: label: invalid intent name \"9 lives\": no spaces, control characters or braces",
            ]
        }
    }

    /// `usher learn` takes exactly the intent names the loader takes, and refuses the others in
    /// the loader's words.
    @Test(arguments: ["why?", "9lives", "reverted_card_payment?", "статус-заказа", "why me", "tab\there", "{x}", "a}"])
    func newIntentNamesAreTheLoadersNames(name: String) throws {
        let loaded = Result {
            try BotLoader.load(
                sources: [
                    BotLoader.Source(
                        name: "bot/main.json",
                        bytes: Array(#"{"intents": [{"name": \#(JSONWriter.string(name)), "examples": ["x"]}]}"#.utf8))
                ], for: .matching)
        }
        let learned = Result {
            try learner().plan(
                try inbox([#"{"label": \#(JSONWriter.string("new:" + name)), "texts": ["x"]}"#]), inbox: "inbox.jsonl")
        }
        switch (loaded, learned) {
        case (.success, .success(let plan)):
            #expect(plan.files["bot/learned.json"] != nil)
        case (.failure(let loading), .failure(let learning)):
            let loader = try #require((loading as? DefinitionErrors)?.errors.map(\.message))
            let learn = try #require((learning as? DefinitionErrors)?.errors.map(\.message))
            #expect(learn == loader)
        default:
            Issue.record("the loader says \(loaded), learn says \(learned)")
        }
    }

    @Test func aNewIntentMayBeNamedAsTheDefinitionsAllow() throws {
        let plan = try learner().plan(
            try inbox([#"{"label": "new:why?", "texts": ["why was I charged twice"]}"#]), inbox: "inbox.jsonl")
        let created = try #require(plan.files["bot/learned.json"])
        #expect(
            String(decoding: created, as: UTF8.self)
                == "{\n  \"intents\": [\n    {\"name\": \"why?\", \"examples\": [\"why was I charged twice\"]}\n  ]\n}\n"
        )
        #expect(
            plan.report == [
                "bot/learned.json: new intent why? with 1 example; give it responses: until it has some, the bot does not load for serve, chat or test"
            ])
        let bot = try BotLoader.load(
            sources: [
                BotLoader.Source(name: "bot/main.json", bytes: Array(Self.file.utf8)),
                BotLoader.Source(name: "bot/learned.json", bytes: created),
            ], for: .matching)
        #expect(bot.intent(named: "why?")?.examples.map(\.text) == ["why was I charged twice"])
    }

    @Test func brokenLinesAreNamedAndTheOthersRead() {
        let read = UnmatchedInbox.decode(
            Array("{\"label\": \"greeting\", \"texts\": [\"a\"]}\n{oops\n[1]\n{\"texts\": []}\n".utf8), file: "in.jsonl"
        )
        #expect(
            read.errors.map(\.description) == [
                "in.jsonl:2:2: unexpected 'o'; expected a key in double quotes",
                "in.jsonl:3:1: expected a group (a JSON object), found an array",
                "in.jsonl:4:1: label: a group needs \"label\": an intent, new:NAME, ignore, or \"\" to leave it",
            ])
        #expect(read.entries == [UnmatchedInbox.Entry(line: 1, label: .intent("greeting"), texts: ["a"])])
    }

    /// One run names every problem, in file order: broken lines, and the labels of the lines
    /// that could be read (a line can have both).
    @Test func brokenLinesAndWrongLabelsAreReportedTogetherInFileOrder() {
        let lines = [
            #"{"label": "greting", "texts": ["hiya"]}"#, "{oops", #"{"label": "new:why me", "texts": ["why me", 3]}"#,
            #"{"label": "hours"}"#, #"{"label": "new:greeting", "texts": ["hi"]}"#,
            #"{"label": "new:", "texts": ["x"]}"#,
            #"{"label": "greeting", "texts": ["good evening"]}"#,
        ]
        #expect {
            try learner().plan(inbox: Array(lines.joined(separator: "\n").utf8), file: "inbox.jsonl")
        } throws: { error in
            (error as? DefinitionErrors)?.errors.map(\.description) == [
                "inbox.jsonl:1:1: label: \"greting\" names no intent; did you mean \"greeting\"? (or write new:greting for a new one)",
                "inbox.jsonl:2:2: unexpected 'o'; expected a key in double quotes",
                "inbox.jsonl:3:1: texts: every text must be a non-empty string",
                "inbox.jsonl:3:1: label: invalid intent name \"why me\": no spaces, control characters or braces",
                "inbox.jsonl:4:1: texts: a group needs \"texts\", a list of the messages",
                "inbox.jsonl:5:1: label: intent \"greeting\" exists already; label the group \"greeting\" to add examples to it",
                "inbox.jsonl:6:1: label: \"new:\" needs the new intent's name after it",
            ]
        }
    }

    @Test func anInboxRoundTrips() throws {
        let groups = [
            UnmatchedGroup(
                representative: "gift cards?", count: 3, texts: ["gift cards?", "do you sell \"gift\" cards"],
                closestIntent: "payment_methods", confidence: 0.41, label: "new:gift_cards")
        ]
        let read = UnmatchedInbox.decode(Array(UnmatchedInbox.encode(groups).utf8), file: "x")
        #expect(read.errors.isEmpty)
        #expect(
            read.entries == [UnmatchedInbox.Entry(line: 1, label: .newIntent("gift_cards"), texts: groups[0].texts)])
    }
}
