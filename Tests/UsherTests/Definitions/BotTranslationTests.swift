import Testing

@testable import Usher

/// A bot in several languages (issue 13): intents defined once, in the bot's own language, and
/// files of `translations` giving other languages' words for them; mistakes reported with file,
/// line and path.
@Suite("Bot translations")
struct BotTranslationTests {
    static let english = """
        {"language": "en",
         "entities": {"order_id": {"regex": "\\\\b[A-Z]{2}\\\\d{6}\\\\b"}},
         "intents": [
          {"name": "order_status", "examples": ["where is my order", "track my order", "has my parcel shipped"],
           "slots": {"order_id": {"entity": "order_id", "required": true, "prompt": "What is your order number?"}},
           "action": {"name": "lookup_order", "say": "Looking up {order_id}.",
                      "responses": {"found": ["Order {order_id} is {result.status}."], "not_found": ["No order {order_id}."]}}},
          {"name": "greeting", "examples": ["hello", "hi there", "good morning"], "responses": ["Hello!"]},
          {"name": "opening_hours", "examples": ["when are you open", "opening hours", "are you open on sunday"],
           "responses": ["We are open 8 to 8."]}
         ],
         "fallback": {"responses": ["Sorry?"]}}
        """
    static let german = """
        {"language": "de", "translations": [
          {"name": "order_status", "examples": ["wo ist meine Bestellung", "Sendung verfolgen", "wurde mein Paket verschickt"],
           "slots": {"order_id": {"prompt": "Wie lautet Ihre Bestellnummer?"}},
           "action": {"say": "Ich suche Bestellung {order_id}.", "responses": {"found": ["Bestellung {order_id}: {result.status}."]}}},
          {"name": "greeting", "examples": ["hallo", "guten Morgen", "servus"], "responses": ["Hallo!"]}
         ],
         "fallback": {"responses": ["Wie bitte?"]}}
        """

    static func load(_ files: [(String, String)]) throws(DefinitionErrors) -> BotDefinition {
        try BotLoader.load(sources: files.map { BotLoader.Source(name: $0.0, bytes: Array($0.1.utf8)) })
    }

    /// Every command says alike why a tag names no language of the bot: a typo of a served
    /// language gets it as a suggestion, a name the BCP 47 tag meant, and a code of two letters,
    /// a language of its own ("es" is no typo of "en"), only the languages served.
    @Test(arguments: [
        ("dee", #"the bot does not serve "dee"; it serves en, de; did you mean "de"?"#),
        ("german", #""german" is not a BCP 47 language tag; did you mean "de"?"#),
        ("es", #"the bot does not serve "es"; it serves en, de"#),
        ("fr", #"the bot does not serve "fr"; it serves en, de"#),
    ])
    func aTagTheBotDoesNotServeIsToldWithTheOneMeant(tag: String, message: String) throws {
        let bot = try Self.load([("bot.json", Self.english), ("de.json", Self.german)])
        #expect(bot.notServed(tag) == message)
    }

    @Test func translationsLoadAndLocalizeTheBot() throws {
        let bot = try Self.load([("bot.json", Self.english), ("de.json", Self.german)])
        #expect(bot.language == "en")
        #expect(bot.languages == ["en", "de"])
        let german = try #require(bot.localized(to: "de"))
        #expect(german.language == "de")
        let order = try #require(german.intent(named: "order_status"))
        #expect(
            order.examples.map(\.text) == [
                "wo ist meine Bestellung", "Sendung verfolgen", "wurde mein Paket verschickt",
            ])
        #expect(order.slots[0].prompt?.description == "Wie lautet Ihre Bestellnummer?")
        #expect(order.slots[0].entity == "order_id")
        #expect(order.action?.name == "lookup_order")
        #expect(order.action?.waiting?.description == "Ich suche Bestellung {order_id}.")
        // Words the translation leaves out fall back to the bot's own language.
        #expect(order.action?.responses["not_found"]?.map(\.description) == ["No order {order_id}."])
        #expect(german.intent(named: "opening_hours")?.examples.isEmpty == true)
        #expect(german.intent(named: "opening_hours")?.responses.map(\.description) == ["We are open 8 to 8."])
        #expect(german.fallback.responses.map(\.description) == ["Wie bitte?"])
        #expect(bot.localized(to: "fr") == nil)
    }

    @Test(arguments: [
        (
            #"{"language": "de", "translations": [{"name": "order_stats", "examples": ["x"]}]}"#,
            "de.json:1:37: translations[0]: no intent \"order_stats\" to translate; did you mean \"order_status\"?"
        ),
        (
            #"{"language": "de", "translations": [{"name": "greeting", "slots": {"name": {"prompt": "x"}}}]}"#,
            "de.json:1:76: translations[0].slots.name: intent \"greeting\" has no slot \"name\""
        ),
        // The new-user trial: a misspelt slot got no suggestion.
        (
            #"{"language": "de", "translations": [{"name": "order_status", "slots": {"ordr_id": {"prompt": "x"}}}]}"#,
            "de.json:1:83: translations[0].slots.ordr_id: intent \"order_status\" has no slot \"ordr_id\"; did you mean \"order_id\"?"
        ),
        (
            #"{"language": "de", "translations": [{"name": "greeting", "action": {"say": "x"}}]}"#,
            "de.json:1:37: translations[0]: intent \"greeting\" has no \"action\" to translate"
        ),
        (
            #"{"language": "de", "translations": [{"name": "greeting", "handoff": {"queue": "x"}}]}"#,
            "de.json:1:58: translations[0].handoff: unknown key \"handoff\"; expected one of \"name\", \"examples\", \"patterns\", \"responses\", \"slots\", \"confirm\", \"action\""
        ),
        (
            #"{"language": "de", "translations": [{"name": "order_status", "slots": {"order_id": {"entity": "x"}}}]}"#,
            "de.json:1:85: translations[0].slots.order_id.entity: unknown key \"entity\"; expected one of \"prompt\", \"reprompt\", \"message\""
        ),
        (
            #"{"translations": [{"name": "greeting", "examples": ["x"]}]}"#,
            "de.json:1:18: translations: a file of translations needs \"language\": the language they are in"
        ),
        (
            #"{"language": "de", "intents": [], "translations": []}"#,
            "de.json:1:31: intents: a file of translations holds only \"language\", \"translations\", \"fallback\", \"queue_names\" and \"synonyms\"; \"intents\" belongs in the bot's own files"
        ),
        (
            #"{"language": "en", "translations": [{"name": "greeting", "examples": ["x"]}]}"#,
            "de.json:1:37: translations[0]: this translation is in en, the bot's own language: write the words in the intent itself"
        ),
        (
            #"{"language": "de", "queue_names": {"sales": "Vertrieb"}, "translations": []}"#,
            "de.json:1:45: queue_names.sales: unknown queue \"sales\"; the queues are general (settings.handoff.queues)"
        ),
        (
            #"{"language": "de", "queue_names": {"general": 3}, "translations": []}"#,
            "de.json:1:47: queue_names.general: expected a string, found a number"
        ),
        (
            #"{"language": "de", "synonyms": {"order_id": {"x": ["y"]}}, "translations": []}"#,
            "de.json:1:45: synonyms.order_id: entity \"order_id\" is a regex entity; synonyms are for values entities"
        ),
        (
            #"{"language": "de", "synonyms": {"ordr_id": {"x": ["y"]}}, "translations": []}"#,
            "de.json:1:44: synonyms.ordr_id: the bot has no entity \"ordr_id\"; did you mean \"order_id\"?"
        ),
        (
            #"{"language": "de", "synonyms": {"order_id": ["y"]}, "translations": []}"#,
            "de.json:1:45: synonyms.order_id: expected an object of values and their synonyms, such as {\"router\": [\"modem\"]}"
        ),
    ])
    func reportsEachMistake(json: String, expected: String) {
        Self.expectOnlyError(expected, loading: ("de.json", json))
    }

    /// Loading the English bot and `file` fails with exactly `expected`.
    static func expectOnlyError(_ expected: String, loading file: (String, String)) {
        expectErrors([expected], loading: [("bot.json", english), file])
    }

    /// Loading `files` fails with exactly `expected`, in order.
    static func expectErrors(_ expected: [String], loading files: [(String, String)]) {
        do {
            _ = try load(files)
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.description) == expected)
        }
    }

    /// "mein Handy wurde gestohlen" filled no product: a values entity's words were English
    /// only. A file of translations adds its language's words, for that language only.
    @Test func synonymsAddWordsInTheirLanguage() throws {
        let fixed = #"""
            {"language": "en", "entities": {"product": {"values": {"phone": ["mobile"]}}},
             "intents": [{"name": "a", "examples": ["my {product} broke", "x y", "z w"], "responses": ["ok"]}]}
            """#
        let german = #"{"language": "de", "synonyms": {"product": {"phone": ["Handy"]}}, "translations": []}"#
        let bot = try Self.load([("bot.json", fixed), ("de.json", german)])
        #expect(bot.entities["product"] == .values(["phone": ["mobile"]]))
        #expect(try #require(bot.localized(to: "de")).entities["product"] == .values(["phone": ["mobile", "Handy"]]))
        let wrong = #"{"language": "de", "synonyms": {"product": {"phones": ["Handy"]}}, "translations": []}"#
        Self.expectErrors(
            [
                "de.json:1:55: synonyms.product.phones: entity \"product\" has no value \"phones\"; did you mean \"phone\"? (its values are phone)"
            ], loading: [("bot.json", fixed), ("de.json", wrong)])
    }

    /// A mistake in a translation's queue names or synonyms names the line of the entry at
    /// fault, not the line of `queue_names` or `synonyms` above it.
    @Test func queueNameAndSynonymErrorsPointAtTheirEntry() {
        let bot = #"""
            {"language": "en", "settings": {"handoff": {"queues": ["general"]}},
             "entities": {"product": {"values": {"phone": ["mobile"]}}, "code": {"regex": "[0-9]{4}"}},
             "intents": [{"name": "a", "examples": ["my {product} broke", "x y", "z w"], "responses": ["ok"]}]}
            """#
        let german = #"""
            {"language": "de",
             "queue_names": {
               "general": "Allgemein",
               "sales": "Vertrieb"},
             "synonyms": {
               "product": {
                 "phone": ["Handy"],
                 "phones": ["Mobiltelefon"]},
               "code": {"x": ["y"]},
               "colour": {"red": ["rot"]}},
             "translations": []}
            """#
        Self.expectErrors(
            [
                "de.json:4:13: queue_names.sales: unknown queue \"sales\"; the queues are general (settings.handoff.queues)",
                "de.json:9:12: synonyms.code: entity \"code\" is a regex entity; synonyms are for values entities",
                "de.json:10:14: synonyms.colour: the bot has no entity \"colour\"",
                "de.json:8:16: synonyms.product.phones: entity \"product\" has no value \"phones\"; did you mean \"phone\"? (its values are phone)",
            ], loading: [("bot.json", bot), ("de.json", german)])
    }

    /// Customers hear a queue's name in their language; a queue without one is said as written.
    @Test func queueNamesAreTranslated() throws {
        let english = Self.english.replacingOccurrences(
            of: #""language": "en","#,
            with:
                #""language": "en", "settings": {"handoff": {"queues": ["general", "claims"], "queue_names": {"claims": "our claims team"}}},"#
        )
        let german = #"{"language": "de", "queue_names": {"claims": "unser Schadenteam"}, "translations": []}"#
        let bot = try Self.load([("bot.json", english), ("de.json", german)])
        #expect(bot.settings.handoff.displayName(of: "claims") == "our claims team")
        #expect(bot.settings.handoff.displayName(of: "general") == "general")
        let localized = try #require(bot.localized(to: "de"))
        #expect(localized.settings.handoff.displayName(of: "claims") == "unser Schadenteam")
        #expect(localized.settings.handoff.displayName(of: "general") == "general")
    }

    /// The bot's own names are checked against its queues where both are written; names at the
    /// top of the bot's own file are pointed to where they belong.
    @Test(arguments: [
        (
            #"{"settings": {"handoff": {"queues": ["general"], "queue_names": {"sales": "Sales"}}}}"#,
            "settings.json:1:75: settings.handoff.queue_names.sales: unknown queue \"sales\"; the queues are general (settings.handoff.queues)"
        ),
        (
            #"{"queue_names": {"general": "our team"}}"#,
            "settings.json:1:17: queue_names: \"queue_names\" at the top level belongs in a file of translations; the bot's own go in settings.handoff.queue_names"
        ),
    ])
    func reportsMistakesInTheBotsOwnQueueNames(json: String, expected: String) {
        Self.expectOnlyError(expected, loading: ("settings.json", json))
    }

    /// A language written the way BCP 47 does not ("ger", "German") reaches no customer: every
    /// German customer would be answered in English. It is an error, with the tag meant.
    @Test(arguments: [
        (
            "de.json", #"{"language": "ger", "translations": []}"#,
            #"de.json:1:14: language: "ger" is not a BCP 47 language tag; did you mean "de"?"#
        ),
        (
            "de.json", #"{"language": "Deutsch", "translations": []}"#,
            #"de.json:1:14: language: "Deutsch" is not a BCP 47 language tag; did you mean "de"?"#
        ),
        (
            "ru.json", #"{"language": "rus", "translations": []}"#,
            #"ru.json:1:14: language: "rus" is not a BCP 47 language tag; did you mean "ru"?"#
        ),
        (
            "zh.json", #"{"language": "zho", "translations": []}"#,
            #"zh.json:1:14: language: "zho" is not a BCP 47 language tag; did you mean "zh-TW"?"#
        ),
        // The new-user trial: "zh_TW" passed `check`, and `serve` refused requests naming it.
        (
            "zh-TW.json", #"{"language": "zh_TW", "translations": []}"#,
            #"zh-TW.json:1:14: language: "zh_TW" is not a BCP 47 language tag (its parts are joined by "-"); did you mean "zh-TW"?"#
        ),
        (
            "de.json", #"{"language": "de_at", "translations": []}"#,
            #"de.json:1:14: language: "de_at" is not a BCP 47 language tag (its parts are joined by "-"); did you mean "de-AT"?"#
        ),
        (
            "zh.json", #"{"language": "zh hant", "translations": []}"#,
            #"zh.json:1:14: language: "zh hant" is not a BCP 47 language tag (its parts are joined by "-"); did you mean "zh-Hant"?"#
        ),
        (
            "de.json", #"{"language": "de-", "translations": []}"#,
            #"de.json:1:14: language: "de-" is not a BCP 47 language tag: a language code of 2 or 3 letters, then any parts of up to 8 letters or digits, joined by "-", such as "de", "de-AT" or "zh-TW""#
        ),
        (
            "d1.json", #"{"language": "d1", "translations": []}"#,
            #"d1.json:1:14: language: "d1" is not a BCP 47 language tag: a language code of 2 or 3 letters, then any parts of up to 8 letters or digits, joined by "-", such as "de", "de-AT" or "zh-TW""#
        ),
    ])
    func aLanguageMustBeABCP47Tag(file: String, json: String, expected: String) {
        Self.expectOnlyError(expected, loading: (file, json))
    }

    /// Well-formed tags pass, whether Usher has data for them or not (that is a warning).
    @Test(arguments: ["de", "de-AT", "zh-TW", "zh-Hant-TW", "en-GB", "sr-Latn", "es-419", "fr", "gsw", "x-klingon"])
    func wellFormedTagsAreNoError(tag: String) {
        #expect(LanguageTag.misnamed(tag) == nil)
    }

    /// The new-user trial: `usher check shop/de.json` told 13 errors, one per translated
    /// intent ("no intent to translate"); a file of translations alone is told as that.
    @Test func aFileOfTranslationsAloneIsToldSo() {
        Self.expectErrors(
            [
                "shop/de.json: this is a file of translations (into de), which adds words to a bot and is no bot of its own: give the folder that holds it with the bot's own files (shop)"
            ], loading: [("shop/de.json", Self.german)])
    }

    @Test func theBotsOwnLanguageMustBeABCP47TagToo() {
        do {
            _ = try Self.load([("bot.json", Self.english.replacingOccurrences(of: #""en""#, with: #""English""#))])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    #"bot.json:1:14: language: "English" is not a BCP 47 language tag; did you mean "en"?"#
                ])
        }
    }

    /// A tag Usher has no data for is served (a French customer gets the French words) but with
    /// generic matching and English entities and built-in replies: a warning that says so.
    @Test func aLanguageWithoutDataIsAWarning() throws {
        let french =
            #"{"language": "fr", "translations": [{"name": "greeting", "examples": ["bonjour", "salut", "coucou"], "responses": ["Bonjour !"]}]}"#
        let bot = try Self.load([("bot.json", Self.english), ("fr.json", french)])
        #expect(bot.localized(to: "fr") != nil)
        let typo =
            #"{"language": "dee", "translations": [{"name": "greeting", "examples": ["hallo", "servus", "moin"], "responses": ["Hallo!"]}]}"#
        let warnings = try BotLinter.warnings(
            for: Self.load([("bot.json", Self.english), ("dee.json", typo), ("fr.json", french)])
        )
        .map(\.description).filter { $0.contains("no language data") }
        #expect(
            warnings == [
                #"dee.json:1:14: warning: language: Usher has no language data for "dee": matching falls back to generic rules, and entities and built-in replies to English; full support is for en, ru, de, zh-TW; did you mean "de"?"#,
                #"fr.json:1:14: warning: language: Usher has no language data for "fr": matching falls back to generic rules, and entities and built-in replies to English; full support is for en, ru, de, zh-TW"#,
            ])
    }

    @Test func anIntentIsTranslatedOncePerLanguage() {
        let again = #"{"language": "de", "translations": [{"name": "greeting", "examples": ["moin"]}]}"#
        do {
            _ = try Self.load([("bot.json", Self.english), ("de.json", Self.german), ("de2.json", again)])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "de2.json:1:37: translations[0]: intent \"greeting\" is already translated into de (first at de.json:5)"
                ])
        }
    }
}
