import Foundation
import Testing

@testable import Usher

/// Measures ``KeyPhrases`` and each language's stop words and fillers on
/// `evals/keyphrases-<tag>.jsonl`: customer messages written before a handoff, each line with the
/// phrases a human agent should see. In Russian, German and Chinese the first ``tunedLines`` lines
/// were written before the rules and lists were tuned, and they were tuned on them; the rest were
/// written after, and nothing was changed for them. No English rule was changed for the English
/// lines. docs/insight.md defines the metrics and reports the figures this prints.
extension KeyPhrasesLanguagesTests {
    static let tunedLines = 100
    /// How many phrases the handoff summary shows, and how many of them an agent reads first.
    static let shown = 6
    static let readFirst = 3

    struct Example: Decodable {
        var texts: [String]
        var phrases: [String]
    }

    struct Score: CustomStringConvertible {
        var lines = 0
        /// Phrases among the first ``readFirst`` extracted, and those that overlap an expected one.
        var top = 0
        var topHits = 0
        /// Expected phrases, and those overlapped by one of the ``shown`` extracted.
        var expected = 0
        var found = 0
        /// Words (Chinese: characters) of the expected phrases, and those the language's skipping
        /// drops from the phrase itself: on the skip list, or a Chinese character left alone
        /// between skips ("會" of "會員" is kept: the lexicon keeps the word whole).
        var neededWords = 0
        var droppedWords = 0
        /// Words (characters) of the first ``readFirst`` extracted phrases, and those in no
        /// expected phrase.
        var topWords = 0
        var noiseWords = 0

        var precision: Double { Double(topHits) / Double(max(top, 1)) }
        var recall: Double { Double(found) / Double(max(expected, 1)) }
        var kept: Double { 1 - Double(droppedWords) / Double(max(neededWords, 1)) }
        var noise: Double { Double(noiseWords) / Double(max(topWords, 1)) }

        var description: String {
            "precision@\(readFirst) \(topHits)/\(top) = \(percent(precision)), "
                + "recall@\(shown) \(found)/\(expected) = \(percent(recall)), "
                + "needed words kept \(neededWords - droppedWords)/\(neededWords) = \(percent(kept)), "
                + "noise words \(noiseWords)/\(topWords) = \(percent(noise))"
        }

        private func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }
    }

    static func examples(language: String) throws -> [Example] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("evals/keyphrases-\(language).jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Example.self, from: Data($0.utf8)) }
    }

    /// The units two phrases are compared by: stems of the words (digits and one-letter words
    /// left out), or for Chinese the pairs of neighbouring characters (a Latin word such as "app"
    /// is one), so "заказ" matches "заказа не пришёл" and "耳機" matches "藍牙耳機", but "藍牙"
    /// does not match "牙刷".
    static func units(of phrase: String, language: String) -> Set<String> {
        let words = TextNormalizer.normalize(phrase).words
        if language.hasPrefix("zh") {
            guard words.count > 1 else { return Set(words) }
            return Set((0..<(words.count - 1)).map { words[$0] + words[$0 + 1] })
        }
        let kind = Stemmer.Kind(language: language)
        return Set(
            words.filter { $0.count > 1 && !$0.contains(where: \.isNumber) }.map { word in
                let (stem, appendY) = Stemmer.stem(Array(word.utf8)[...], kind: kind)
                return String(decoding: stem, as: UTF8.self) + (appendY ? "y" : "")
            })
    }

    /// The words (Chinese: characters) the skip list is checked against.
    static func words(of phrase: String, language: String) -> [String] {
        TextNormalizer.normalize(phrase).words
    }

    @Test(arguments: ["en", "ru", "de", "zh-TW"])
    func eachLanguageHasASetBigEnough(language: String) throws {
        let examples = try Self.examples(language: language)
        #expect(examples.count >= 150)
        #expect(examples.count - Self.tunedLines >= examples.count / 3, "a third is held out")
        #expect(examples.allSatisfy { !$0.texts.isEmpty && $0.texts.count <= 3 && !$0.phrases.isEmpty })
    }

    /// Fails below the precision floor and 0.9 recall on the tuned part, the held-out floor and
    /// 0.85 recall on the held-out part, or when the skip lists drop more than a tenth of the
    /// words the agent needs. English is there for comparison: its lists were not tuned on its
    /// lines, which read as the Russian and German ones, so its floors are lower.
    @Test(arguments: [("en", 0.7, 0.65), ("ru", 0.8, 0.7), ("de", 0.8, 0.7), ("zh-TW", 0.8, 0.7)])
    func eachLanguageShowsTheAgentWhatMatters(language: String, tunedFloor: Double, heldOutFloor: Double) throws {
        var scores = [Score(), Score()]
        var misses: [String] = []
        var dropped: [String: Int] = [:]
        var noise: [String: Int] = [:]
        for (index, example) in try Self.examples(language: language).enumerated() {
            let part = index < Self.tunedLines ? 0 : 1
            let extracted = KeyPhrases.extract(from: example.texts, limit: Self.shown, language: language)
            let expected = example.phrases.map { Self.units(of: $0, language: language) }
            let extractedUnits = extracted.map { Self.units(of: $0, language: language) }
            let expectedUnits = expected.reduce(into: Set<String>()) { $0.formUnion($1) }
            var score = scores[part]
            score.lines += 1
            let topHits = extractedUnits.prefix(Self.readFirst).filter { !$0.isDisjoint(with: expectedUnits) }.count
            score.top += min(extracted.count, Self.readFirst)
            score.topHits += topHits
            let found = expected.filter { units in extractedUnits.contains { !$0.isDisjoint(with: units) } }.count
            score.expected += expected.count
            score.found += found
            for phrase in example.phrases {
                let kept = Set(
                    KeyPhrases.extract(from: [phrase], limit: 20, language: language).flatMap {
                        Self.words(of: $0, language: language)
                    })
                for word in Self.words(of: phrase, language: language) where word.count > 1 || language.hasPrefix("zh")
                {
                    score.neededWords += 1
                    guard !kept.contains(word) else { continue }
                    score.droppedWords += 1
                    dropped[word, default: 0] += 1
                }
            }
            let expectedWords = Set(example.phrases.flatMap { Self.words(of: $0, language: language) })
            for phrase in extracted.prefix(Self.readFirst) {
                for word in Self.words(of: phrase, language: language) {
                    score.topWords += 1
                    let isNeeded =
                        language.hasPrefix("zh")
                        ? expectedWords.contains(word)
                        : !Self.units(of: word, language: language).isDisjoint(with: expectedUnits)
                    if !isNeeded {
                        score.noiseWords += 1
                        noise[word, default: 0] += 1
                    }
                }
            }
            scores[part] = score
            if topHits < min(extracted.count, Self.readFirst) || found < expected.count {
                misses.append(
                    "\(part == 0 ? "tuned" : "held-out") #\(index + 1) expected \(example.phrases) got \(extracted)")
            }
        }
        func common(_ counts: [String: Int]) -> String {
            counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(40).map { "\($0.key) \($0.value)" }
                .joined(separator: ", ")
        }
        print(
            "keyphrases-\(language).jsonl: tuned \(scores[0]); held out \(scores[1])\n"
                + "needed words dropped: \(common(dropped))\nnoise words: \(common(noise))\n"
                + misses.joined(separator: "\n"))
        #expect(scores[0].precision >= tunedFloor, "tuned \(scores[0])")
        #expect(scores[0].recall >= 0.9, "tuned \(scores[0])")
        #expect(scores[1].precision >= heldOutFloor, "held out \(scores[1])")
        #expect(scores[1].recall >= 0.85, "held out \(scores[1])")
        #expect(scores.allSatisfy { $0.kept >= 0.9 }, "\(scores)")
    }
}
