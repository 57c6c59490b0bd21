/// Each intent as the normalised mean of its example vectors, stored as posting lists per feature.
///
/// Scoring touches only the postings of the message's features, so it stays fast with tens of
/// thousands of intents, and building it is one pass over the examples.
struct CentroidModel: Sendable {
    /// For feature `f`, its postings are `postingIntents[offsets[f] ..< offsets[f + 1]]` (and weights).
    private var offsets: [Int32]
    private var postingIntents: [Int32]
    private var postingWeights: [Float]

    init(examples: [(vector: SparseVector, intent: Int)], featureCount: Int, intentCount: Int) {
        var sums = Array(repeating: [Int32: Float](), count: intentCount)
        for (vector, intent) in examples {
            for (id, value) in zip(vector.ids, vector.values) { sums[intent][id, default: 0] += value }
        }
        var perFeature = Array(repeating: [(Int32, Float)](), count: featureCount)
        for (intent, sum) in sums.enumerated() {
            let norm = sum.values.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            for (id, value) in sum { perFeature[Int(id)].append((Int32(intent), value / norm)) }
        }
        offsets = [0]
        postingIntents = []
        postingWeights = []
        for var postings in perFeature {
            postings.sort { $0.0 < $1.0 }
            postingIntents.append(contentsOf: postings.map(\.0))
            postingWeights.append(contentsOf: postings.map(\.1))
            offsets.append(Int32(postingIntents.count))
        }
    }

    func addScores(_ vector: SparseVector, to scores: inout [Float]) {
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
