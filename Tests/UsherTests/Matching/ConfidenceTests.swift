import Testing

@testable import Usher

/// Issue 14's out-of-scope signals: words the bot never saw lower the blend, and each intent's
/// centre follows how tightly its own examples sit together.
@Suite("Confidence")
struct ConfidenceTests {
    /// A message whose word weight the bot has not seen at all loses 0.3 of blend: as much as a
    /// score 0.6 lower.
    @Test func unknownWordsLowerTheBlendByTheirShare() {
        let known = Matcher.confidence(score: 0.2, nearestSimilarity: 0.5, model: .linear, examples: 100, coverage: 1)
        let unknown = Matcher.confidence(score: 0.8, nearestSimilarity: 0.5, model: .linear, examples: 100, coverage: 0)
        let half = Matcher.confidence(score: 0.2, nearestSimilarity: 0.5, model: .linear, examples: 100, coverage: 0.5)
        #expect(abs(known - unknown) < 1e-6)
        #expect(half < known)
        // Models without a margin ignore it.
        #expect(
            Matcher.confidence(score: 0, nearestSimilarity: 0.5, model: .centroid, coverage: 0)
                == Matcher.confidence(score: 0, nearestSimilarity: 0.5, model: .centroid, coverage: 1))
    }

    @Test func anIntentWhoseExamplesSitCloseTogetherAsksMore() {
        let usual = Matcher.confidenceCentre
        #expect(abs(Matcher.centre(typicalSimilarity: 0.6, examples: 100) - usual) < 1e-6)
        #expect(Matcher.centre(typicalSimilarity: 0.8, examples: 100) > usual)
        #expect(Matcher.centre(typicalSimilarity: 0.4, examples: 100) < usual)
        #expect(Matcher.centre(typicalSimilarity: nil, examples: 1) == usual)
        // At 20 examples the intent's own figure counts for half: 0.75 × 0.5 × 0.2.
        #expect(abs(Matcher.centre(typicalSimilarity: 0.8, examples: 20) - usual - 0.075) < 1e-6)
        // A higher centre means a lower confidence for the same score and similarity.
        #expect(
            Matcher.confidence(score: 0.2, nearestSimilarity: 0.4, model: .linear, examples: 100, centre: -0.2)
                < Matcher.confidence(score: 0.2, nearestSimilarity: 0.4, model: .linear, examples: 100, centre: -0.3))
    }

    /// Of two examples, each one's closest other is the other: the typical similarity is their cosine.
    @Test func theTypicalSimilarityIsTheCosineToTheClosestOtherExample() throws {
        let json = """
            {"intents": [
              {"name": "balance", "examples": ["what is my balance", "what is my account balance"]},
              {"name": "chat", "examples": ["the cosmos", "thanks to ally for the photos", "i got invited to the pub"]},
              {"name": "alone", "examples": ["tell me a joke"]}
            ]}
            """
        let bot = try BotLoader.load(
            sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))], for: .matching)
        let matcher = Matcher(bot: bot)
        let first = matcher.vectorizer.vector(TextNormalizer.normalize("what is my balance"))
        let second = matcher.vectorizer.vector(TextNormalizer.normalize("what is my account balance"))
        let cosine = Double(first.dot(second))
        #expect(cosine > 0.6)
        let expected = Matcher.confidenceCentre + Matcher.tightnessWeight * 2 / 22 * (cosine - 0.6)
        #expect(abs(matcher.centres[0] - expected) < 1e-5)
        #expect(matcher.centres[1] < matcher.centres[0])
        #expect(matcher.centres[2] == Matcher.confidenceCentre)
    }

    /// `usher match` and `/why` show both, so the confidence can be recomputed from what they show.
    @Test func theResultCarriesTheKnownWordsAndTheCentre() {
        let known = deskMatcher.match("where is my order")
        #expect(known.knownWords == 1)
        #expect(known.centre == deskMatcher.centres[0])
        let unknown = deskMatcher.match("where is my zorblaxian order")
        #expect(unknown.knownWords < 1)
        #expect(unknown.confidence < known.confidence)
        #expect(deskMatcher.match("track order AB123456").centre == nil)
    }
}
