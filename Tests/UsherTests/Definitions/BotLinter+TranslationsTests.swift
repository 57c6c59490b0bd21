import Testing

@testable import Usher

/// Translations are linted as the bot's own words are: a response's slot markers, and what a
/// translation leaves out that customers in its language then read in the bot's own.
@Suite("BotLinter: translations")
struct BotLinterTranslationsTests {
    static let german = """
        {"language": "de", "translations": [
          {"name": "order_status", "examples": ["wo ist meine Bestellung", "Sendung verfolgen", "wurde mein Paket verschickt"],
           "slots": {"order_id": {"prompt": "Wie lautet Ihre Bestellnummer?"}},
           "action": {"say": "Ich suche Bestellung {order_id}.", "responses": {"found": ["Bestellung {order_id}: {result.status}."]}}},
          {"name": "greeting", "examples": ["hallo", "guten Morgen", "servus"], "responses": ["Hallo!"]},
          {"name": "opening_hours", "examples": ["Öffnungszeiten", "wann haben Sie offen", "haben Sie sonntags offen"]}
         ]}
        """

    static func warnings(_ translation: String) throws -> [String] {
        let bot = try BotTranslationTests.load([("bot.json", BotTranslationTests.english), ("de.json", translation)])
        return BotLinter.warnings(for: bot).map(\.description).filter { $0.hasPrefix("de.json") }
    }

    @Test func warnsAboutMarkersAndWhatATranslationLeavesOut() throws {
        #expect(
            try Self.warnings(Self.german) == [
                "de.json:1:14: warning: language: the fallback has no responses in de, so customers in de get them in en",
                "de.json:2:3: warning: translations[0]: intent \"order_status\" has action.responses.not_found in en but not in de, so customers in de get them in en",
                "de.json:6:3: warning: translations[2]: intent \"opening_hours\" has responses in en but not in de, so customers in de get them in en",
            ])
    }

    /// The German test bot of `BotTranslationTests` with what it leaves out added: no warnings.
    @Test func aCompleteTranslationHasNoWarnings() throws {
        #expect(try Self.warnings(Self.complete) == [])
    }

    /// `BotTranslationTests.german` with the replies it leaves out, but not `opening_hours`.
    static let withoutOpeningHours = BotTranslationTests.german.replacingOccurrences(
        of: #"{"found": ["Bestellung {order_id}: {result.status}."]}}},"#,
        with:
            #"{"found": ["Bestellung {order_id}: {result.status}."], "not_found": ["Keine Bestellung {order_id}."]}}},"#
    )

    static let complete = withoutOpeningHours.replacingOccurrences(
        of: #"{"name": "greeting","#,
        with: #"""
            {"name": "opening_hours", "examples": ["Öffnungszeiten", "wann haben Sie offen", "sonntags offen?"],
               "responses": ["Wir haben von 8 bis 8 geöffnet."]},
              {"name": "greeting",
            """#)

    /// The new-user trial: `thanks` was left out of zh-TW.json, "謝謝" got the fallback, and
    /// `check --strict` said ok. Each matcher learns its own language's words only, so an intent
    /// a translation leaves out (or gives nothing to match) is out of its customers' reach.
    @Test func warnsAboutIntentsATranslationLeavesOut() throws {
        #expect(
            try Self.warnings(Self.withoutOpeningHours) == [
                "de.json:1:14: warning: language: intent \"opening_hours\" has no translation into de, so customers writing de cannot reach it and get the fallback"
            ])
        let withoutExamples = Self.complete.replacingOccurrences(
            of: #""examples": ["Öffnungszeiten", "wann haben Sie offen", "sonntags offen?"],"#, with: "")
        #expect(withoutExamples != Self.complete)
        #expect(
            try Self.warnings(withoutExamples) == [
                "de.json:5:3: warning: translations[1]: intent \"opening_hours\" has no examples or patterns in de, so customers writing de cannot reach it and get the fallback"
            ])
    }

    /// An intent added to the bot's own files after the translations were written is warned
    /// of in every language, at each translation's file.
    @Test func warnsAboutAnIntentAddedAfterTheTranslations() throws {
        let english = BotTranslationTests.english.replacingOccurrences(
            of: #"{"name": "greeting","#,
            with:
                #"{"name": "thanks", "examples": ["thanks", "thank you", "cheers"], "responses": ["You're welcome!"]}, {"name": "greeting","#
        )
        let russian = #"""
            {"language": "ru", "translations": [
              {"name": "order_status", "examples": ["где мой заказ"]}, {"name": "greeting", "examples": ["привет"]},
              {"name": "opening_hours", "examples": ["когда вы открыты"]}]}
            """#
        let bot = try BotTranslationTests.load([
            ("bot.json", english), ("de.json", Self.complete), ("ru.json", russian),
        ])
        #expect(
            BotLinter.warnings(for: bot).map(\.description).filter { $0.contains("cannot reach") } == [
                "de.json:1:14: warning: language: intent \"thanks\" has no translation into de, so customers writing de cannot reach it and get the fallback",
                "ru.json:1:14: warning: language: intent \"thanks\" has no translation into ru, so customers writing ru cannot reach it and get the fallback",
            ])
    }

    @Test func aMarkerSpelledOtherwiseThanInTheBotsOwnExamplesIsWarned() throws {
        let english = BotTranslationTests.english.replacingOccurrences(
            of: #""track my order""#, with: #""track my order {order_id}""#)
        let german =
            #"{"language": "de", "translations": [{"name": "order_status", "examples": ["Sendung {orderId} verfolgen"]}]}"#
        let bot = try BotTranslationTests.load([("bot.json", english), ("de.json", german)])
        #expect(
            BotLinter.warnings(for: bot).map(\.description).filter { $0.contains("spelling") } == [
                "de.json:1:75: warning: translations[0].examples[0]: slot marker {orderId} differs from {order_id} used elsewhere; use one spelling"
            ])
    }
}
