import Testing

@testable import Usher

@Suite("UnmatchedGrouper")
struct UnmatchedGrouperTests {
    private func groups(_ texts: [String], language: String = "en") -> [[String]] {
        UnmatchedGrouper(language: language).group(
            texts.map { UnmatchedGrouper.Message(text: $0, closestIntent: nil, confidence: 0) }
        ).map { $0.texts.sorted() }
    }

    /// A labelled set of paraphrases: each inner list is one thing customers asked, worded
    /// differently; the grouper must find exactly these groups.
    static let paraphrases: [[String]] = [
        ["can I change my delivery slot", "change my delivery slot please", "I want to change the delivery slot"],
        ["do you sell gift cards", "gift cards available?", "can I buy a gift card"],
        ["my discount code does not work", "the discount code is not working", "discount code not working"],
        ["how do I delete my account", "delete my account please", "I want my account deleted"],
        ["do you ship to canada", "shipping to canada?"],
    ]

    @Test func paraphrasesFallIntoTheirOwnGroups() {
        let found = Set(groups(Self.paraphrases.flatMap { $0 }))
        #expect(found == Set(Self.paraphrases.map { $0.sorted() }))
    }

    /// Messages group only with those in their language, and the group carries it to the inbox
    /// (`usher learn` then adds the texts to that language's words).
    @Test func groupsKeepToOneLanguage() {
        let result = UnmatchedGrouper().group([
            UnmatchedGrouper.Message(text: "AB123456", closestIntent: nil, confidence: 0, language: "en"),
            UnmatchedGrouper.Message(text: "AB123456?", closestIntent: nil, confidence: 0, language: "ru"),
            UnmatchedGrouper.Message(text: "AB123456!", closestIntent: nil, confidence: 0, language: "en"),
        ])
        #expect(result.map(\.texts) == [["AB123456", "AB123456!"], ["AB123456?"]])
        #expect(result.map(\.language) == ["en", "ru"])
    }

    @Test func groupsCountRepeatsAndComeLargestFirst() {
        let result = UnmatchedGrouper().group(
            ["gift cards?", "gift cards?", "do you sell gift cards", "ship to canada?"].map {
                UnmatchedGrouper.Message(text: $0, closestIntent: "payment_methods", confidence: 0.4)
            })
        #expect(result.map(\.count) == [3, 1])
        #expect(result[0].representative == "gift cards?")
        #expect(result[0].texts == ["gift cards?", "do you sell gift cards"])
        #expect(result[0].closestIntent == "payment_methods" && result[0].confidence == 0.4)
    }

    @Test(arguments: [
        (
            "ru",
            [
                ["где мой заказ", "где заказ мой?", "мой заказ где"],
                ["хочу вернуть деньги", "вернуть деньги", "хочу деньги вернуть"],
            ]
        ),
        (
            "de",
            [
                ["wo ist meine Bestellung", "wo ist die Bestellung", "Bestellung wo ist sie"],
                ["ich möchte mein Geld zurück", "Geld zurück bitte", "mein Geld zurück"],
            ]
        ),
        (
            "zh-TW",
            [
                ["我的訂單在哪裡", "訂單在哪裡", "我的訂單在哪"],
                ["我要退款", "我想要退款", "退款"],
            ]
        ),
    ])
    func otherLanguagesGroupToo(language: String, expected: [[String]]) {
        #expect(Set(groups(expected.flatMap { $0 }, language: language)) == Set(expected.map { $0.sorted() }))
    }
}
