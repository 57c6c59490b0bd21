import Foundation
import Synchronization

/// Per-intent weights for every feature, learnt at load time from the bot's own examples: one
/// linear support-vector machine per intent (that intent's examples against all others), fitted
/// by dual coordinate descent as in LIBLINEAR's L2-loss solver.
///
/// The example order is shuffled by a fixed generator, so the same bot always gets the same
/// weights. Five passes stop short of the SVM's optimum, so the same examples in another order
/// give another model (up to 0.8 points of accuracy on MASSIVE; docs/languages.md).
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
    ///
    /// The intents' SVMs never read one another's weights (a row's score for an intent moves only
    /// that intent's weights), so they are trained in `parts` groups of whole SIMD lanes on as many
    /// threads, each with the whole example order; every float is computed by the same operations
    /// in the same order as in one group, so the weights are the same to the bit. Only the early
    /// stop is shared: every group runs an epoch, and the largest step of them all decides.
    mutating func train(
        _ table: VectorTable, intents: [Int32], parameters: Parameters = Parameters(), parts: Int = trainingParts
    ) {
        guard table.count > 0 else { return }
        let diagonal = 1 / (2 * parameters.cost)
        let squaredNorms = (0..<table.count).map { row in
            table.range(of: row).reduce(Float(1) + diagonal) { $0 + table.values[$1] * table.values[$1] }
        }
        let laneCount = stride / 8
        let count = max(1, min(parts, laneCount))
        let groups = (0..<count).map { (laneCount * $0 / count)..<(laneCount * ($0 + 1) / count) }
        var trainings = groups.map { group in
            Training(
                model: count == 1 ? self : self.lanes(group), intents: intents, firstIntent: group.lowerBound * 8,
                seed: parameters.seed)
        }
        // The groups hold every weight now: the whole matrix is made again at the end.
        weights = []
        for epoch in 0..<parameters.maximumEpochs {
            var largestStep: Float = 0
            if count == 1 {
                largestStep = trainings[0].epoch(table, squaredNorms: squaredNorms, diagonal: diagonal)
            } else {
                let slots = Mutex<[(Training, Float)?]>(trainings.map { ($0, 0) })
                trainings = []
                Parallel.forEach(count) { group in
                    guard var training = slots.withLock({ $0[group].take()?.0 }) else { return }
                    let step = training.epoch(table, squaredNorms: squaredNorms, diagonal: diagonal)
                    slots.withLock { $0[group] = (training, step) }
                }
                for slot in slots.withLock({ $0 }) {
                    guard let (training, step) = slot else { continue }
                    trainings.append(training)
                    largestStep = max(largestStep, step)
                }
            }
            epochsRun = epoch + 1
            if largestStep < parameters.tolerance { break }
        }
        if count == 1 {
            weights = trainings[0].model.weights
            bias = trainings[0].model.bias
        } else {
            weights = [Float](repeating: 0, count: featureCount * stride)
            for (group, training) in zip(groups, trainings) { setLanes(group, from: training.model) }
        }
    }

    /// How many groups of intents train at once: one per core, up to 8.
    static let trainingParts = min(ProcessInfo.processInfo.activeProcessorCount, 8)

    /// The model of the intents in lanes `group` alone (their weights and biases).
    private func lanes(_ group: Range<Int>) -> LinearModel {
        let first = group.lowerBound * 8
        var part = LinearModel(featureCount: featureCount, intentCount: min(group.upperBound * 8, intentCount) - first)
        let width = part.stride
        for feature in 0..<featureCount {
            part.weights[(feature * width)..<((feature + 1) * width)] =
                weights[(feature * stride + first)..<(feature * stride + first + width)]
        }
        part.bias[0..<width] = bias[first..<(first + width)]
        return part
    }

    /// Puts back the weights and biases of the intents in lanes `group`, trained in `part`.
    private mutating func setLanes(_ group: Range<Int>, from part: LinearModel) {
        let first = group.lowerBound * 8
        let width = part.stride
        for feature in 0..<featureCount {
            weights[(feature * stride + first)..<(feature * stride + first + width)] =
                part.weights[(feature * width)..<((feature + 1) * width)]
        }
        bias[first..<(first + width)] = part.bias[0..<width]
    }

    /// One group's training: its model, dual variables and example order (the same order in
    /// every group, from the same seed).
    private struct Training: Sendable {
        var model: LinearModel
        /// Each row's intent as an index into this group's intents (outside them for the others').
        let intents: [Int32]
        var alphas: [Float]
        var order: [Int]
        var state: UInt64

        init(model: LinearModel, intents: [Int32], firstIntent: Int, seed: UInt64) {
            self.model = model
            self.intents = firstIntent == 0 ? intents : intents.map { $0 - Int32(firstIntent) }
            alphas = [Float](repeating: 0, count: intents.count * model.intentCount)
            order = Array(0..<intents.count)
            state = seed
        }

        /// One pass over the examples in a new order; returns the largest projected gradient.
        mutating func epoch(_ table: VectorTable, squaredNorms: [Float], diagonal: Float) -> Float {
            let count = model.intentCount
            var scores = [Float](repeating: 0, count: count)
            LinearModel.shuffle(&order, state: &state)
            var largestStep: Float = 0
            for row in order {
                let range = table.range(of: row)
                let intent = Int(intents[row])
                model.scoreRow(table, range, into: &scores)
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
                    if delta != 0 { model.add(table, range, times: delta, to: candidate) }
                }
            }
            return largestStep
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
