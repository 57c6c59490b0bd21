import Testing

@testable import Usher

/// Texts go to their language's words for an intent (user trial: "вы доставляете в Казахстан?"
/// labelled delivery_problem was added to the English examples).
@Suite("BotLearner: languages")
struct BotLearnerLanguagesTests {
    static let english = """
        {"language": "en", "intents": [
          {"name": "delivery_problem", "examples": ["my parcel is late", "the box came broken", "delivery never arrived"], "responses": ["Sorry!"]},
          {"name": "opening_hours", "examples": ["when are you open", "opening hours", "open on sunday?"], "responses": ["8 to 8"]}
        ]}

        """
    static let russian = """
        {"language": "ru", "translations": [
          {"name": "delivery_problem",
           "examples": [
             "посылка опоздала",
             "коробка пришла разбитой"
           ]}
        ]}

        """

    private func learner() throws -> BotLearner {
        let sources = [
            BotLoader.Source(name: "bot/main.json", bytes: Array(Self.english.utf8)),
            BotLoader.Source(name: "bot/ru.json", bytes: Array(Self.russian.utf8)),
        ]
        return BotLearner(
            bot: try BotLoader.load(sources: sources, for: .matching), sources: sources, newFile: "bot/learned.json")
    }

    private func plan(_ lines: [String]) throws -> BotLearner.Plan {
        try learner().plan(inbox: Array(lines.joined(separator: "\n").utf8), file: "inbox.jsonl")
    }

    @Test func eachTextGoesToItsLanguagesTranslation() throws {
        let plan = try plan([
            #"{"label": "delivery_problem", "texts": ["вы доставляете в Казахстан?", "where is my parcel, it is late"]}"#,
            #"{"label": "opening_hours", "texts": ["во сколько вы открываетесь?"]}"#,
        ])
        #expect(
            String(decoding: try #require(plan.files["bot/ru.json"]), as: UTF8.self) == """
                {"language": "ru", "translations": [
                  {"name": "delivery_problem",
                   "examples": [
                     "посылка опоздала",
                     "коробка пришла разбитой",
                     "вы доставляете в Казахстан?"
                   ]},
                  {"name": "opening_hours", "examples": ["во сколько вы открываетесь?"]}
                ]}

                """)
        #expect(
            String(decoding: try #require(plan.files["bot/main.json"]), as: UTF8.self).contains(
                #""delivery never arrived", "where is my parcel, it is late"]"#))
        #expect(
            plan.report == [
                "bot/main.json: delivery_problem + 1 example",
                "bot/ru.json: delivery_problem (ru) + 1 example",
                "bot/ru.json: opening_hours (ru) + 1 example, a new translation",
            ])
    }

    /// The inbox's `language` wins over detection; a language the bot does not serve, named or
    /// detected, refuses the run.
    @Test func theInboxsLanguageWinsAndUnservedLanguagesAreRefused() throws {
        let named = try plan([#"{"label": "opening_hours", "texts": ["ok?"], "language": "ru-RU"}"#])
        #expect(named.report == ["bot/ru.json: opening_hours (ru) + 1 example, a new translation"])
        #expect {
            try plan([
                #"{"label": "opening_hours", "texts": ["wann haben Sie geöffnet?"]}"#,
                #"{"label": "opening_hours", "texts": ["quand ouvrez-vous"], "language": "fr"}"#,
            ])
        } throws: { error in
            (error as? DefinitionErrors)?.errors.map(\.description) == [
                #"inbox.jsonl:1:1: texts[0]: "wann haben Sie geöffnet?" reads as de, which the bot does not serve (it serves en, ru); set the group's "language" to add it anyway"#,
                #"inbox.jsonl:2:1: language: the bot does not serve "fr"; it serves en, ru"#,
            ]
        }
    }

    /// An intent is defined in the bot's own language first; its other languages' examples go
    /// to their translations.
    @Test func newIntentsAreDefinedInTheBotsLanguageAndTranslated() throws {
        let plan = try plan([
            #"{"label": "new:delivery_countries", "texts": ["do you ship to kazakhstan"]}"#,
            #"{"label": "new:delivery_countries", "texts": ["вы доставляете в Казахстан?"]}"#,
        ])
        #expect(
            String(decoding: try #require(plan.files["bot/learned.json"]), as: UTF8.self)
                == "{\n  \"intents\": [\n    {\"name\": \"delivery_countries\", \"examples\": [\"do you ship to kazakhstan\"]}\n  ]\n}\n"
        )
        #expect(
            String(decoding: try #require(plan.files["bot/ru.json"]), as: UTF8.self).contains(
                "   ]},\n  {\"name\": \"delivery_countries\", \"examples\": [\"вы доставляете в Казахстан?\"]}\n]}"))
        #expect {
            try self.plan([#"{"label": "new:delivery_countries", "texts": ["вы доставляете в Казахстан?"]}"#])
        } throws: { error in
            (error as? DefinitionErrors)?.errors.map(\.description) == [
                #"inbox.jsonl:1:1: label: new intent "delivery_countries" would have examples in ru only; an intent is defined in the bot's own language (en) first: label a group in en new:delivery_countries too, or add the intent by hand"#
            ]
        }
    }

    /// A new intent's refusal, found once every line is read, stands at its line among the others.
    @Test func aNewIntentsRefusalIsReportedInFileOrder() {
        #expect {
            try self.plan([
                #"{"label": "new:delivery_countries", "texts": ["вы доставляете в Казахстан?"]}"#,
                #"{"label": "opening_hourz", "texts": ["when do you open"]}"#,
            ])
        } throws: { error in
            (error as? DefinitionErrors)?.errors.map(\.description) == [
                #"inbox.jsonl:1:1: label: new intent "delivery_countries" would have examples in ru only; an intent is defined in the bot's own language (en) first: label a group in en new:delivery_countries too, or add the intent by hand"#,
                #"inbox.jsonl:2:1: label: "opening_hourz" names no intent; did you mean "opening_hours"? (or write new:opening_hourz for a new one)"#,
            ]
        }
    }
}

@Suite("UnmatchedInbox: languages")
struct UnmatchedInboxLanguageTests {
    @Test func aGroupsLanguageRoundTrips() throws {
        let groups = [
            UnmatchedGroup(
                representative: "вы доставляете в Казахстан?", count: 1, texts: ["вы доставляете в Казахстан?"],
                closestIntent: "delivery_problem", confidence: 0.41, label: "delivery_problem", language: "ru")
        ]
        let line = UnmatchedInbox.encode(groups)
        #expect(
            line
                == "{\"label\": \"delivery_problem\", \"count\": 1, \"text\": \"вы доставляете в Казахстан?\", \"texts\": [\"вы доставляете в Казахстан?\"], \"closest_intent\": \"delivery_problem\", \"confidence\": 0.41, \"language\": \"ru\"}\n"
        )
        let read = UnmatchedInbox.decode(Array(line.utf8), file: "x")
        #expect(read.errors.isEmpty)
        #expect(
            read.entries == [
                UnmatchedInbox.Entry(
                    line: 1, label: .intent("delivery_problem"), texts: groups[0].texts, language: "ru")
            ])
    }
}
