/// How well a bot labels a set of utterances: the figures `usher eval` prints.
///
/// Out of scope is a label of its own (`nil`): a correct rejection counts towards accuracy and
/// out-of-scope recall, and a wrong one hurts both the intent's recall and out-of-scope precision.
public struct EvaluationReport: Sendable {
    /// Precision, recall and F1 of one intent, with its support (how many utterances carried it).
    public struct IntentScore: Sendable, Equatable {
        public var intent: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    /// One way the bot got an utterance wrong, and how often.
    public struct Confusion: Sendable, Equatable {
        public var expected: String?
        public var predicted: String?
        public var count: Int
    }

    public var messages: Int
    public var accuracy: Double
    /// Correct intent among utterances labelled in scope (a rejection counts as wrong).
    public var inScopeAccuracy: Double
    /// Share of out-of-scope utterances the bot rejected; `nil` when the set has none.
    public var outOfScopeRecall: Double?
    /// Share of rejections that were truly out of scope; `nil` when the bot rejected nothing.
    public var outOfScopePrecision: Double?
    /// The mean F1 over every in-scope intent that was expected or predicted.
    public var macroF1: Double
    public var intents: [IntentScore]
    /// The most frequent mistakes, most frequent first.
    public var confusions: [Confusion]

    /// Scores `pairs` of expected and predicted labels.
    public init(pairs: [(expected: String?, predicted: String?)], confusionLimit: Int = 10) {
        messages = pairs.count
        var truePositives: [String: Int] = [:]
        var expectedCounts: [String: Int] = [:]
        var predictedCounts: [String: Int] = [:]
        var mistakes: [Pair: Int] = [:]
        var correct = 0
        var inScope = 0
        var inScopeCorrect = 0
        var outOfScope = 0
        var rejectedCorrectly = 0
        var rejected = 0
        for (expected, predicted) in pairs {
            if expected == predicted {
                correct += 1
            } else {
                mistakes[Pair(expected: expected, predicted: predicted), default: 0] += 1
            }
            if let expected {
                inScope += 1
                expectedCounts[expected, default: 0] += 1
                if predicted == expected { inScopeCorrect += 1; truePositives[expected, default: 0] += 1 }
            } else {
                outOfScope += 1
                if predicted == nil { rejectedCorrectly += 1 }
            }
            if let predicted { predictedCounts[predicted, default: 0] += 1 } else { rejected += 1 }
        }
        accuracy = Self.ratio(correct, messages) ?? 0
        inScopeAccuracy = Self.ratio(inScopeCorrect, inScope) ?? 0
        outOfScopeRecall = Self.ratio(rejectedCorrectly, outOfScope)
        outOfScopePrecision = Self.ratio(rejectedCorrectly, rejected)
        let labels = Set(expectedCounts.keys).union(predictedCounts.keys).sorted()
        intents = labels.map { label in
            let hits = truePositives[label] ?? 0
            let precision = Self.ratio(hits, predictedCounts[label] ?? 0) ?? 0
            let recall = Self.ratio(hits, expectedCounts[label] ?? 0) ?? 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return IntentScore(
                intent: label, precision: precision, recall: recall, f1: f1, support: expectedCounts[label] ?? 0)
        }
        macroF1 = intents.isEmpty ? 0 : intents.map(\.f1).reduce(0, +) / Double(intents.count)
        confusions = mistakes.map { Confusion(expected: $0.key.expected, predicted: $0.key.predicted, count: $0.value) }
            .sorted {
                ($1.count, $0.expected ?? "", $0.predicted ?? "") < ($0.count, $1.expected ?? "", $1.predicted ?? "")
            }
            .prefix(confusionLimit).map { $0 }
    }

    private struct Pair: Hashable {
        var expected: String?
        var predicted: String?
    }

    private static func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }
}
