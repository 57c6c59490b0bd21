import Foundation

/// Phrases looked for as whole words in normalised text (its words joined by single spaces),
/// with the answers of Foundation's `(" " + words + " ").contains(" " + phrase + " ")` at a
/// fraction of its cost.
///
/// Foundation compares by canonical equivalence, through `NSString`, at tens of thousands of
/// instructions a call; it ran for every phrase list on every turn (leaving the queue, handoff
/// keywords, "I don't know", a "but" in a yes). ASCII words against an ASCII phrase are compared
/// as bytes instead, where canonical equivalence is byte equality. A phrase whose canonical
/// decomposition is not ASCII cannot occur in ASCII words at all; anything else (non-ASCII words,
/// or a phrase such as U+212A KELVIN SIGN that decomposes to ASCII) still goes to Foundation.
struct WordPhrases: Sendable {
    private struct Phrase: Sendable {
        /// `" " + phrase + " "`.
        let padded: String
        /// The padded phrase's bytes, when it is ASCII.
        let ascii: [UInt8]?
        /// Whether the phrase can be found in ASCII words: it is ASCII, or decomposes to ASCII.
        let occursInASCII: Bool
    }

    private let phrases: [Phrase]

    init(_ phrases: some Sequence<String>) {
        self.phrases = phrases.map { phrase in
            let padded = " " + phrase + " "
            let isASCII = padded.utf8.allSatisfy { $0 < 0x80 }
            return Phrase(
                padded: padded, ascii: isASCII ? Array(padded.utf8) : nil,
                occursInASCII: isASCII || padded.decomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 })
        }
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// The index (in the order given) of the first phrase found in `words`, if any.
    func firstIndex(in words: String) -> Int? {
        var words = words
        let isASCII = words.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
        guard isASCII else {
            let padded = " " + words + " "
            return phrases.firstIndex { padded.contains($0.padded) }
        }
        var padded = " " + words + " "
        return padded.withUTF8 { text in
            phrases.firstIndex { phrase in
                guard let needle = phrase.ascii else {
                    return phrase.occursInASCII && String(decoding: text, as: UTF8.self).contains(phrase.padded)
                }
                return Self.bytes(text, contain: needle)
            }
        }
    }

    /// Whether any phrase is found in `words`.
    func occur(in words: String) -> Bool { firstIndex(in: words) != nil }

    private static func bytes(_ text: UnsafeBufferPointer<UInt8>, contain needle: [UInt8]) -> Bool {
        let count = needle.count
        guard count <= text.count else { return false }
        return needle.withUnsafeBufferPointer { needle in
            let first = needle[0]
            for start in 0...(text.count - count) where text[start] == first {
                var offset = 1
                while offset < count && text[start + offset] == needle[offset] { offset += 1 }
                if offset == count { return true }
            }
            return false
        }
    }

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
