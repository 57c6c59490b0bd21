import Foundation

/// Multinomial naive Bayes over the example vectors, stored as posting lists per feature: the
/// model for bots too large to train a linear model at load time (thousands of intents).
///
/// Building it is one pass over the examples, and scoring touches only the postings of the
/// message's features plus one bias per intent, so it stays fast with tens of thousands of
/// intents. Each weight is `ln(1 + mass / α)`, the log of how much more often the feature occurs
/// in the intent than its smoothing alone would give.
struct BayesModel: Sendable {
    static let smoothing: Float = 0.01

    /// For feature `f`, its postings are `postingIntents[offsets[f] ..< offsets[f + 1]]` (and weights).
    private var offsets: [Int32]
    private var postingIntents: [Int32]
    private var postingWeights: [Float]
    /// Per intent, `ln(α / (mass + α · features))`: the log-probability of a feature it never had.
    private var bias: [Float]

    init(examples: ExampleTable, featureCount: Int) {
        let intentCount = examples.intentCount
        var postingCounts = [Int32](repeating: 0, count: featureCount + 1)
        var scratch = [Float](repeating: 0, count: featureCount)
        var totals = [Float](repeating: 0, count: intentCount)
        for intent in 0..<intentCount {
            for (id, mass) in examples.featureMasses(of: intent, scratch: &scratch) {
                postingCounts[Int(id) + 1] += 1
                totals[intent] += mass
            }
        }
        // Counting sort into feature-major postings; intents are visited in order, so each
        // feature's postings come out sorted by intent.
        offsets = postingCounts
        for feature in 0..<featureCount { offsets[feature + 1] += offsets[feature] }
        var next = offsets
        postingIntents = [Int32](repeating: 0, count: Int(offsets[featureCount]))
        postingWeights = [Float](repeating: 0, count: Int(offsets[featureCount]))
        let alpha = Self.smoothing
        for intent in 0..<intentCount {
            for (id, mass) in examples.featureMasses(of: intent, scratch: &scratch) {
                let slot = Int(next[Int(id)])
                postingIntents[slot] = Int32(intent)
                postingWeights[slot] = log(1 + mass / alpha)
                next[Int(id)] += 1
            }
        }
        bias = totals.map { log(alpha / ($0 + alpha * Float(featureCount))) }
    }

    func addScores(_ vector: SparseVector, to scores: inout [Float]) {
        let mass = vector.values.reduce(0, +)
        for intent in scores.indices { scores[intent] += bias[intent] * mass }
        for (id, value) in zip(vector.ids, vector.values) {
            for posting in Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1]) {
                scores[Int(postingIntents[posting])] += value * postingWeights[posting]
            }
        }
    }

    func weight(feature: Int32, intent: Int) -> Float {
        let range = Int(offsets[Int(feature)])..<Int(offsets[Int(feature) + 1])
        let posting = postingIntents[range].partitioningIndex { $0 >= Int32(intent) }
        return posting < range.upperBound && postingIntents[posting] == Int32(intent) ? postingWeights[posting] : 0
    }
}
