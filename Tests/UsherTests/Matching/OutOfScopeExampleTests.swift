import Testing

@testable import Usher

/// Out-of-scope examples (`fallback.examples`): messages that share words with an intent but
/// that the bot must decline ("how do I cancel my Netflix" beside `cancel_order`) are learned as
/// one more class; when it wins, the message gets the fallback, and the explanation names the
/// out-of-scope example that decided.
@Suite("Out-of-scope examples")
struct OutOfScopeExampleTests {
    static let json = """
        {"intents": [
          {"name": "cancel_order", "examples": ["cancel my order", "I want to cancel order {order_id}",
             "please stop my order before it ships", "how do I cancel an order", "call off my purchase"]},
          {"name": "reset_password", "examples": ["I forgot my password", "reset my password",
             "how do I change my password", "send me a password reset link", "my password does not work"]}
         ],
         "fallback": {"examples": ["how do I cancel my netflix subscription", "cancel my gym membership",
                                   "what is the wifi password", "how do I change my windows password"]}}
        """
    static let bot = try! BotLoader.load(
        sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))], for: .matching)

    @Test func aMessageLikeAnOutOfScopeExampleGetsTheFallback() {
        let matcher = Matcher(bot: Self.bot)
        let declined = matcher.match("how do I cancel my netflix")
        #expect(declined.intent == nil)
        guard case .outOfScope(let example, let origin) = declined.evidence else {
            Issue.record("expected an out-of-scope decision, got \(declined.evidence)")
            return
        }
        #expect(example == "how do I cancel my netflix subscription")
        #expect(origin?.path == "fallback.examples[0]")
        // The out-of-scope class is never a candidate; the intents are, for the explanation.
        #expect(declined.candidates.map(\.intent).sorted() == ["cancel_order", "reset_password"])
        #expect(matcher.match("what's the wifi password here").intent == nil)
        // Without them, the same messages were taken for the intents sharing their words.
        let without = Matcher(
            bot: {
                var bot = Self.bot
                bot.fallback.examples = []
                return bot
            }())
        #expect(without.match("how do I cancel my netflix").intent == "cancel_order")
    }

    @Test func theIntentsStillMatchTheirOwnMessages() {
        let matcher = Matcher(bot: Self.bot)
        #expect(matcher.match("cancel my order please").intent == "cancel_order")
        #expect(matcher.match("I forgot my password again").intent == "reset_password")
        #expect(matcher.match("cancel order AB123456").intent == "cancel_order")
    }

    @Test func aFallbackMayHaveExamplesAloneButNoSlotMarkers() throws {
        #expect(Self.bot.fallback.responses.map(\.description) == FallbackDefinition.defaultResponses)
        #expect(Self.bot.fallback.examples.count == 4)
        do {
            _ = try BotLoader.load(
                sources: [
                    BotLoader.Source(
                        name: "bot.json",
                        bytes: Array(
                            #"{"intents": [{"name": "a", "examples": ["x"]}], "fallback": {"examples": ["book {city}"]}}"#
                                .utf8))
                ], for: .matching)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "bot.json:1:75: fallback.examples[0]: an out-of-scope example has no slots: {…} marks values of an intent's slots"
                ])
        }
    }
}
