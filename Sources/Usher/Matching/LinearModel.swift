/// Per-intent weights for every feature, learnt at load time from the bot's own examples: one
/// linear support-vector machine per intent (that intent's examples against all others), fitted
/// by dual coordinate descent as in LIBLINEAR's L2-loss solver.
///
/// The SVM has a unique optimum, so the weights hardly depend on example order, and the example
/// order itself is shuffled by a fixed generator: the same bot always gets the same weights.
/// A weight moves only when an example's margin is wrong, so every weight traces back to examples.
struct LinearModel: Sendable {
    struct Parameters: Sendable {
        /// The SVM's cost: larger fits the examples more tightly.
        var cost: Float = 1
        /// Passes over the examples at most; training stops earlier once no dual variable moves much.
        var maximumEpochs = 5
        /// The largest projected gradient at which the solution counts as converged.
        var tolerance: Float = 0.1
        var seed: UInt64 = 12345
    }

    let featureCount: Int
    let intentCount: Int
    /// The intents rounded up to whole SIMD lanes: each feature's row of weights, and the bias,
    /// are this long, so that scoring adds whole vectors of eight intents at a time.
    let stride: Int
    /// Feature-major: the weights of feature `f` for all intents are `weights[f * stride ..< f * stride + intentCount]`.
    private(set) var weights: [Float]
    /// Each intent's intercept (the weight of a constant feature of value 1), padded to `stride`.
    private(set) var bias: [Float]
    private(set) var epochsRun = 0

    init(featureCount: Int, intentCount: Int) {
        self.featureCount = featureCount
        self.intentCount = intentCount
        stride = (intentCount + 7) / 8 * 8
        weights = [Float](repeating: 0, count: featureCount * stride)
        bias = [Float](repeating: 0, count: stride)
    }

    /// Adds each intent's score for `vector` to `scores` (which must hold `intentCount` values).
    func addScores(_ vector: SparseVector, to scores: inout [Float]) {
        addScores(ids: vector.ids[...], values: vector.values[...], to: &scores)
    }

    /// The same for a vector given as its ids and values (a row of a ``VectorTable``).
    func addScores(ids: ArraySlice<Int32>, values: ArraySlice<Float>, to scores: inout [Float]) {
        let lanes = stride / 8
        let count = intentCount
        let rowBytes = stride * MemoryLayout<Float>.stride
        withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: lanes) { sums in
            bias.withUnsafeBytes { bias in
                for lane in 0..<lanes {
                    sums[lane] = bias.loadUnaligned(fromByteOffset: lane * 32, as: SIMD8<Float>.self)
                }
            }
            weights.withUnsafeBytes { weights in
                for (id, value) in zip(ids, values) {
                    let row = Int(id) * rowBytes
                    for lane in 0..<lanes {
                        sums[lane] +=
                            weights.loadUnaligned(fromByteOffset: row + lane * 32, as: SIMD8<Float>.self) * value
                    }
                }
            }
            scores.withUnsafeMutableBufferPointer { scores in
                UnsafeRawBufferPointer(sums).withMemoryRebound(to: Float.self) { sums in
                    for intent in 0..<count { scores[intent] += sums[intent] }
                }
            }
        }
    }

    /// The weight of one feature for one intent.
    func weight(feature: Int32, intent: Int) -> Float {
        weights[Int(feature) * stride + intent]
    }

    /// Fits the per-intent SVMs to the example vectors in `table`, whose row `i` belongs to intent `intents[i]`.
    mutating func train(_ table: VectorTable, intents: [Int32], parameters: Parameters = Parameters()) {
        guard table.count > 0 else { return }
        let count = intentCount
        let diagonal = 1 / (2 * parameters.cost)
        var alphas = [Float](repeating: 0, count: table.count * count)
        var order = Array(0..<table.count)
        var state = parameters.seed
        var scores = [Float](repeating: 0, count: count)
        let squaredNorms = (0..<table.count).map { row in
            table.range(of: row).reduce(Float(1) + diagonal) { $0 + table.values[$1] * table.values[$1] }
        }
        for epoch in 0..<parameters.maximumEpochs {
            Self.shuffle(&order, state: &state)
            var largestStep: Float = 0
            for row in order {
                let range = table.range(of: row)
                let intent = Int(intents[row])
                scoreRow(table, range, into: &scores)
                for candidate in 0..<count {
                    let label: Float = candidate == intent ? 1 : -1
                    let slot = row * count + candidate
                    let alpha = alphas[slot]
                    let gradient = label * scores[candidate] - 1 + diagonal * alpha
                    let projected = alpha == 0 ? min(gradient, 0) : gradient
                    guard projected != 0 else { continue }
                    largestStep = max(largestStep, abs(projected))
                    let updated = max(alpha - gradient / squaredNorms[row], 0)
                    alphas[slot] = updated
                    let delta = (updated - alpha) * label
                    if delta != 0 { add(table, range, times: delta, to: candidate) }
                }
            }
            epochsRun = epoch + 1
            if largestStep < parameters.tolerance { break }
        }
    }

    /// Every intent's score for one row of `table`, intercept included.
    private func scoreRow(_ table: VectorTable, _ range: Range<Int>, into scores: inout [Float]) {
        for intent in scores.indices { scores[intent] = 0 }
        addScores(ids: table.ids[range], values: table.values[range], to: &scores)
    }

    private mutating func add(_ table: VectorTable, _ range: Range<Int>, times factor: Float, to intent: Int) {
        let stride = stride
        weights.withUnsafeMutableBufferPointer { weights in
            for index in range { weights[Int(table.ids[index]) * stride + intent] += factor * table.values[index] }
        }
        bias[intent] += factor
    }

    /// Fisher–Yates with a 64-bit LCG (Knuth's MMIX constants): deterministic on every platform.
    static func shuffle(_ order: inout [Int], state: inout UInt64) {
        guard order.count > 1 else { return }
        for i in Swift.stride(from: order.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let j = Int((state >> 33) % UInt64(i + 1))
            order.swapAt(i, j)
        }
    }
}
