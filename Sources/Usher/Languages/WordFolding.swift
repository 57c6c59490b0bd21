/// How a language spells one word several ways that its vocabulary should treat alike.
///
/// Entity vocabularies are looked up by folded words, so "ещё" meets "еще" and "Maerz"-less
/// keyboards typing "Marz" still meet "März". Folding applies to lookups of known words only,
/// never to what the customer wrote, so it cannot merge two words the vocabulary does not list
/// (German "zählen" and "zahlen" stay apart: neither is an entity word).
enum WordFolding: Sendable {
    /// Words as the tokenizer lower-cased them.
    case none
    /// "ё" as "е": Russian writers mostly omit the dots.
    case russian
    /// "ä", "ö", "ü" as "a", "o", "u" and "ß" as "ss": keyboards without them, and Swiss spelling.
    case german

    /// `word` folded; words with only ASCII letters are returned as they are.
    func fold(_ word: String) -> String {
        guard self != .none, word.utf8.contains(where: { $0 >= 0x80 }) else { return word }
        var scalars = String.UnicodeScalarView()
        for scalar in word.lowercased().unicodeScalars {
            switch (self, scalar) {
            case (.russian, "ё"): scalars.append("е")
            case (.german, "ä"): scalars.append("a")
            case (.german, "ö"): scalars.append("o")
            case (.german, "ü"): scalars.append("u")
            case (.german, "ß"): scalars.append(contentsOf: "ss".unicodeScalars)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
