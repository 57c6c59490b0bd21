import Testing

@testable import Usher

/// The byte-level helpers sentiment reads every served message with, and the lexicon's
/// precompiled patterns: each must agree with the plain reading it replaced.
@Suite("Sentiment by bytes")
struct SentimentBytesTests {
    @Test func surveysPunctuationAndSymbolsInOnePass() {
        let plain = "where is my card".withUTF8Bytes(Emphasis.survey)
        #expect(plain.isASCII && !plain.repeatedPunctuation && !plain.mayHaveSymbols)
        let loud = "WHY?! now: please".withUTF8Bytes(Emphasis.survey)
        #expect(loud.isASCII && loud.repeatedPunctuation && loud.mayHaveSymbols)
        let single = "why? now! ok".withUTF8Bytes(Emphasis.survey)
        #expect(!single.repeatedPunctuation)
        let accented = "café".withUTF8Bytes(Emphasis.survey)
        #expect(!accented.isASCII && accented.mayHaveSymbols)
    }

    @Test(arguments: [
        "I am VERY ANGRY about ORDER 12AB, don't IGNORE me", "WHY", "A B CD", "ok", "PIN2 PIN X9Y HELLO-WORLD",
        "ATM's CARD", "",
    ])
    func capitalisedWordsMatchTheNormalisedReading(text: String) {
        let read = text.withUTF8Bytes(Emphasis.capitalisedASCIIWords)
        // The reading by scalars (used for non-ASCII text), which normalises each word.
        var expected: Set<String> = []
        var longest = 0
        for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        where word.count >= 2 && word.allSatisfy({ $0.isUppercase }) {
            expected.insert(TextNormalizer.normalize(String(word)).words.joined(separator: " "))
            longest = max(longest, word.count)
        }
        #expect(read.words == expected)
        #expect(read.longest == longest)
    }

    @Test func findsEmoticonsOnlyWhereTheyAre() {
        #expect(Emphasis("Thanks :-) but :(").symbolCues.map(\.text) == [":-)", ":("])
        #expect(Emphasis("great 😊👍").symbolCues.map(\.text) == ["😊", "👍"])
        #expect(Emphasis("time: 10:30").symbolCues.isEmpty)
        #expect(Emphasis("love it ❤️").symbolCues.map(\.text) == ["❤️"])
    }

    @Test func classifiesPatternWordsOnce() {
        let classes: [String: Set<String>] = ["<unit>": ["days", "weeks"], "<n>": ["two", "#"]]
        #expect(SentimentLexicon.part("late", classes: classes) == .word("late"))
        #expect(SentimentLexicon.part("ужасн*", classes: classes) == .stem("ужасн"))
        #expect(SentimentLexicon.part("*", classes: classes) == .word("*"))
        #expect(SentimentLexicon.part("<unit>", classes: classes) == .member(of: ["days", "weeks"], numbers: false))
        #expect(SentimentLexicon.part("<n>", classes: classes) == .member(of: ["two", "#"], numbers: true))
        #expect(SentimentLexicon.part("<none>", classes: classes) == .member(of: [], numbers: false))
    }

    @Test func takesTheLongestMatchAndTheFirstOfEqualOnes() {
        let lexicon = SentimentLexicon(
            entries: [
                ("waited", .outcome(0)), ("waited for <n> <unit>", .cue(-1.5)), ("waited for ages", .cue(-1.2)),
                ("waited for <n> days", .cue(-9)), ("terribl*", .cue(-1.5)), ("terrib*", .cue(-0.5)),
            ],
            classes: ["<unit>": ["days", "weeks"], "<n>": ["two", "#"]])
        let words = { (text: String) in text.split(separator: " ").map(String.init) }
        #expect(lexicon.longestMatch(in: words("i waited for two weeks"), at: 1)?.effect == .cue(-1.5))
        #expect(lexicon.longestMatch(in: words("i waited for 10 days"), at: 1)?.effect == .cue(-1.5))
        #expect(lexicon.longestMatch(in: words("i waited for ages"), at: 1)?.effect == .cue(-1.2))
        #expect(lexicon.longestMatch(in: words("i waited for you"), at: 1)?.effect == .outcome(0))
        #expect(lexicon.longestMatch(in: words("i waited"), at: 0) == nil)
        #expect(lexicon.longestMatch(in: words("so terribly slow"), at: 1)?.effect == .cue(-1.5))
        #expect(lexicon.longestMatch(in: words("so terrible"), at: 1)?.effect == .cue(-1.5))
        #expect(lexicon.longestMatch(in: words("so terrific"), at: 1) == nil)
    }

    /// First words are filtered by their bytes' hash when all are ASCII, and looked up directly
    /// when one is not: both must find every entry, and nothing for other words.
    @Test func findsFirstWordsWithAndWithoutTheFilter() {
        for extra in ["fine", "плохо"] {
            let lexicon = SentimentLexicon(
                entries: [("good", .cue(1)), ("not good", .cue(-1)), ("late", .cue(-0.5)), (extra, .cue(0.2))],
                classes: [:])
            let words = ["it", "is", "not", "good", "and", "late", extra, "goods", "lat", "плох", "12"]
            let found = words.indices.map { lexicon.longestMatch(in: words, at: $0)?.effect }
            #expect(found == [nil, nil, .cue(-1), .cue(1), nil, .cue(-0.5), .cue(0.2), nil, nil, nil, nil])
        }
    }
}
