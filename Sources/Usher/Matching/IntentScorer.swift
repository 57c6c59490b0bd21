/// Scores every intent for a message vector.
///
/// Small and medium bots get a trained ``LinearModel``. When training would cost too much at load
/// time (examples × intents beyond ``trainingWorkLimit``, about a thousand intents), the scorer
/// uses a ``BayesModel``, which needs no training pass and is stored sparsely.
struct IntentScorer: Sendable {
    /// Above this many examples × intents, the linear model gives way to naive Bayes. CLINC150
    /// (15,000 × 150) trains in well under a second; ten times that would not.
    static let trainingWorkLimit = 5_000_000

    private enum Storage: Sendable {
        case linear(LinearModel)
        case bayes(BayesModel)
    }

    private let storage: Storage
    let intentCount: Int

    init(vectors: VectorTable, examples: ExampleTable, featureCount: Int, kind: ModelKind) {
        let intentCount = examples.intentCount
        self.intentCount = intentCount
        let linear =
            switch kind {
            case .automatic: vectors.count * intentCount <= Self.trainingWorkLimit
            case .linear: true
            case .bayes: false
            }
        if linear {
            var model = LinearModel(featureCount: featureCount, intentCount: intentCount)
            model.train(vectors, intents: examples.intents)
            storage = .linear(model)
        } else {
            storage = .bayes(BayesModel(examples: examples, featureCount: featureCount))
        }
    }

    func scores(_ vector: SparseVector) -> [Float] {
        var scores = [Float](repeating: 0, count: intentCount)
        switch storage {
        case .linear(let model): model.addScores(vector, to: &scores)
        case .bayes(let model): model.addScores(vector, to: &scores)
        }
        return scores
    }

    var kind: ModelKind {
        switch storage {
        case .linear: .linear
        case .bayes: .bayes
        }
    }

    func weight(feature: Int32, intent: Int) -> Float {
        switch storage {
        case .linear(let model): model.weight(feature: feature, intent: intent)
        case .bayes(let model): model.weight(feature: feature, intent: intent)
        }
    }
}
