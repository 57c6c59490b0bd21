import Testing

@testable import Usher

/// The stemmers of the bot's other languages bring a word's forms to one key.
@Suite("Stemmers by language")
struct LanguageStemmerTests {
    /// The stem of `word` as the matcher sees it: normalised first (й becomes и, ё е).
    static func stem(_ word: String, _ kind: Stemmer.Kind) -> String {
        rawStem(TextNormalizer.normalize(word).words[0], kind)
    }

    /// The stem of `word` as given.
    static func rawStem(_ word: String, _ kind: Stemmer.Kind) -> String {
        let bytes = Array(word.utf8)
        let (stem, appendY) = Stemmer.stem(bytes[...], kind: kind)
        return String(decoding: stem, as: UTF8.self) + (appendY ? "y" : "")
    }

    @Test(arguments: [
        (["заказ", "заказа", "заказом", "заказы", "заказов", "заказами"], "заказ"),
        (["доставка", "доставки", "доставку", "доставкой"], "доставк"),
        (["отменить", "отменить", "отмените"], "отмен"),
        (["новый", "новая", "новое", "новые", "нового", "новой"], "нов"),
        // Snowball's verb endings after а/я, reflexives, participles and gerunds.
        (["подать", "подал", "подала", "подали"], "пода"),
        (["записаться", "записался", "записалась", "записавшись"], "записа"),
        (["закрывающий", "закрывающая", "закрывать", "закрываем"], "закрыва"),
        (["добавь", "добавить", "добавил", "добавила"], "добав"),
    ])
    func russianFormsMeet(words: [String], stem: String) {
        for word in words { #expect(Self.stem(word, .russian) == stem, "\(word)") }
        // English names in Russian text keep the English rules; short words keep their stem
        // before the region (the first vowel) untouched.
        #expect(Self.stem("orders", .russian) == "order")
        #expect(Self.stem("мой", .russian) == "мо")
        #expect(Self.stem("он", .russian) == "он")
    }

    @Test func russianRegionsFollowVowelsAndConsonants() {
        // RV after the first vowel, R1 after the first consonant after a vowel, R2 the same in R1.
        let word = Array("противоестественном".utf8)
        let regions = RussianRegions(word[...])
        #expect(String(decoding: word[regions.rv...], as: UTF8.self) == "тивоестественном")
        #expect(String(decoding: word[regions.r2...], as: UTF8.self) == "оестественном")
        // The derivational -ость comes off in R2 only: "гордость" keeps it (R2 is "ть"), and a
        // doubled н is undoubled.
        #expect(Self.stem("гордость", .russian) == "гордост")
        #expect(Self.stem("жизненность", .russian) == "жизнен")
    }

    @Test func russianVerbPrefixesComeOff() {
        func prefixless(_ word: String) -> String? {
            let bytes = Array(Self.stem(word, .russian).utf8)
            return Stemmer.russianPrefixless(bytes[...]).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(prefixless("запостить") == "пост")
        #expect(prefixless("переписать") == "писа")
        // At least four letters stay: "удалить" is not "у" + "дал".
        #expect(prefixless("удалить") == nil)
        #expect(prefixless("order") == nil)
    }

    @Test func germanFormsMeetAndUmlautsStay() {
        #expect(Self.stem("bestellungen", .german) == Self.stem("bestellung", .german))
        #expect(Self.stem("pakete", .german) == "paket")
        // The stemmer keeps umlauts (the normaliser is what folds them for matching).
        #expect(Self.rawStem("zählen", .german) != Self.rawStem("zahlen", .german))
        #expect(Self.stem("ist", .german) == "ist")
    }

    @Test func theKindFollowsTheBotsLanguage() {
        #expect(Stemmer.Kind(language: "ru-RU") == .russian)
        #expect(Stemmer.Kind(language: "de") == .german)
        #expect(Stemmer.Kind(language: "en") == .english)
        #expect(Stemmer.Kind(language: "fr") == .english)
    }
}
