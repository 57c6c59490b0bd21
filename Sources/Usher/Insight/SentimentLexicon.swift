/// The words and phrases a ``SentimentAnalyzer`` reacts to, for one language, compiled for lookup
/// by first word.
///
/// A pattern is a space-separated list of words; a word in angle brackets (`<unit>`) stands for
/// any member of a class ("for <n> <unit>" matches "for two weeks" and "for 10 days"). A class
/// that contains `#` also accepts any number. A word ending in `*` is a stem and matches every
/// word that starts with it, for languages that inflect: Russian "ужасн*" is "ужасно",
/// "ужасный", "ужасная"; German "enttäusch*" is "enttäuscht" and "Enttäuschung".
struct SentimentLexicon: Sendable {
    /// What a matched word or phrase does to the score.
    enum Effect: Sendable, Equatable {
        /// Carries feeling by itself: negative for "unacceptable", positive for "thanks".
        case cue(Double)
        /// Something the customer expects to happen ("arrived", "works"): worth its weight as it
        /// stands (often 0), and a failure, ``SentimentLexicon/failureWeight``, when negated.
        case outcome(Double)
        /// Negates the next cue within ``SentimentLexicon/negationReach`` words; may carry a
        /// weight of its own ("nobody", "still not").
        case negator(Double)
        /// Scales the next cue: intensifiers ("very") above 1, diminishers ("a bit") below.
        case modifier(Double)
        /// Scales the cue before it ("not bad at all", "thanks so much").
        case strengthensPrevious(Double)
        /// Ends negation and pending modifiers ("but").
        case contrast
    }

    struct Entry: Sendable {
        var pattern: [String]
        var effect: Effect
        /// The pattern's words, each classified once when the lexicon is built: matching one
        /// against a message word is then a comparison or a set look-up. Classifying them on
        /// every look-up (a `Character` count and two affix tests a word) was most of the cost
        /// of scoring a served message's sentiment.
        var parts: [Part]
    }

    /// One word of a pattern, as ``SentimentLexicon/matches(_:_:at:)`` reads it.
    enum Part: Sendable, Equatable {
        /// A word the message's word must equal.
        case word(String)
        /// A stem (`ужасн*`), without its `*`: the message's word must start with it.
        case stem(String)
        /// A class (`<unit>`): the message's word must be one of its members, or a number when
        /// the class holds `#`.
        case member(of: Set<String>, numbers: Bool)
    }

    /// The weight of a negated outcome: "doesn't work", "never arrived", "nobody answered".
    static let failureWeight = -1.0
    /// How a negated cue changes: "not happy" is milder than "unhappy", "not bad" milder than "good".
    static let negationFactor = -0.6
    /// How many words after a negator a cue may start and still be negated ("never really worked");
    /// Chinese counts characters, so reaches further.
    let negationReach: Int
    /// How many words before a negator an outcome may end and still be negated by it, when no cue
    /// follows the negator: German puts "nicht" after the verb ("funktioniert seit gestern
    /// nicht"). 0 for languages that negate forwards only.
    let backwardNegationReach: Int
    /// How many words after a modifier a cue may start and still be scaled ("very rude").
    static let modifierReach = 2

    private let entriesByFirstWord: [String: [Entry]]
    /// Entries whose first word is a stem, by the stem without its `*`.
    private let entriesByFirstStem: [String: [Entry]]
    /// The lengths (in characters) of the stems above, longest first: a longer stem is the more specific.
    private let stemLengths: [Int]
    private let classes: [String: Set<String>]
    /// A 4,096-bit filter of the first words' byte hashes, when every first word is ASCII: most
    /// words of a message start no entry, and the filter says so for nearly all of them without
    /// hashing the word into the dictionary. An ASCII word equals a key only when their bytes do,
    /// so a word whose bit is clear has no entries. `nil` (always ask the dictionary) when a key
    /// is not ASCII, where Swift's string equality is more than byte equality.
    private let firstWordFilter: [UInt64]?

    /// - Parameter normalizing: whether patterns are written as customers write (with "ё", "ß",
    ///   umlauts, capitals, Chinese without spaces) and must be put through ``TextNormalizer``
    ///   like the messages they are matched against. English patterns are written normalised.
    init(
        entries: [(pattern: String, effect: Effect)], classes: [String: Set<String>], normalizing: Bool = false,
        negationReach: Int = 3, backwardNegationReach: Int = 0
    ) {
        let classes =
            normalizing
            ? classes.mapValues { Set($0.flatMap { $0 == "#" ? [$0] : TextNormalizer.normalize($0).words }) } : classes
        var byFirstWord: [String: [Entry]] = [:]
        var byFirstStem: [String: [Entry]] = [:]
        for (pattern, effect) in entries {
            let words = pattern.split(separator: " ").flatMap { Self.words(of: $0, normalizing: normalizing) }
            guard let first = words.first else { continue }
            let entry = Entry(
                pattern: words, effect: effect, parts: words.map { Self.part($0, classes: classes) })
            if Self.isStem(first) {
                byFirstStem[String(first.dropLast()), default: []].append(entry)
                continue
            }
            let keys = Self.isClass(first) ? Array(classes[first] ?? []) : [first]
            for key in keys { byFirstWord[key, default: []].append(entry) }
        }
        self.entriesByFirstWord = byFirstWord.mapValues { $0.sorted { $0.pattern.count > $1.pattern.count } }
        self.entriesByFirstStem = byFirstStem
        if byFirstWord.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            var filter = [UInt64](repeating: 0, count: 64)
            for key in byFirstWord.keys {
                let bit = key.withUTF8Bytes { Self.filterBit(Self.byteHash($0)) }
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            firstWordFilter = filter
        } else {
            firstWordFilter = nil
        }
        self.stemLengths = Set(byFirstStem.keys.map(\.count)).sorted(by: >)
        self.classes = classes
        self.negationReach = negationReach
        self.backwardNegationReach = backwardNegationReach
    }

    /// A lexicon that knows no words, for languages without one.
    static let empty = SentimentLexicon(entries: [], classes: [:])

    /// The longest entry that matches the words starting at `index`; between entries of equal
    /// length, the first in the order: entries of the word itself (longest first), of `#` for a
    /// number, then of the word's stems, longest stem first.
    ///
    /// This runs for every word of every served message, so it builds no list of candidates:
    /// each group is read where it is stored, and an entry no longer than the best so far is not
    /// even tried (it could not replace it).
    func longestMatch(in words: [String], at index: Int) -> Entry? {
        let word = words[index]
        var best: Entry?
        func consider(_ entries: [Entry]) {
            for entry in entries where entry.parts.count > (best?.parts.count ?? 0) {
                if matches(entry.parts, words, at: index) { best = entry }
            }
        }
        let (isASCII, isNumber, hash) = word.withUTF8Bytes(Self.survey)
        var mayStartEntries = true
        if let filter = firstWordFilter, isASCII {
            let bit = Self.filterBit(hash)
            mayStartEntries = filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
        if mayStartEntries, let entries = entriesByFirstWord[word] { consider(entries) }
        if isNumber, let entries = entriesByFirstWord["#"] { consider(entries) }
        if !stemLengths.isEmpty {
            let length = word.count
            for stemLength in stemLengths where stemLength <= length {
                if let entries = entriesByFirstStem[String(word.prefix(stemLength))] { consider(entries) }
            }
        }
        return best
    }

    /// One pass over a word's bytes: whether it is ASCII, whether it is a number (as
    /// ``isNumber(_:)`` says), and its ``byteHash(_:)``.
    private static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> (isASCII: Bool, isNumber: Bool, hash: UInt64) {
        var isASCII = true
        var isNumber = !bytes.isEmpty
        for byte in bytes {
            if byte >= 0x80 { isASCII = false }
            if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") { isNumber = false }
        }
        return (isASCII, isNumber, byteHash(bytes))
    }

    /// FNV-1a over the bytes.
    static func byteHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The filter bit of a hash: its top 12 bits, the best mixed of FNV-1a's.
    private static func filterBit(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 52) }

    private func matches(_ parts: [Part], _ words: [String], at index: Int) -> Bool {
        guard index + parts.count <= words.count else { return false }
        var position = index
        for part in parts {
            let word = words[position]
            position += 1
            switch part {
            case .word(let expected): if expected != word { return false }
            case .stem(let stem): if !word.hasPrefix(stem) { return false }
            case .member(let members, let numbers):
                if !members.contains(word) && !(numbers && Self.isNumber(word)) { return false }
            }
        }
        return true
    }

    /// How ``matches(_:_:at:)`` reads one word of a pattern: a stem ends in `*`, a class is in
    /// angle brackets (an unknown class has no members), anything else is a word.
    static func part(_ word: String, classes: [String: Set<String>]) -> Part {
        if isStem(word) { return .stem(String(word.dropLast())) }
        guard isClass(word) else { return .word(word) }
        let members = classes[word] ?? []
        return .member(of: members, numbers: members.contains("#"))
    }

    /// A pattern part as messages are normalised: a class as it is, a stem normalised with its `*` kept.
    private static func words(of part: Substring, normalizing: Bool) -> [String] {
        guard normalizing, !isClass(part) else { return [String(part)] }
        let stem = isStem(part)
        var words = TextNormalizer.normalize(String(stem ? part.dropLast() : part)).words
        if stem, !words.isEmpty { words[words.count - 1] += "*" }
        return words
    }

    private static func isStem(_ word: some StringProtocol) -> Bool { word.count > 1 && word.hasSuffix("*") }

    private static func isClass(_ word: some StringProtocol) -> Bool { word.hasPrefix("<") && word.hasSuffix(">") }

    private static func isNumber(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
