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

    init(examples: [(vector: SparseVector, intent: Int)], featureCount: Int, intentCount: Int) {
        var perFeature = Array(repeating: [(intent: Int32, mass: Float)](), count: featureCount)
        var totals = [Float](repeating: 0, count: intentCount)
        for (vector, intent) in examples {
            for (id, value) in zip(vector.ids, vector.values) {
                let slot = Int(id)
                if let last = perFeature[slot].last, last.intent == Int32(intent) {
                    perFeature[slot][perFeature[slot].count - 1].mass += value
                } else {
                    perFeature[slot].append((Int32(intent), value))
                }
                totals[intent] += value
            }
        }
        let alpha = Self.smoothing
        bias = totals.map { log(alpha / ($0 + alpha * Float(featureCount))) }
        offsets = [0]
        offsets.reserveCapacity(featureCount + 1)
        postingIntents = []
        postingWeights = []
        for postings in perFeature {
            // Examples arrive grouped by intent, so postings are already in intent order.
            for posting in postings {
                postingIntents.append(posting.intent)
                postingWeights.append(log(1 + posting.mass / alpha))
            }
            offsets.append(Int32(postingIntents.count))
        }
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
        guard let posting = range.first(where: { postingIntents[$0] == Int32(intent) }) else { return 0 }
        return postingWeights[posting]
    }
}
