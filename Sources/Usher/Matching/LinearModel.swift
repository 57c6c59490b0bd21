/// Per-intent weights for every feature, learnt at load time from the bot's own examples by an
/// averaged multi-class perceptron with a margin.
///
/// Training only ever moves weights of features that occur in an example, towards its intent and
/// away from the intent it was most confused with, so every weight can be traced to examples.
/// The same bot always trains to the same weights: the example order is shuffled by a fixed
/// linear congruential generator, not by a random source.
struct LinearModel: Sendable {
    struct Parameters: Sendable {
        var epochs = 5
        var learningRate: Float = 0.3
        var margin: Float = 1.0
        var seed: UInt64 = 12345
    }

    let featureCount: Int
    let intentCount: Int
    /// Feature-major: the weights of feature `f` for all intents are `weights[f * intentCount ..< (f + 1) * intentCount]`.
    private(set) var weights: [Float]

    init(featureCount: Int, intentCount: Int) {
        self.featureCount = featureCount
        self.intentCount = intentCount
        weights = [Float](repeating: 0, count: featureCount * intentCount)
    }

    /// Adds each intent's score for `vector` to `scores` (which must hold `intentCount` values).
    func addScores(_ vector: SparseVector, to scores: inout [Float]) {
        let count = intentCount
        weights.withUnsafeBufferPointer { weights in
            scores.withUnsafeMutableBufferPointer { scores in
                for (id, value) in zip(vector.ids, vector.values) {
                    let row = Int(id) * count
                    for intent in 0..<count { scores[intent] += value * weights[row + intent] }
                }
            }
        }
    }

    /// The weight of one feature for one intent.
    func weight(feature: Int32, intent: Int) -> Float {
        weights[Int(feature) * intentCount + intent]
    }

    /// Trains on `examples` (vector and intent index).
    mutating func train(_ examples: [(vector: SparseVector, intent: Int)], parameters: Parameters = Parameters()) {
        guard intentCount > 1, !examples.isEmpty else {
            trainSingleIntent(examples)
            return
        }
        var totals = [Float](repeating: 0, count: weights.count)
        var order = Array(examples.indices)
        var state = parameters.seed
        var step: Float = 1
        var scores = [Float](repeating: 0, count: intentCount)
        for _ in 0..<parameters.epochs {
            Self.shuffle(&order, state: &state)
            for index in order {
                let (vector, intent) = examples[index]
                for i in scores.indices { scores[i] = 0 }
                addScores(vector, to: &scores)
                let rival = Self.bestRival(scores, excluding: intent)
                if scores[intent] - scores[rival] < parameters.margin {
                    update(vector, towards: intent, awayFrom: rival, by: parameters.learningRate, step: step, totals: &totals)
                }
                step += 1
            }
        }
        // Averaging: the mean of the weights over all steps, computed from the running totals.
        for i in weights.indices { weights[i] -= totals[i] / step }
    }

    /// With one intent there is nothing to tell apart: its score is the message's similarity to
    /// what its examples share.
    private mutating func trainSingleIntent(_ examples: [(vector: SparseVector, intent: Int)]) {
        guard !examples.isEmpty else { return }
        let share = 1 / Float(examples.count)
        for (vector, intent) in examples {
            for (id, value) in zip(vector.ids, vector.values) {
                weights[Int(id) * intentCount + intent] += value * share
            }
        }
    }

    private mutating func update(
        _ vector: SparseVector, towards intent: Int, awayFrom rival: Int, by rate: Float, step: Float, totals: inout [Float]
    ) {
        let count = intentCount
        for (id, value) in zip(vector.ids, vector.values) {
            let row = Int(id) * count
            let delta = rate * value
            weights[row + intent] += delta
            weights[row + rival] -= delta
            totals[row + intent] += step * delta
            totals[row + rival] -= step * delta
        }
    }

    /// The highest-scoring intent other than `excluded`; ties go to the lower index.
    static func bestRival(_ scores: [Float], excluding excluded: Int) -> Int {
        var best = excluded == 0 ? 1 : 0
        for intent in scores.indices where intent != excluded && scores[intent] > scores[best] { best = intent }
        return best
    }

    /// Fisher–Yates with a 64-bit LCG (Knuth's MMIX constants): deterministic on every platform.
    static func shuffle(_ order: inout [Int], state: inout UInt64) {
        guard order.count > 1 else { return }
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let j = Int((state >> 33) % UInt64(i + 1))
            order.swapAt(i, j)
        }
    }
}
