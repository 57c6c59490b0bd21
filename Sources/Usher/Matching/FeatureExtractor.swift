/// Turns a normalised message into the sparse features the matcher scores: stemmed words, pairs
/// of neighbouring words, and character n-grams inside each word (which is what lets "ordr"
/// still meet "order"). Characters of unspaced scripts count as words, and neighbouring ones as
/// pairs.
///
/// Features are 64-bit hashes of their text; each remembers the token it came from so a match
/// can name the words that decided it.
struct FeatureExtractor: Sendable {
    /// The stemmer for the bot's language.
    var stemmer = Stemmer.Kind.english
    /// The lengths of the character n-grams taken inside each word. German and Russian get 3- and
    /// 4-grams: German compounds are long ("Rechnungsadresse"), Russian words carry long endings,
    /// and a 4-gram holds more of each part. On MASSIVE val they bought German +0.3 points and,
    /// with the Snowball stemmer, Russian +0.2; English lost a point with them, so it keeps
    /// 3-grams (see docs/matching.md).
    var characterGramLengths = 3...3
    /// Whether the message's first word is also a feature of its own ("the message starts with
    /// it"): Russian and German requests often open with the verb that names what is wanted
    /// ("удали …", "lösche …"). On MASSIVE val it bought Russian +0.6 and German +0.1 points,
    /// and cost English 0.3 and Chinese 0.8, so only those two languages have it.
    var marksFirstWord = false
    /// Whether a word whose stem starts with a verb prefix also gives its stem without it
    /// ("запости" → "пост" beside "запост"; ``Stemmer/russianPrefixless(_:)``): Russian makes a
    /// verb's perfective with a prefix (постить, запостить), so the two aspects meet. On MASSIVE
    /// val it bought Russian +0.3 points.
    var marksPrefixlessStem = false

    init(stemmer: Stemmer.Kind = .english) {
        self.stemmer = stemmer
    }

    /// The extractor for a bot in `language` (a BCP 47 tag).
    init(language: String) {
        stemmer = Stemmer.Kind(language: language)
        marksFirstWord = stemmer == .russian || stemmer == .german
        marksPrefixlessStem = stemmer == .russian
        if stemmer == .german || stemmer == .russian { characterGramLengths = 3...4 }
    }

    /// Which of the two blocks a feature belongs to; each block is weighted and normalised on its own.
    enum Block: UInt8 {
        case words = 0
        case characters = 1
    }

    struct RawFeature {
        var hash: UInt64
        var block: Block
        /// The token that produced it (the second one, for pairs).
        var token: Int32
    }

    func extract(_ text: NormalizedText) -> [RawFeature] {
        var features: [RawFeature] = []
        extract(text, into: &features)
        return features
    }

    /// Appends the features of `text` to `features`, whose storage a caller can reuse.
    func extract(_ text: NormalizedText, into features: inout [RawFeature]) {
        features.reserveCapacity(features.count + text.tokens.count * 10)
        var previous: (hash: UInt64, isCharacter: Bool)?
        var stemmed: [UInt8] = []
        for (index, token) in text.tokens.enumerated() {
            let position = Int32(index)
            let bytes = text.utf8[token.range]
            if token.kind == .character {
                let unit = Hasher64.hash(bytes)
                features.append(RawFeature(hash: Hasher64.tagged(unit, tag: 1), block: .words, token: position))
                if index == 0 && marksFirstWord {
                    features.append(RawFeature(hash: Self.firstWordHash(unit), block: .words, token: position))
                }
                if let previous, previous.isCharacter {
                    features.append(
                        RawFeature(hash: Hasher64.pair(previous.hash, unit), block: .words, token: position))
                }
                previous = (unit, true)
                continue
            }
            let (unit, prefixless) = wordHashes(token, bytes, &stemmed)
            features.append(RawFeature(hash: Hasher64.tagged(unit, tag: 1), block: .words, token: position))
            if index == 0 && marksFirstWord {
                features.append(RawFeature(hash: Self.firstWordHash(unit), block: .words, token: position))
            }
            if let previous, !previous.isCharacter {
                features.append(RawFeature(hash: Hasher64.pair(previous.hash, unit), block: .words, token: position))
            }
            if let prefixless {
                features.append(RawFeature(hash: prefixless, block: .words, token: position))
            }
            previous = (unit, false)
            if token.kind == .word { appendCharacterGrams(bytes, token: position, to: &features) }
        }
    }

    /// Numbers all become one word ("0"), so "2 weeks" and "3 weeks" read alike.
    func wordHash(_ token: Token, _ bytes: ArraySlice<UInt8>, _ buffer: inout [UInt8]) -> UInt64 {
        if token.kind == .number { return Self.numberHash }
        let (stem, appendY) = Stemmer.stem(bytes, kind: stemmer)
        guard appendY else { return Hasher64.hash(stem) }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: stem)
        buffer.append(UInt8(ascii: "y"))
        return Hasher64.hash(buffer[...])
    }

    /// The word's unit hash (as ``wordHash(_:_:_:)``) and, for languages that mark it, the feature
    /// of its stem without its verb prefix (`nil` for words without one), from one stemming.
    func wordHashes(
        _ token: Token, _ bytes: ArraySlice<UInt8>, _ buffer: inout [UInt8]
    ) -> (unit: UInt64, prefixless: UInt64?) {
        guard marksPrefixlessStem, token.kind == .word else { return (wordHash(token, bytes, &buffer), nil) }
        let (stem, appendY) = Stemmer.stem(bytes, kind: stemmer)
        // Latin words take the English rules, which may append a "y"; no prefix comes off them.
        if appendY { return (wordHash(token, bytes, &buffer), nil) }
        let prefixless = Stemmer.russianPrefixless(stem).map { Hasher64.tagged(Hasher64.hash($0), tag: 2) }
        return (Hasher64.hash(stem), prefixless)
    }

    /// The feature "the message starts with this word": a pair whose first half is no word.
    static func firstWordHash(_ unit: UInt64) -> UInt64 {
        Hasher64.pair(messageStartHash, unit)
    }

    private static let messageStartHash = Hasher64.tagged(Hasher64.hash([UInt8(ascii: "<")][...]), tag: 3)

    private static let numberHash = Hasher64.hash([UInt8(ascii: "0")][...])

    /// Character n-grams of `<word>` (the angle brackets mark the word's edges), by scalar.
    func appendCharacterGrams(_ bytes: ArraySlice<UInt8>, token: Int32, to features: inout [RawFeature]) {
        if characterGramLengths == 3...3, bytes.allSatisfy({ $0 < 0x80 }) {
            appendASCIITrigrams(bytes, token: token, to: &features)
            return
        }
        var starts: [Int] = [-1]  // -1 stands for "<"
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            starts.append(offset)
            offset += UTF8Width.ofLeadByte(bytes[offset])
        }
        starts.append(bytes.endIndex)  // stands for ">"
        let units = starts.count
        for length in characterGramLengths where units >= length {
            for first in 0...(units - length) {
                var hasher = Hasher64(tag: 2 + UInt8(length))
                for unit in first..<(first + length) {
                    let start = starts[unit]
                    if start == -1 {
                        hasher.combine(UInt8(ascii: "<"))
                    } else if start == bytes.endIndex {
                        hasher.combine(UInt8(ascii: ">"))
                    } else {
                        let end = starts[unit + 1]
                        for byte in bytes[start..<end] { hasher.combine(byte) }
                    }
                }
                features.append(RawFeature(hash: hasher.value, block: .characters, token: token))
            }
        }
    }
}

extension FeatureExtractor {
    /// The 3-grams of an ASCII word, where a character is a byte: the same hashes as the general
    /// path, without first finding where each character starts.
    fileprivate func appendASCIITrigrams(
        _ bytes: ArraySlice<UInt8>, token: Int32, to features: inout [RawFeature]
    ) {
        let start = bytes.startIndex
        let count = bytes.count
        // Unit i of "<word>": "<" at 0, the bytes, ">" at count + 1.
        func unit(_ index: Int) -> UInt8 {
            index == 0 ? UInt8(ascii: "<") : index == count + 1 ? UInt8(ascii: ">") : bytes[start + index - 1]
        }
        let base = Hasher64(tag: 5)
        for first in 0..<count {
            var hasher = base
            hasher.combine(unit(first))
            hasher.combine(unit(first + 1))
            hasher.combine(unit(first + 2))
            features.append(RawFeature(hash: hasher.value, block: .characters, token: token))
        }
    }
}

/// The byte length of a UTF-8 sequence from its first byte.
enum UTF8Width {
    static func ofLeadByte(_ byte: UInt8) -> Int {
        switch byte {
        case ..<0x80: 1
        case 0xF0...: 4
        case 0xE0...: 3
        default: 2
        }
    }
}

/// FNV-1a, 64 bits: fast, stable across runs and platforms (unlike `Hasher`), which keeps the
/// matcher deterministic.
struct Hasher64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init(tag: UInt8 = 0) {
        combine(tag)
    }

    mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hasher = Hasher64()
        for byte in bytes { hasher.combine(byte) }
        return hasher.value
    }

    /// A unigram feature from a unit hash; the tag keeps unigrams and pairs apart.
    static func tagged(_ unit: UInt64, tag: UInt8) -> UInt64 {
        mix(unit ^ (UInt64(tag) << 56))
    }

    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix(first &* 0x9E37_79B9_7F4A_7C15 ^ second)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}
