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
          {"name": "greeting", "examples": ["hallo", "guten Morgen", "servus"], "responses": ["Hallo {name}!"]},
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
                "de.json:5:3: warning: translations[1].responses[0]: response uses {name}, but \"greeting\" has no such slot and no example or pattern marks it",
                "de.json:6:3: warning: translations[2]: intent \"opening_hours\" has responses in en but not in de, so customers in de get them in en",
            ])
    }

    /// The German test bot of `BotTranslationTests` leaves out only what it means to: nothing.
    @Test func aCompleteTranslationHasNoWarnings() throws {
        let complete = BotTranslationTests.german.replacingOccurrences(
            of: #"{"found": ["Bestellung {order_id}: {result.status}."]}"#,
            with:
                #"{"found": ["Bestellung {order_id}: {result.status}."], "not_found": ["Keine Bestellung {order_id}."]}"#
        )
        #expect(try Self.warnings(complete) == [])
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
