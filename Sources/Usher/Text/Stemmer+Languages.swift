/// Light stemmers for the bot's other languages, in the Snowball spirit: strip the longest
/// inflectional ending, keep a stem of at least three letters. Like the English one they only
/// have to bring a word's forms to one key ("заказа", "заказом", "заказ" → "заказ";
/// "Bestellungen", "Bestellung" → "bestellung"), not produce words.
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
            return word.first.map { $0 < 0x80 } == true ? stem(word) : (strip(word, endings: russianEndings), false)
        case .german: return (strip(word, endings: germanEndings), false)
        case .none: return (word, false)
        }
    }

    /// `word` without the longest of `endings` (longest first in the list), keeping at least three
    /// characters; a reflexive ending (Russian -ся/-сь) first.
    private static func strip(_ word: ArraySlice<UInt8>, endings: [[UInt8]]) -> ArraySlice<UInt8> {
        var word = word
        for reflexive in reflexiveEndings where word.count > reflexive.count + 6 && word.hasSuffix(reflexive) {
            word = word.dropLast(reflexive.count)
            break
        }
        let characters = word.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        for ending in endings where word.hasSuffix(ending) {
            let endingCharacters = ending.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            if characters - endingCharacters >= 3 { return word.dropLast(ending.count) }
        }
        return word
    }

    private static let reflexiveEndings: [[UInt8]] = ["ся", "сь"].map { Array($0.utf8) }

    /// Adjective, verb and noun endings, longest first.
    private static let russianEndings: [[UInt8]] = [
        "иями", "ями", "ами", "ими", "ыми", "его", "ого", "ему", "ому", "ешь", "ете", "ите", "ишь", "ать", "ять",
        "ить", "еть", "уть", "ыть", "ают", "яют", "ует", "уют", "иям", "ием", "иях", "ией", "ия", "ья", "ие", "ье",
        "ии", "ию", "ью", "ее", "ые", "ое", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "их", "ых", "ую", "юю",
        "ая", "яя", "ою", "ею", "ам", "ям", "ах", "ях", "ов", "ев", "ет", "ют", "ут", "ит", "ат", "ят", "ла", "ли",
        "ло", "ть", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
    ].map { Array($0.utf8) }

    /// Noun and adjective endings; umlauts and ß are kept ("zählen" is not "zahlen").
    private static let germanEndings: [[UInt8]] = ["ern", "em", "en", "er", "es", "e", "s", "n"].map { Array($0.utf8) }
}

extension ArraySlice where Element == UInt8 {
    fileprivate func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(endIndex - suffix.count)...].elementsEqual(suffix)
    }
}
