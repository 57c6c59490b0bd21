import Foundation
import Testing

@testable import Usher

/// Measures ``SentimentAnalyzer`` on the labelled set in `evals/sentiment.jsonl`; docs/insight.md
/// reports the figures this prints.
extension SentimentAnalyzerTests {
    struct Example: Decodable {
        var text: String
        var label: String
    }

    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("evals/sentiment.jsonl")

    static func examples() throws -> [Example] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Example.self, from: Data($0.utf8)) }
    }

    static func predictedLabel(_ sentiment: Sentiment) -> String {
        sentiment.isNegative ? "negative" : sentiment.isPositive ? "positive" : "neutral"
    }

    @Test func theSetIsBigAndBalancedEnough() throws {
        let counts = Dictionary(grouping: try Self.examples(), by: \.label).mapValues(\.count)
        #expect(counts.values.reduce(0, +) >= 180)
        #expect(Set(counts.keys) == ["negative", "neutral", "positive"])
        #expect(counts.values.allSatisfy { $0 >= 40 })
    }

    @Test func negativeVersusNotAccuracyIsAtLeast85Percent() throws {
        let analyzer = SentimentAnalyzer()
        let examples = try Self.examples()
        var binaryRight = 0
        var threeClassRight = 0
        var misses: [String] = []
        for example in examples {
            let sentiment = analyzer.analyze(example.text)
            let predicted = Self.predictedLabel(sentiment)
            if sentiment.isNegative == (example.label == "negative") { binaryRight += 1 }
            if predicted == example.label {
                threeClassRight += 1
            } else {
                misses.append("\(example.label) -> \(predicted) \(sentiment.score) \(sentiment.cues): \(example.text)")
            }
        }
        let binary = Double(binaryRight) / Double(examples.count)
        let threeClass = Double(threeClassRight) / Double(examples.count)
        let report = "negative-vs-not \(binaryRight)/\(examples.count), 3-class \(threeClassRight)/\(examples.count)"
        print("sentiment.jsonl: \(report)\n" + misses.joined(separator: "\n"))
        #expect(binary >= 0.85, "\(report)")
        #expect(threeClass >= 0.75, "\(report)")
    }
}
