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

    /// ASCII messages without a digit are counted from their bytes before a message is built:
    /// the count is the entity reader's own, words that are not place words.
    @Test(arguments: [
        ("where is my order", "en"), ("by Friday", "en"), ("on the twenty-first", "en"),
        ("Until NEXT monday, ok?", "en"), ("bis zum fünften", "de"), ("it's the 5th", "en"), ("", "en"),
        ("...", "en"), ("on the", "en"), ("I'd like a refund_now please", "en"), ("the next friday", "en"),
    ])
    func countsASCIIWordsAsTheEntityReaderSplitsThem(text: String, language: String) {
        let entityOnly = EntityOnlyMessages(language: language)
        let tokens = EntityMessage(text).tokens
        if text.utf8.contains(where: { $0 >= 0x80 || (0x30...0x39).contains($0) }) {
            #expect(entityOnly.asciiWordsWithoutDigits(text) == nil)
        } else {
            let placeWords = (Language.named(language) ?? .english).calendar.placeWords
            let words = tokens.count { $0.kind == .word && !placeWords.contains($0.text) }
            for limit in 0...3 {
                #expect(entityOnly.asciiWordsWithoutDigits(text, limit: limit).map { $0 > limit } == (words > limit))
            }
        }
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
