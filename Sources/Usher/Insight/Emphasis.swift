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
        let longestCapitalised = text.utf8.allSatisfy { $0 < 0x80 } ? readASCIIWords(text) : readWords(text)
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

    /// What ``readWords(_:)`` does, for ASCII text on its bytes: letters and digits make words,
    /// capitals are A to Z. Returns the longest capitalised word's length.
    private mutating func readASCIIWords(_ text: String) -> Int {
        var longestCapitalised = 0
        var start: String.Index?
        var length = 0
        var capitals = true
        func finishWord(at end: String.Index) {
            if let start, length >= 2 && capitals {
                capitalisedWords.insert(
                    TextNormalizer.normalize(String(text[start..<end])).words.joined(separator: " "))
                longestCapitalised = max(longestCapitalised, length)
            }
            start = nil
            length = 0
            capitals = true
        }
        var index = text.utf8.startIndex
        while index != text.utf8.endIndex {
            let byte = text.utf8[index]
            let upper = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            if upper || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            {
                if start == nil { start = index }
                length += 1
                capitals = capitals && upper
            } else {
                finishWord(at: index)
            }
            index = text.utf8.index(after: index)
        }
        finishWord(at: text.utf8.endIndex)
        return longestCapitalised
    }

    /// Reads the capitalised words by scalar (not by `Character`: this runs on every customer
    /// message). Returns the longest one's length.
    private mutating func readWords(_ text: String) -> Int {
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
        return longestCapitalised
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
