import Foundation

/// Phrases looked for as whole words in normalised text (its words joined by single spaces).
///
/// This used to be Foundation's `(" " + words + " ").contains(" " + phrase + " ")`, which compares
/// by canonical equivalence through `NSString`, at tens of thousands of instructions a phrase:
/// for a Russian or Chinese message, every check for leaving the queue (40 phrases of four
/// languages) cost about 700,000 instructions, more than the rest of its turn. But the words are
/// ``TextNormalizer``'s output, and each phrase is normalised the same way here, so the two are
/// canonically equivalent exactly when their bytes are equal: one byte search per phrase.
struct WordPhrases: Sendable {
    /// Each phrase's normalised words, padded with a space at either end, as UTF-8; `nil` for a
    /// phrase with no words, which is never found.
    private let phrases: [[UInt8]?]

    /// For each byte value, the indices of the phrases whose first word starts with it, in
    /// order: a word of the message is compared only with the phrases that can start there.
    private let startingWith: [[Int]]

    init(_ phrases: some Sequence<String>) {
        self.phrases = phrases.map { phrase in
            let words = TextNormalizer.normalize(phrase).words
            return words.isEmpty ? nil : Array((" " + words.joined(separator: " ") + " ").utf8)
        }
        var startingWith = [[Int]](repeating: [], count: 256)
        for (index, phrase) in self.phrases.enumerated() {
            if let phrase { startingWith[Int(phrase[1])].append(index) }
        }
        self.startingWith = startingWith
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// The index (in the order given) of the first phrase found in `words`, if any. `words` must
    /// be ``TextNormalizer``'s words joined by single spaces, as every caller has them.
    ///
    /// One pass over the words: at each word's start, only the phrases that begin with its first
    /// byte are compared, instead of searching the whole text once per phrase.
    func firstIndex(in words: String) -> Int? {
        var padded = " " + words + " "
        return padded.withUTF8 { text in
            var found: Int?
            for start in 0..<(text.count - 1) where text[start] == UInt8(ascii: " ") {
                for index in startingWith[Int(text[start + 1])] {
                    // The candidates are in order: none after one already found can come first.
                    if let found, index >= found { break }
                    if let phrase = phrases[index], Self.bytes(text, at: start, equal: phrase) { found = index }
                }
            }
            return found
        }
    }

    /// Whether `text` holds `phrase` at `start`.
    private static func bytes(_ text: UnsafeBufferPointer<UInt8>, at start: Int, equal phrase: [UInt8]) -> Bool {
        guard start + phrase.count <= text.count else { return false }
        var offset = 0
        while offset < phrase.count && text[start + offset] == phrase[offset] { offset += 1 }
        return offset == phrase.count
    }

    /// Whether any phrase is found in `words`.
    func occur(in words: String) -> Bool { firstIndex(in: words) != nil }

    /// `words` without white space at either end, as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives it (for ASCII, spaces and tabs).
    static func trimmed(_ words: String) -> String {
        var words = words
        let ascii: String?? = words.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            guard let first = bytes.firstIndex(where: { !isBlank($0) }) else { return .some("") }
            let last = bytes.lastIndex(where: { !isBlank($0) }) ?? first
            if first == 0 && last == bytes.count - 1 { return .some(nil) }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[first...last]), as: UTF8.self))
        }
        switch ascii {
        case .none: return words.trimmingCharacters(in: .whitespaces)
        case .some(.none): return words
        case .some(.some(let trimmed)): return trimmed
        }
    }
}
