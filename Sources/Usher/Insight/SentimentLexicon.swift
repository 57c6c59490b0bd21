/// The words and phrases a ``SentimentAnalyzer`` reacts to, for one language, compiled for lookup
/// by first word.
///
/// A pattern is a space-separated list of words; a word in angle brackets (`<unit>`) stands for
/// any member of a class ("for <n> <unit>" matches "for two weeks" and "for 10 days"). A class
/// that contains `#` also accepts any number.
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
    /// How many words after a negator a cue may start and still be negated ("never really worked").
    static let negationReach = 3
    /// How many words after a modifier a cue may start and still be scaled ("very rude").
    static let modifierReach = 2

    private let entriesByFirstWord: [String: [Entry]]
    private let classes: [String: Set<String>]

    init(entries: [(pattern: String, effect: Effect)], classes: [String: Set<String>]) {
        var byFirstWord: [String: [Entry]] = [:]
        for (pattern, effect) in entries {
            let words = pattern.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            let keys = Self.isClass(first) ? Array(classes[first] ?? []) : [first]
            for key in keys { byFirstWord[key, default: []].append(Entry(pattern: words, effect: effect)) }
        }
        self.entriesByFirstWord = byFirstWord.mapValues { $0.sorted { $0.pattern.count > $1.pattern.count } }
        self.classes = classes
    }

    /// A lexicon that knows no words, for languages without one.
    static let empty = SentimentLexicon(entries: [], classes: [:])

    /// The longest entry that matches the words starting at `index`.
    func longestMatch(in words: [String], at index: Int) -> Entry? {
        let word = words[index]
        let candidates = (entriesByFirstWord[word] ?? []) + (Self.isNumber(word) ? entriesByFirstWord["#"] ?? [] : [])
        return candidates.filter { matches($0.pattern, words, at: index) }.max { $0.pattern.count < $1.pattern.count }
    }

    private func matches(_ pattern: [String], _ words: [String], at index: Int) -> Bool {
        guard index + pattern.count <= words.count else { return false }
        return zip(pattern, words[index...]).allSatisfy { part, word in
            guard Self.isClass(part) else { return part == word }
            let members = classes[part] ?? []
            return members.contains(word) || (members.contains("#") && Self.isNumber(word))
        }
    }

    private static func isClass(_ word: String) -> Bool { word.hasPrefix("<") && word.hasSuffix(">") }

    private static func isNumber(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
