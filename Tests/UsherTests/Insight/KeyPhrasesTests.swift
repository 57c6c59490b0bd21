import Testing

@testable import Usher

@Suite("KeyPhrases")
struct KeyPhrasesTests {
    let conversation = [
        "Hi, my order AB123456 arrived yesterday and the wireless headphones are broken.",
        "The left side of the wireless headphones makes no sound.",
        "I want a refund, they are broken.",
    ]
    let order = EntityMatch(type: "order_number", value: "AB123456", text: "AB123456", range: 12..<20)
    let date = EntityMatch(type: "date", value: "2026-11-22", text: "yesterday", range: 29..<38)

    @Test func entityValuesComeFirst() {
        let phrases = KeyPhrases.extract(from: conversation, entities: [order, date])
        #expect(Array(phrases.prefix(2)) == ["AB123456", "2026-11-22"])
        #expect(!phrases.dropFirst(2).contains { $0.contains("ab123456") || $0.contains("yesterday") })
    }

    @Test func repeatedProblemWordsRankHigher() {
        let phrases = KeyPhrases.extract(from: conversation)
        #expect(Array(phrases.prefix(2)) == ["wireless headphones", "broken"])
        #expect(phrases.firstIndex(of: "broken")! < phrases.firstIndex(of: "order")!)
        #expect(KeyPhrases.extract(from: conversation, limit: 2) == ["wireless headphones", "broken"])
    }

    @Test func pluralsCountTogether() {
        let phrases = KeyPhrases.extract(from: ["The charger is faulty", "I tried two chargers", "charger again"])
        #expect(phrases.first == "charger")
    }

    @Test func stopWordsNeverStandAlone() {
        let texts =
            conversation + ["It is what it is, and I am here again because of this.", "Can you do that for me?"]
        for phrase in KeyPhrases.extract(from: texts, limit: 50) {
            #expect(!StopWords.english.contains(phrase))
            let words = phrase.split(separator: " ").map(String.init)
            #expect(!StopWords.english.contains(words.first!) && !StopWords.english.contains(words.last!))
        }
    }

    @Test(arguments: [0, 1, 3, 6])
    func respectsTheLimit(limit: Int) {
        let phrases = KeyPhrases.extract(from: conversation, entities: [order, date], limit: limit)
        #expect(phrases.count == limit)
    }

    @Test func emptyInputGivesNothing() {
        #expect(KeyPhrases.extract(from: []) == [])
        #expect(KeyPhrases.extract(from: ["", "   ", "is it me?"]) == [])
        #expect(KeyPhrases.extract(from: ["broken screen"], limit: 0) == [])
    }

    @Test func noWordIsShownTwice() {
        let words = KeyPhrases.extract(from: conversation, limit: 20).flatMap { $0.split(separator: " ") }
        #expect(words.count == Set(words).count)
    }

    @Test func docExample() {
        let texts = ["My wireless headphones are broken", "The wireless headphones make no sound"]
        #expect(KeyPhrases.extract(from: texts) == ["wireless headphones", "broken", "sound"])
    }

    @Test func duplicateEntityValuesAppearOnce() {
        #expect(KeyPhrases.extract(from: [], entities: [order, order]) == ["AB123456"])
    }
}

@Suite("KeyPhrases in other languages")
struct KeyPhrasesLanguagesTests {
    @Test func russianSkipsItsOwnFunctionWords() {
        let phrases = KeyPhrases.extract(
            from: ["Здравствуйте, у меня сломались беспроводные наушники", "Беспроводные наушники не заряжаются"],
            language: "ru")
        #expect(phrases.first == "беспроводные наушники")
        #expect(!phrases.contains { ["у", "меня", "здравствуите", "не"].contains($0) })
    }

    @Test func germanSkipsItsOwnFunctionWords() {
        let phrases = KeyPhrases.extract(
            from: ["Hallo, mein kabelloser Kopfhörer ist kaputt", "Der kabellose Kopfhörer lädt nicht"], language: "de")
        // "kabelloser" and "kabellose" are one word to the German stemmer, so the pair counts twice.
        #expect(phrases.first == "kabelloser kopfhörer")
        #expect(!phrases.contains { ["mein", "der", "ist", "hallo", "nicht"].contains($0) })
    }

    /// A word's forms count together by the language's own stemmer: four forms of "посылка"
    /// outrank "доставка" said twice, and "Rechnung(en)" outranks "Paket" said three times.
    @Test(arguments: [
        ("ru", ["посылка", "посылку", "посылки", "посылкой", "доставка", "доставка"], "посылка"),
        ("de", ["Rechnung", "Rechnungen", "Rechnungen", "Rechnung", "Paket", "Paket", "Paket"], "rechnung"),
    ])
    func aWordsFormsCountTogether(language: String, texts: [String], first: String) {
        #expect(KeyPhrases.extract(from: texts, language: language).first == first)
    }

    /// Phrases are shown as the customer spelled them (lower-cased), not as the normaliser
    /// folds them; a bare number is no key phrase.
    @Test func phrasesKeepTheCustomersSpelling() {
        let german = KeyPhrases.extract(
            from: ["Das Paket ist überfällig", "Wieder überfällig!"], language: "de")
        #expect(german.contains("überfällig"), "\(german)")
        let russian = KeyPhrases.extract(from: ["Ужасный сервис", "ужасный сервис, дайте оператора"], language: "ru")
        #expect(russian.first == "ужасный сервис", "\(russian)")
        let number = EntityMatch(type: "number", value: "2", text: "zwei", range: 0..<4)
        #expect(!KeyPhrases.extract(from: ["zwei Wochen überfällig"], entities: [number], language: "de").contains("2"))
    }

    @Test func chinesePhrasesAreRunsOfCharacters() {
        let phrases = KeyPhrases.extract(from: ["我的耳機壞了", "耳機沒有聲音", "我要退款"], language: "zh-TW")
        #expect(phrases.first == "耳機")
        #expect(phrases.contains("退款"))
        #expect(phrases.allSatisfy { !$0.contains(" ") && $0.count >= 2 })
    }
}
