/// Rule-based sentiment for customer messages: how upset or pleased the customer is, and why.
///
/// Use it to flag a conversation for a human before the customer asks for one, and to tell the
/// agent what the customer is upset about. Each clause is scanned against a lexicon: words and
/// phrases weigh from -2 ("unacceptable", "waste of time") to +1.6 ("excellent"); a negator
/// reaches three words ahead and turns a cue around at 0.6 of its weight ("not happy"), or an
/// expected outcome into a failure ("never arrived"); intensifiers scale the next cue by 1.5 and
/// diminishers by 0.5; words in capitals count 1.5 times. Shouting (two capitalised words, one of
/// at least four letters) and runs of "!!" or "??" add a cue of their own and scale the negative
/// cues. The weights are summed to `x` and squashed into [-1, 1] with `x / (1 + |x|)`, so one
/// strong cue gives about -0.67 and more cues approach -1 without reaching it.
///
/// English, Russian, German and Chinese have lexicons (each ``Language`` holds its own). Any
/// other language scores on shouting, repeated punctuation and emoticons alone, so it never
/// reads a word as feeling in the wrong language.
///
/// ```swift
/// let sentiment = SentimentAnalyzer().analyze("This is the third time I ask. Still NOTHING!!!")
/// sentiment.isNegative  // true
/// sentiment.cues        // ["third time", "still nothing", "!!!"]
/// ```
public struct SentimentAnalyzer: Sendable {
    private let lexicon: SentimentLexicon

    /// - Parameter language: a BCP 47 tag; `en`, `ru`, `de`, `zh` and their regional variants
    ///   use their language's lexicon, any other language none.
    public init(language: String = "en") {
        lexicon = Language.named(language)?.sentiment ?? .empty
    }

    public func analyze(_ text: String) -> Sentiment {
        let emphasis = Emphasis(text)
        let scanner = SentimentScanner(lexicon: lexicon, shouted: emphasis.capitalisedWords)
        let cues = Clauses.split(text).flatMap { scanner.cues(in: TextNormalizer.normalize(String($0)).words) }
        let weighed = emphasis.apply(to: cues + emphasis.symbolCues)
        guard !weighed.isEmpty else { return .neutral }
        return Sentiment(score: Self.squash(weighed.reduce(0) { $0 + $1.weight }), cues: weighed.map(\.text))
    }

    /// Maps any sum of weights into (-1, 1), keeping its sign and order.
    static func squash(_ x: Double) -> Double {
        x / (1 + abs(x))
    }
}
