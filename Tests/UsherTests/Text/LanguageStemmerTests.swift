import Testing

@testable import Usher

/// The light stemmers of the bot's other languages bring a word's forms to one key.
@Suite("Stemmers by language")
struct LanguageStemmerTests {
    static func stem(_ word: String, _ kind: Stemmer.Kind) -> String {
        let bytes = Array(word.utf8)
        let (stem, appendY) = Stemmer.stem(bytes[...], kind: kind)
        return String(decoding: stem, as: UTF8.self) + (appendY ? "y" : "")
    }

    @Test(arguments: [
        (["заказ", "заказа", "заказом", "заказы", "заказов", "заказами"], "заказ"),
        (["доставка", "доставки", "доставку", "доставкой"], "доставк"),
        (["отменить", "отменить", "отмените"], "отмен"),
        (["новый", "новая", "новое", "новые", "нового"], "нов"),
    ])
    func russianFormsMeet(words: [String], stem: String) {
        for word in words { #expect(Self.stem(word, .russian) == stem, "\(word)") }
        // English names in Russian text keep the English rules; short words are left alone.
        #expect(Self.stem("orders", .russian) == "order")
        #expect(Self.stem("мой", .russian) == "мой")
    }

    @Test func germanFormsMeetAndUmlautsStay() {
        #expect(Self.stem("bestellungen", .german) == Self.stem("bestellung", .german))
        #expect(Self.stem("pakete", .german) == "paket")
        #expect(Self.stem("zählen", .german) != Self.stem("zahlen", .german))
        #expect(Self.stem("ist", .german) == "ist")
    }

    @Test func theKindFollowsTheBotsLanguage() {
        #expect(Stemmer.Kind(language: "ru-RU") == .russian)
        #expect(Stemmer.Kind(language: "de") == .german)
        #expect(Stemmer.Kind(language: "en") == .english)
        #expect(Stemmer.Kind(language: "fr") == .english)
    }
}
