import Testing

@testable import Usher

/// A message that is only a date (or other built-in entities) says no request: the matcher
/// declines it unless the intent it would choose was taught such a message.
@Suite("Entity-only messages")
struct EntityOnlyMessagesTests {
    @Test(arguments: [
        ("bis zum 5.", "de", ["date"]), ("5/12", "en", ["date"]), ("5號", "zh-TW", ["date"]),
        ("до 5 числа", "ru", ["date"]), ("12:30", "en", ["time"]), ("by Friday", "en", ["date"]),
        ("on the 5th at 3pm", "en", ["date", "time"]), ("morgen", "de", ["date"]),
    ])
    func findsMessagesOfEntitiesAlone(text: String, language: String, types: [String]) {
        #expect(EntityOnlyMessages(language: language).types(of: text) == types)
    }

    @Test(arguments: [
        ("I was charged twice on the 5th", "en"), ("where is my order", "en"), ("", "en"), ("bis dann", "de"),
        ("on the", "en"), ("доставка 5 числа", "ru"), ("on 1 2 3 4 5 6 7 8", "en"),
    ])
    func leavesOtherMessages(text: String, language: String) {
        #expect(EntityOnlyMessages(language: language).types(of: text) == nil)
    }

    static let bot = try! BotLoader.load(
        sources: [
            BotLoader.Source(
                name: "bot.json",
                bytes: Array(
                    """
                    {"language": "de", "intents": [
                      {"name": "goodbye", "examples": ["bis dann", "bis später", "tschüss", "auf wiedersehen",
                         "bis bald"]},
                      {"name": "greeting", "examples": ["hallo", "guten tag", "morgen", "guten morgen"]},
                      {"name": "order_status", "examples": ["wo ist meine bestellung", "wann kommt mein paket",
                         "status meiner bestellung"]}
                    ]}
                    """.utf8))
        ], for: .matching)

    /// "bis zum 5." shares only "bis" with the goodbyes, and once was one at 0.82.
    @Test func aDateAloneGetsTheFallbackAndSaysWhy() throws {
        let result = Matcher(bot: Self.bot).match("bis zum 5.")
        #expect(result.intent == nil)
        #expect(result.evidence == .onlyEntities(types: ["date"]))
        // The best intent is still reported, with the confidence it would have had.
        let best = try #require(result.candidates.first)
        #expect(best.intent == "goodbye")
        #expect(result.confidence >= result.threshold)
    }

    /// "morgen" is a date to the entity reader, but the greeting was taught it.
    @Test func anIntentTaughtAnEntityAloneStillMatchesIt() {
        #expect(Matcher(bot: Self.bot).match("morgen").intent == "greeting")
    }

    @Test func aRequestWithADateIsMatchedAsBefore() {
        #expect(Matcher(bot: Self.bot).match("wo ist meine bestellung vom 5.").intent == "order_status")
    }
}
