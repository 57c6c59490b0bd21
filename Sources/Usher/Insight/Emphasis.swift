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
        let survey = text.withUTF8Bytes(Self.survey)
        let longestCapitalised: Int
        if survey.isASCII {
            let read = text.withUTF8Bytes(Self.capitalisedASCIIWords)
            capitalisedWords = read.words
            longestCapitalised = read.longest
        } else {
            longestCapitalised = readWords(text)
        }
        isShouting = capitalisedWords.count >= 2 && longestCapitalised >= 4
        hasRepeatedPunctuation = survey.repeatedPunctuation
        // Every emoticon has a ':' or a non-ASCII scalar; most messages have neither. A symbol
        // whose bytes are not in the text cannot be found by `contains` either (none of them
        // has another form that is canonically equivalent), so Foundation's search, thousands
        // of instructions a call, only runs for the symbols whose bytes are there.
        if survey.mayHaveSymbols {
            symbolCues = Self.symbols.filter { symbol in
                text.withUTF8Bytes { $0.containsBytes(symbol.0.utf8) } && text.contains(symbol.0)
            }.map { SentimentCue(text: $0.0, weight: $0.1) }
        }
    }

    /// One pass over the bytes: whether they are all ASCII, whether "!" and "?" run two or more
    /// in a row, and whether an emoticon is possible (a ':' or a non-ASCII byte).
    static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> (
        isASCII: Bool, repeatedPunctuation: Bool, mayHaveSymbols: Bool
    ) {
        var isASCII = true
        var repeated = false
        var colon = false
        var run = 0
        for byte in bytes {
            if byte >= 0x80 { isASCII = false }
            if byte == UInt8(ascii: ":") { colon = true }
            run = byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") ? run + 1 : 0
            if run >= 2 { repeated = true }
        }
        return (isASCII, repeated, colon || !isASCII)
    }

    /// What ``readWords(_:)`` does, for ASCII text on its bytes: letters and digits make words,
    /// capitals are A to Z. A capitalised word is A to Z only, so its normalised form (what
    /// ``readWords(_:)`` keeps) is simply its lower case. Returns the words and the longest
    /// one's length.
    static func capitalisedASCIIWords(_ bytes: UnsafeBufferPointer<UInt8>) -> (words: Set<String>, longest: Int) {
        var words: Set<String> = []
        var longest = 0
        var start = -1
        var capitals = true
        func finishWord(at end: Int) {
            if start >= 0, end - start >= 2 && capitals {
                words.insert(String(decoding: bytes[start..<end].lazy.map { $0 | 0x20 }, as: UTF8.self))
                longest = max(longest, end - start)
            }
            start = -1
            capitals = true
        }
        for index in bytes.indices {
            let byte = bytes[index]
            let upper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            if upper || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            {
                if start < 0 { start = index }
                capitals = capitals && upper
            } else {
                finishWord(at: index)
            }
        }
        finishWord(at: bytes.count)
        return (words, longest)
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
