/// A custom entity type defined by its values, each with the synonyms customers use for it.
///
/// Phrases match whole words, ignoring case, accents and punctuation as ``TextNormalizer`` does,
/// so "Wi-Fi box", "wifi box" and "WIFI BOX" are one phrase only if the synonyms say so: the
/// hyphen splits "wi-fi" into two words. Where phrases start at the same word the longest wins.
/// The value is the canonical key.
///
/// ```swift
/// let devices = try SynonymExtractor(type: "device", values: ["router": ["wifi box", "modem"]])
/// devices.extract(from: "My WiFi box is dead", context: context).first?.value  // "router"
/// ```
public struct SynonymExtractor: MessageExtractor {
    public let type: String
    /// Phrases by their first normalised word, longest first.
    private let phrases: [String: [(words: [String], value: String)]]

    /// Fails when a key or synonym is empty (or only punctuation), or when one phrase stands for two keys.
    public init(type: String, values: [String: [String]]) throws(EntityDefinitionError) {
        var owners: [[String]: String] = [:]
        for key in values.keys.sorted() {
            guard let keyWords = Self.words(key) else {
                throw EntityDefinitionError(type: type, message: "empty value")
            }
            var phraseWords = [keyWords]
            for synonym in values[key] ?? [] {
                guard let words = Self.words(synonym) else {
                    throw EntityDefinitionError(type: type, message: "empty synonym for \"\(key)\"")
                }
                phraseWords.append(words)
            }
            for words in phraseWords {
                if let owner = owners[words], owner != key {
                    let phrase = words.joined(separator: " ")
                    throw EntityDefinitionError(
                        type: type, message: "\"\(phrase)\" stands for both \"\(owner)\" and \"\(key)\"")
                }
                owners[words] = key
            }
        }
        var phrases: [String: [(words: [String], value: String)]] = [:]
        for (words, value) in owners { phrases[words[0], default: []].append((words, value)) }
        self.type = type
        self.phrases = phrases.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }

    /// A phrase's normalised words, or `nil` when it has none.
    private static func words(_ phrase: String) -> [String]? {
        let words = TextNormalizer.normalize(phrase).words
        return words.isEmpty ? nil : words
    }

    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch] {
        let words = message.normalizedWords
        var matches: [EntityMatch] = []
        var index = 0
        while index < words.count {
            if let (value, end) = phrase(at: index, in: words) {
                let range = words[index].range.lowerBound..<words[end - 1].range.upperBound
                matches.append(message.match(type, value: value, bytes: range))
                index = end
            } else {
                index += 1
            }
        }
        return matches
    }

    /// The longest phrase starting at word `index`, if it covers whole words of the message.
    private func phrase(at index: Int, in words: [(word: String, range: Range<Int>)]) -> (String, Int)? {
        guard let candidates = phrases[words[index].word],
            index == 0 || words[index - 1].range != words[index].range
        else { return nil }
        for candidate in candidates {
            let end = index + candidate.words.count
            guard end <= words.count, end == words.count || words[end - 1].range != words[end].range else { continue }
            if zip(candidate.words, words[index..<end]).allSatisfy({ $0 == $1.word }) {
                return (candidate.value, end)
            }
        }
        return nil
    }

    /// The message's words normalised as ``TextNormalizer`` does, each with the range of the
    /// original word it comes from.
    ///
    /// The message is cut where the normaliser would cut it, and each piece normalised alone,
    /// so offsets survive folding that changes lengths ("ß" to "ss", full-width letters).
    static func words(of message: EntityMessage) -> [(word: String, range: Range<Int>)] {
        asciiWords(of: message.utf8) ?? scalarWords(of: message)
    }

    /// ``words(of:)`` by Unicode's properties of each scalar, for any text.
    static func scalarWords(of message: EntityMessage) -> [(word: String, range: Range<Int>)] {
        var words: [(word: String, range: Range<Int>)] = []
        var pieceStart: Int?
        var offset = 0

        func finishPiece(at end: Int) {
            guard let start = pieceStart else { return }
            for word in TextNormalizer.normalize(message.text(start..<end)).words {
                words.append((word, start..<end))
            }
            pieceStart = nil
        }

        while let (scalar, length) = message.scalar(at: offset) {
            if TextNormalizer.isUnspacedScript(scalar) {
                finishPiece(at: offset)
                pieceStart = offset
                finishPiece(at: offset + length)
            } else if isWordScalar(scalar) {
                if pieceStart == nil { pieceStart = offset }
            } else if isApostrophe(scalar), pieceStart != nil,
                let (next, _) = message.scalar(at: offset + length), isWordScalar(next)
            {
                // "don't" is one word to the normaliser.
            } else {
                finishPiece(at: offset)
            }
            offset += length
        }
        finishPiece(at: offset)
        return words
    }

    /// ``words(of:)`` of an ASCII message, read from its bytes without asking Unicode's
    /// properties or normalising each piece: a piece is a run of letters and digits (with an
    /// apostrophe between two of them), and its one word is its lower case without the
    /// apostrophes, as ``TextNormalizer`` leaves it. `nil` when the message is not ASCII.
    static func asciiWords(of utf8: [UInt8]) -> [(word: String, range: Range<Int>)]? {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isWordByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        var words: [(word: String, range: Range<Int>)] = []
        var word: [UInt8] = []
        var pieceStart: Int?
        for (offset, byte) in utf8.enumerated() {
            if isWordByte(byte) {
                if pieceStart == nil { pieceStart = offset }
                word.append(byte >= UInt8(ascii: "A") ? byte | 0x20 : byte)
            } else if byte == UInt8(ascii: "'"), pieceStart != nil, offset + 1 < utf8.count,
                isWordByte(utf8[offset + 1])
            {
                // "don't" is one word to the normaliser, without its apostrophe.
            } else if let start = pieceStart {
                words.append((String(decoding: word, as: UTF8.self), start..<offset))
                word.removeAll(keepingCapacity: true)
                pieceStart = nil
            }
        }
        if let start = pieceStart { words.append((String(decoding: word, as: UTF8.self), start..<utf8.count)) }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType == .decimal { return true }
        return properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }
}
