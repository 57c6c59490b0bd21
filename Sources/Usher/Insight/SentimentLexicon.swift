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
            let entry = Entry(pattern: words, effect: effect)
            if Self.isStem(first) {
                byFirstStem[String(first.dropLast()), default: []].append(entry)
                continue
            }
            let keys = Self.isClass(first) ? Array(classes[first] ?? []) : [first]
            for key in keys { byFirstWord[key, default: []].append(entry) }
        }
        self.entriesByFirstWord = byFirstWord.mapValues { $0.sorted { $0.pattern.count > $1.pattern.count } }
        self.entriesByFirstStem = byFirstStem
        self.stemLengths = Set(byFirstStem.keys.map(\.count)).sorted(by: >)
        self.classes = classes
        self.negationReach = negationReach
        self.backwardNegationReach = backwardNegationReach
    }

    /// A lexicon that knows no words, for languages without one.
    static let empty = SentimentLexicon(entries: [], classes: [:])

    /// The longest entry that matches the words starting at `index`.
    func longestMatch(in words: [String], at index: Int) -> Entry? {
        let word = words[index]
        var candidates = (entriesByFirstWord[word] ?? []) + (Self.isNumber(word) ? entriesByFirstWord["#"] ?? [] : [])
        if !stemLengths.isEmpty {
            let length = word.count
            for stemLength in stemLengths where stemLength <= length {
                candidates += entriesByFirstStem[String(word.prefix(stemLength))] ?? []
            }
        }
        return candidates.filter { matches($0.pattern, words, at: index) }.max { $0.pattern.count < $1.pattern.count }
    }

    private func matches(_ pattern: [String], _ words: [String], at index: Int) -> Bool {
        guard index + pattern.count <= words.count else { return false }
        return zip(pattern, words[index...]).allSatisfy { part, word in
            if Self.isStem(part) { return word.hasPrefix(part.dropLast()) }
            guard Self.isClass(part) else { return part == word }
            let members = classes[part] ?? []
            return members.contains(word) || (members.contains("#") && Self.isNumber(word))
        }
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
