/// What a message says through its form rather than its words: capitals, "!!!" and "???", and
/// emoticons.
///
/// These cues work in any language, which is why they are read from the raw text.
struct Emphasis {
    /// Capitalised words of two letters or more, lower-cased.
    private(set) var capitalisedWords: Set<String> = []
    /// Whether the customer is writing in capitals, not just naming an acronym or two.
    private(set) var isShouting = false
    /// Whether the message has a run of two or more "!" or "?".
    private(set) var hasRepeatedPunctuation = false
    /// Emoticons and emoji found, in text order.
    private(set) var symbolCues: [SentimentCue] = []

    static let shoutingWeight = -0.8
    static let punctuationWeight = -0.5
    static let negativeFactor = 1.5
    static let punctuationFactor = 1.3

    private static let symbols: [(String, Double)] = [
        (":)", 0.8), (":-)", 0.8), (":D", 1.0), ("🙂", 0.8), ("😊", 1.0), ("😀", 1.0), ("👍", 0.8), ("❤️", 1.0),
        ("🙏", 0.8), (":(", -0.8), (":-(", -0.8), ("🙁", -0.8), ("😞", -1.0), ("😠", -1.5), ("😡", -1.5),
        ("🤬", -2.0), ("👎", -1.0),
    ]

    init(_ text: String) {
        // Scalars, not Characters: this runs on every customer message.
        var longestCapitalised = 0
        var word = String.UnicodeScalarView()
        var wordIsCapitals = true
        func finishWord() {
            if word.count >= 2 && wordIsCapitals {
                capitalisedWords.insert(TextNormalizer.normalize(String(word)).words.joined(separator: " "))
                longestCapitalised = max(longestCapitalised, word.count)
            }
            word.removeAll()
            wordIsCapitals = true
        }
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                word.append(scalar)
                wordIsCapitals = wordIsCapitals && properties.isAlphabetic && properties.isUppercase
            } else if properties.generalCategory != .nonspacingMark {
                finishWord()
            }
        }
        finishWord()
        isShouting = capitalisedWords.count >= 2 && longestCapitalised >= 4
        var run = 0
        for byte in text.utf8 {
            run = byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") ? run + 1 : 0
            if run >= 2 { hasRepeatedPunctuation = true }
        }
        // Every emoticon has a ':' or a non-ASCII scalar; most messages have neither.
        if text.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 >= 0x80 }) {
            symbolCues = Self.symbols.filter { text.contains($0.0) }.map { SentimentCue(text: $0.0, weight: $0.1) }
        }
    }

    /// The cues with shouting and repeated punctuation applied: both strengthen the negative
    /// cues and add one of their own, except that "!!!" after mostly positive cues strengthens
    /// those instead ("Thanks!!!").
    func apply(to cues: [SentimentCue]) -> [SentimentCue] {
        var cues = cues
        if isShouting {
            cues = cues.map { $0.weight < 0 ? $0.scaled(by: Self.negativeFactor) : $0 }
            cues.append(SentimentCue(text: "shouting", weight: Self.shoutingWeight))
        }
        guard hasRepeatedPunctuation else { return cues }
        let positive = cues.filter { $0.weight > 0 }.reduce(0) { $0 + $1.weight }
        let negative = cues.filter { $0.weight < 0 }.reduce(0) { $0 - $1.weight }
        if positive > negative {
            return cues.map { $0.weight > 0 ? $0.scaled(by: Self.punctuationFactor) : $0 } + [
                SentimentCue(text: "!!!", weight: 0)
            ]
        }
        return cues.map { $0.weight < 0 ? $0.scaled(by: Self.punctuationFactor) : $0 } + [
            SentimentCue(text: "!!!", weight: Self.punctuationWeight)
        ]
    }
}
