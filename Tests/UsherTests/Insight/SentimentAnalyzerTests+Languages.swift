import Foundation
import Testing

@testable import Usher

/// Measures ``SentimentAnalyzer`` in Russian, German and Chinese on `evals/sentiment-<tag>.jsonl`.
/// Each file's first ``tunedLines`` lines were written before the lexicon was tuned and the
/// lexicon was tuned on them; the rest were written after, and the lexicon was never changed for
/// them. docs/insight.md reports the figures this prints.
extension SentimentAnalyzerTests {
    static let tunedLines = 100

    struct Score: CustomStringConvertible {
        var lines = 0
        var binaryRight = 0
        var threeClassRight = 0

        var binary: Double { Double(binaryRight) / Double(max(lines, 1)) }
        var threeClass: Double { Double(threeClassRight) / Double(max(lines, 1)) }
        var description: String {
            "negative-vs-not \(binaryRight)/\(lines), 3-class \(threeClassRight)/\(lines)"
        }
    }

    static func examples(language: String) throws -> [Example] {
        let url = file.deletingLastPathComponent().appendingPathComponent("sentiment-\(language).jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Example.self, from: Data($0.utf8)) }
    }

    @Test(arguments: ["ru", "de", "zh-TW"])
    func eachLanguageHasASetBigAndBalancedEnough(language: String) throws {
        let examples = try Self.examples(language: language)
        let counts = Dictionary(grouping: examples, by: \.label).mapValues(\.count)
        #expect(examples.count >= 150)
        #expect(examples.count - Self.tunedLines >= examples.count / 3, "a third is held out")
        #expect(Set(counts.keys) == ["negative", "neutral", "positive"])
        #expect(counts.values.allSatisfy { $0 >= 35 })
    }

    @Test(arguments: ["ru", "de", "zh-TW"])
    func eachLanguageReadsItsCustomers(language: String) throws {
        let analyzer = SentimentAnalyzer(language: language)
        var tuned = Score()
        var heldOut = Score()
        var misses: [String] = []
        for (index, example) in try Self.examples(language: language).enumerated() {
            let sentiment = analyzer.analyze(example.text)
            let predicted = Self.predictedLabel(sentiment)
            let binaryRight = sentiment.isNegative == (example.label == "negative")
            let threeClassRight = predicted == example.label
            if index < Self.tunedLines {
                tuned.lines += 1
                tuned.binaryRight += binaryRight ? 1 : 0
                tuned.threeClassRight += threeClassRight ? 1 : 0
            } else {
                heldOut.lines += 1
                heldOut.binaryRight += binaryRight ? 1 : 0
                heldOut.threeClassRight += threeClassRight ? 1 : 0
            }
            if !threeClassRight {
                let part = index < Self.tunedLines ? "tuned" : "held-out"
                misses.append(
                    "\(part) \(example.label) -> \(predicted) \(sentiment.score) \(sentiment.cues): \(example.text)")
            }
        }
        print("sentiment-\(language).jsonl: tuned \(tuned); held out \(heldOut)\n" + misses.joined(separator: "\n"))
        #expect(tuned.binary >= 0.9, "tuned \(tuned)")
        #expect(tuned.threeClass >= 0.85, "tuned \(tuned)")
        #expect(heldOut.binary >= 0.75, "held out \(heldOut)")
        #expect(heldOut.threeClass >= 0.6, "held out \(heldOut)")
    }
}
