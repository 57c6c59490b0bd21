import Testing

@testable import Usher

@Suite("EvaluationReport")
struct EvaluationReportTests {
    /// Six utterances, worked by hand:
    /// a→a, a→b, b→b, b→nil, nil→nil, nil→a.
    /// accuracy 3/6; in scope 2/4; OOS recall 1/2; OOS precision 1/2 (two rejections, one right).
    /// a: tp 1, predicted 2, expected 2 → P 0.5, R 0.5, F1 0.5.
    /// b: tp 1, predicted 2, expected 2 → P 0.5, R 0.5, F1 0.5. Macro F1 0.5.
    @Test func computesEveryFigureOnAHandWorkedSet() {
        let report = EvaluationReport(pairs: [("a", "a"), ("a", "b"), ("b", "b"), ("b", nil), (nil, nil), (nil, "a")])
        #expect(report.messages == 6)
        #expect(report.accuracy == 0.5)
        #expect(report.inScopeAccuracy == 0.5)
        #expect(report.outOfScopeRecall == 0.5)
        #expect(report.outOfScopePrecision == 0.5)
        #expect(report.macroF1 == 0.5)
        #expect(
            report.intents == [
                .init(intent: "a", precision: 0.5, recall: 0.5, f1: 0.5, support: 2),
                .init(intent: "b", precision: 0.5, recall: 0.5, f1: 0.5, support: 2),
            ])
        #expect(
            report.confusions == [
                .init(expected: nil, predicted: "a", count: 1),
                .init(expected: "a", predicted: "b", count: 1),
                .init(expected: "b", predicted: nil, count: 1),
            ])
    }

    /// a→a ×3, a→b ×1, c→c: a P 1 R 0.75 F1 6/7; b P 0 R 0 F1 0; c 1/1/1. Macro (6/7 + 0 + 1) / 3.
    @Test func macroF1CountsPredictedOnlyIntents() {
        let report = EvaluationReport(pairs: [("a", "a"), ("a", "a"), ("a", "a"), ("a", "b"), ("c", "c")])
        #expect(abs(report.macroF1 - (6.0 / 7.0 + 1) / 3) < 1e-12)
        #expect(report.outOfScopeRecall == nil)
        #expect(report.outOfScopePrecision == nil)
        #expect(report.confusions == [.init(expected: "a", predicted: "b", count: 1)])
    }

    @Test func ranksConfusionsByCountAndKeepsTheTopTen() {
        var pairs: [(expected: String?, predicted: String?)] = []
        for index in 0..<12 { pairs += Array(repeating: ("x\(index)", "y"), count: index + 1) }
        let report = EvaluationReport(pairs: pairs)
        #expect(report.confusions.count == 10)
        #expect(report.confusions.first == .init(expected: "x11", predicted: "y", count: 12))
        #expect(report.confusions.last == .init(expected: "x2", predicted: "y", count: 3))
    }

    @Test func anEmptySetScoresZeroWithoutDividingByZero() {
        let report = EvaluationReport(pairs: [])
        #expect(report.accuracy == 0)
        #expect(report.macroF1 == 0)
    }
}
