/// Scores every intent for a message vector.
///
/// Small and medium bots get a trained ``LinearModel``. When the dense weight table would be too
/// large (many thousands of intents), the scorer uses per-intent centroids stored sparsely, which
/// need no training pass and only touch the intents that share a feature with the message.
struct IntentScorer: Sendable {
    /// Above this many weights (features × intents) the dense model gives way to centroids.
    static let denseWeightLimit = 24_000_000

    private enum Storage: Sendable {
        case linear(LinearModel)
        case centroids(CentroidModel)
    }

    private let storage: Storage
    let intentCount: Int

    init(examples: [(vector: SparseVector, intent: Int)], featureCount: Int, intentCount: Int) {
        self.intentCount = intentCount
        if featureCount * intentCount <= Self.denseWeightLimit {
            var model = LinearModel(featureCount: featureCount, intentCount: intentCount)
            model.train(examples)
            storage = .linear(model)
        } else {
            storage = .centroids(CentroidModel(examples: examples, featureCount: featureCount, intentCount: intentCount))
        }
    }

    func scores(_ vector: SparseVector) -> [Float] {
        var scores = [Float](repeating: 0, count: intentCount)
        switch storage {
        case .linear(let model): model.addScores(vector, to: &scores)
        case .centroids(let model): model.addScores(vector, to: &scores)
        }
        return scores
    }

    var kind: String {
        switch storage {
        case .linear: "linear"
        case .centroids: "centroids"
        }
    }

    func weight(feature: Int32, intent: Int) -> Float {
        switch storage {
        case .linear(let model): model.weight(feature: feature, intent: intent)
        case .centroids(let model): model.weight(feature: feature, intent: intent)
        }
    }
}
