/// A light English suffix stripper: plural -s/-ies, -ed and -ing.
///
/// It is deliberately crude (it only has to map "cards", "carded" and "carding" to one key, not
/// to produce words) and it leaves short words and non-ASCII words alone.
public enum Stemmer {
    /// The stem of an ASCII lower-case word, as a range of its bytes plus an optional `y`
    /// ("ies" → "y").
    static func stem(_ word: ArraySlice<UInt8>) -> (bytes: ArraySlice<UInt8>, appendY: Bool) {
        let count = word.count
        guard count > 3, word.allSatisfy({ $0 < 0x80 }) else { return (word, false) }
        let end = word.endIndex
        func endsWith(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            return suffix.withUTF8Buffer { word[(end - length)..<end].elementsEqual($0) }
        }
        if count > 4 && endsWith("ing") { return (word[..<(end - 3)], false) }
        if endsWith("ed") { return (word[..<(end - 2)], false) }
        if endsWith("ies") { return (word[..<(end - 3)], true) }
        if endsWith("s") && !endsWith("ss") { return (word[..<(end - 1)], false) }
        return (word, false)
    }

    /// The stem of a word as a string, for tests and explanations.
    public static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        let (stem, appendY) = stem(bytes[...])
        return String(decoding: stem, as: UTF8.self) + (appendY ? "y" : "")
    }
}
