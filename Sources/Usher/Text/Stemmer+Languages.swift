/// Stemmers for the bot's other languages. Like the English one they only have to bring a word's
/// forms to one key ("заказа", "заказом", "заказ" → "заказ"; "Bestellungen", "Bestellung" →
/// "bestellung"), not produce words. Russian follows the Snowball algorithm
/// (``Stemmer/russianStem(_:)``); German strips the longest noun or adjective ending and keeps a
/// stem of at least three letters.
extension Stemmer {
    /// Which stemmer a bot's words get, from its language tag.
    enum Kind: Sendable {
        case english, russian, german, none

        init(language: String) {
            switch language.prefix(while: { $0 != "-" && $0 != "_" }).lowercased() {
            case "ru": self = .russian
            case "de": self = .german
            case "en": self = .english
            // Other Latin-script languages keep the English plural and -ing/-ed stripping they
            // always had; unspaced scripts are matched by characters.
            default: self = .english
            }
        }
    }

    /// The stem of a lower-case word in the bot's language.
    static func stem(_ word: ArraySlice<UInt8>, kind: Kind) -> (bytes: ArraySlice<UInt8>, appendY: Bool) {
        switch kind {
        case .english: return stem(word)
        case .russian:
            // Latin words in Russian text are mostly English names: the English rules suit them.
            return word.first.map { $0 < 0x80 } == true ? stem(word) : (russianStem(word), false)
        case .german: return (strip(word, endings: germanEndings), false)
        case .none: return (word, false)
        }
    }

    /// `word` without the longest of `endings` (longest first in the list), keeping at least three
    /// characters.
    private static func strip(_ word: ArraySlice<UInt8>, endings: [[UInt8]]) -> ArraySlice<UInt8> {
        let characters = word.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        for ending in endings where word.hasSuffix(ending) {
            let endingCharacters = ending.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            if characters - endingCharacters >= 3 { return word.dropLast(ending.count) }
        }
        return word
    }

    /// Noun and adjective endings; umlauts and ß are kept ("zählen" is not "zahlen").
    private static let germanEndings: [[UInt8]] = ["ern", "em", "en", "er", "es", "e", "s", "n"].map { Array($0.utf8) }
}

extension ArraySlice where Element == UInt8 {
    fileprivate func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(endIndex - suffix.count)...].elementsEqual(suffix)
    }
}
