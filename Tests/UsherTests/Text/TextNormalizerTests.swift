import Testing

@testable import Usher

@Suite("TextNormalizer")
struct TextNormalizerTests {
    @Test(arguments: [
        ("Where's my ORDER #AB-12?", ["wheres", "my", "order", "ab", "12"]),
        ("Café CRÈME, naïve façade", ["cafe", "creme", "naive", "facade"]),
        ("ｃａｆｅ ＡＢＣ１２３", ["cafe", "abc123"]),
        ("Straße", ["strasse"]),
        ("ΚΑΛΗΜΈΡΑ σας", ["καλημερα", "σας"]),
        ("Где мой ЗАКАЗ?", ["где", "мои", "заказ"]),
        ("don’t   won't", ["dont", "wont"]),
        ("'quoted' words'", ["quoted", "words"]),
        ("", []),
        ("?!... ---", []),
    ])
    func foldsCaseAccentsWidthAndPunctuation(input: String, words: [String]) {
        #expect(TextNormalizer.normalize(input).words == words)
    }

    @Test func splitsUnspacedScriptsIntoCharacters() {
        let text = TextNormalizer.normalize("我的订单在哪里 order 12")
        #expect(text.words == ["我", "的", "訂", "單", "在", "哪", "里", "order", "12"])
        #expect(text.tokens.map(\.kind) == Array(repeating: .character, count: 7) + [.word, .number])
        #expect(TextNormalizer.normalize("注文はどこですか").words.count == 8)
        #expect(TextNormalizer.normalize("ｶﾀｶﾅ").words == ["カ", "タ", "カ", "ナ"])
    }

    @Test func marksNumbersAndMixedTokens() {
        #expect(TextNormalizer.normalize("ab12 34 x").tokens.map(\.kind) == [.word, .number, .word])
    }

    @Test(arguments: [
        ("cards", "card"), ("charging", "charg"), ("charged", "charg"), ("countries", "country"), ("class", "class"),
        ("is", "is"), ("bus", "bus"),
    ])
    func stemsLightly(word: String, stem: String) {
        #expect(Stemmer.stem(word) == stem)
    }

    @Test func stopWordsAreLanguageSpecific() {
        #expect(StopWords.forLanguage("en-GB").contains("the"))
        #expect(StopWords.forLanguage("ja").isEmpty)
    }
}
