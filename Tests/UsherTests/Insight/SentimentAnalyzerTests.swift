import Foundation
import Testing

@testable import Usher

@Suite("SentimentAnalyzer")
struct SentimentAnalyzerTests {
    let analyzer = SentimentAnalyzer()

    func score(_ text: String) -> Double { analyzer.analyze(text).score }

    @Test(arguments: [
        "where is my order", "my order number is AB123456", "Can I change my delivery address?",
        "How do I reset my password?", "I ordered a jacket last Tuesday.", "Is it still available in blue?",
        "Good morning, what are your opening hours?", "",
    ])
    func neutralTextScoresNearZero(text: String) {
        #expect(abs(score(text)) < 0.25)
    }

    @Test(arguments: [
        ("I am happy with it", "I am not happy with it"), ("The app works great", "The app never works"),
        ("That helped", "That didn't help at all"), ("The agent was helpful", "The agent was not helpful"),
    ])
    func negationTurnsPositiveIntoNegative(positive: String, negated: String) {
        #expect(score(positive) > 0)
        #expect(analyzer.analyze(negated).isNegative)
    }

    @Test(arguments: ["not bad at all", "No problem at all", "That's not a bad idea"])
    func negatedNegativesAreNotNegative(text: String) {
        #expect(score(text) > 0)
    }

    @Test(arguments: [
        ("I'm disappointed", "I'm very disappointed"), ("That was rude", "That was extremely rude"),
        ("The agent was helpful", "The agent was really helpful"), ("I'm upset", "I'm so upset"),
    ])
    func intensifiersStrengthen(plain: String, intensified: String) {
        #expect(abs(score(intensified)) > abs(score(plain)))
        #expect((score(intensified) > 0) == (score(plain) > 0))
    }

    @Test func diminishersSoften() {
        #expect(score("I'm a bit disappointed") > score("I'm disappointed"))
        #expect(score("I'm a bit disappointed") < 0)
    }

    @Test(arguments: [
        ("I am not happy with this", "I am NOT HAPPY with this"),
        ("I am not happy with this", "I am not happy with this!!!"),
        ("where is my order", "WHERE IS MY ORDER"), ("where is my order", "where is my order???"),
    ])
    func shoutingMakesNegativeStronger(calm: String, shouted: String) {
        #expect(score(shouted) < score(calm))
        #expect(analyzer.analyze(shouted).isNegative)
    }

    @Test func acronymsAreNotShouting() {
        #expect(analyzer.analyze("Do you ship with DHL or UPS?") == .neutral)
    }

    @Test func repeatedExclamationsStrengthenThanks() {
        #expect(score("Thank you!!!") > score("Thank you"))
    }

    @Test(arguments: [
        ("This is the third time I'm asking", ["third time"]), ("Still nothing.", ["still nothing"]),
        ("I've been waiting for two weeks", ["been waiting", "for two weeks"]),
        ("Unacceptable. I want to cancel my account", ["unacceptable", "cancel my account"]),
        ("What a waste of time, I'm calling my lawyer", ["waste of time", "lawyer"]),
        ("Worst service ever", ["worst"]), ("The app doesn't work", ["doesnt work"]),
        ("I am NOT happy!!!", ["not happy", "!!!"]), ("Thanks, great help", ["thanks", "great"]),
    ])
    func reportsTheCuesThatDecided(text: String, cues: [String]) {
        #expect(analyzer.analyze(text).cues == cues)
    }

    @Test(arguments: [
        "This is the third time I'm asking about my refund", "Still nothing. Where is my package?",
        "I've been waiting for two weeks", "This is unacceptable", "ridiculous", "waste of time",
        "I want to cancel my account", "I'll talk to my lawyer", "worst service ever",
    ])
    func customerServiceComplaintsAreNegative(text: String) {
        #expect(analyzer.analyze(text).isNegative)
    }

    /// Calm facts were read as anger and handed customers off (issue 12): what happened is not
    /// how the customer feels about it.
    @Test(arguments: [
        "I was charged twice", "my phone was stolen yesterday", "tell me a joke", "my parcel is late",
        "the screen is cracked", "I lost my password",
    ])
    func calmFactsAreNotAnger(text: String) {
        #expect(!analyzer.analyze(text).isNegative, "\(analyzer.analyze(text))")
    }

    @Test(arguments: [
        "I was charged twice and nobody cares, this is ridiculous", "my phone was stolen and your support is useless",
        "this is a joke", "the parcel is late AGAIN, I am so frustrated",
    ])
    func factsWithAngerAreStillNegative(text: String) {
        #expect(analyzer.analyze(text).isNegative, "\(analyzer.analyze(text))")
    }

    @Test(arguments: ["Thanks, that solved it", "Thank you so much, great help!", "Excellent support"])
    func thanksArePositive(text: String) {
        #expect(analyzer.analyze(text).isPositive)
    }

    @Test func scoresStayWithinBounds() {
        let furious =
            "WORST, MOST USELESS, RIDICULOUS, UNACCEPTABLE SERVICE EVER!!! I'm calling my lawyer, waste of time"
        #expect(score(furious) > -1)
        #expect(score(furious) < -0.9)
        #expect(SentimentAnalyzer.squash(1) == 0.5)
        #expect(SentimentAnalyzer.squash(-3) == -0.75)
    }

    @Test func docExample() {
        let sentiment = analyzer.analyze("This is the third time I ask. Still NOTHING!!!")
        #expect(sentiment.cues == ["third time", "still nothing", "!!!"])
        #expect(abs(sentiment.score - -0.815) < 0.001)
    }

    @Test func isDeterministic() {
        let text = "I'm not happy, the parcel never arrived and nobody answers!!!"
        #expect(analyzer.analyze(text) == analyzer.analyze(text))
    }

    @Test func otherLanguagesReadOnlyTheForm() {
        let french = SentimentAnalyzer(language: "fr")
        #expect(french.analyze("C'est inacceptable, je suis très déçu") == .neutral)
        #expect(french.analyze("OÙ EST MA COMMANDE ???").isNegative)
        #expect(SentimentAnalyzer(language: "en-GB").analyze("This is unacceptable").isNegative)
    }
}
