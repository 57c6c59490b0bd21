/// Scores every intent for a message vector.
///
/// Small and medium bots get a trained ``LinearModel``. When training would cost too much at load
/// time (examples × intents beyond ``trainingWorkLimit``, about a thousand intents), the scorer
/// uses a ``CentroidModel``, which needs one pass over the examples and scores only the intents
/// a message reaches. ``BayesModel`` is kept for comparison (`--model bayes`).
struct IntentScorer: Sendable {
    /// Above this many examples × intents, the linear model gives way to naive Bayes. CLINC150
    /// (15,000 × 150) trains in well under a second; ten times that would not.
    static let trainingWorkLimit = 5_000_000

    private enum Storage: Sendable {
        case linear(LinearModel)
        case bayes(BayesModel)
        case centroid(CentroidModel)
    }

    private let storage: Storage
    let intentCount: Int
    /// How many examples each intent has: a score learnt from more of them is trusted further
    /// (``Matcher/similarityForFullConfidence(examples:)``).
    let exampleCounts: [Int32]

    /// A linear model trained on `vectors` (row `i` is example `i` of `examples`).
    init(training vectors: VectorTable, examples: ExampleTable, featureCount: Int) {
        intentCount = examples.intentCount
        exampleCounts = Self.counts(examples)
        var model = LinearModel(featureCount: featureCount, intentCount: intentCount)
        model.train(vectors, intents: examples.intents)
        storage = .linear(model)
    }

    /// A model built from the examples' feature masses alone: ``ModelKind/centroid`` or ``ModelKind/bayes``.
    init(kind: ModelKind, examples: ExampleTable, featureCount: Int) {
        intentCount = examples.intentCount
        exampleCounts = Self.counts(examples)
        storage =
            kind == .bayes
            ? .bayes(BayesModel(examples: examples, featureCount: featureCount))
            : .centroid(CentroidModel(examples: examples, featureCount: featureCount))
    }

    private static func counts(_ examples: ExampleTable) -> [Int32] {
        var counts = [Int32](repeating: 0, count: examples.intentCount)
        for intent in examples.intents { counts[Int(intent)] += 1 }
        return counts
    }

    /// The model a bot of this size gets when `requested` is ``ModelKind/automatic``.
    static func kind(_ requested: ModelKind, examples: Int, intents: Int) -> ModelKind {
        guard requested == .automatic else { return requested }
        return examples * intents <= trainingWorkLimit ? .linear : .centroid
    }

    /// The `count` best intents for `vector`, best first; ties go to the intent defined first.
    func ranked(_ vector: SparseVector, excluding excluded: Set<Int>, count: Int) -> [(intent: Int, score: Float)] {
        var scores = [Float](repeating: 0, count: intentCount)
        switch storage {
        case .linear(let model): model.addScores(vector, to: &scores)
        case .bayes(let model): model.addScores(vector, to: &scores)
        case .centroid(let model): return model.ranked(vector, excluding: excluded, count: count)
        }
        return Self.best(scores, excluding: excluded, count: count)
    }

    private static func best(_ scores: [Float], excluding excluded: Set<Int>, count: Int) -> [(
        intent: Int, score: Float
    )] {
        var top: [(intent: Int, score: Float)] = []
        let anyExcluded = !excluded.isEmpty
        for (intent, score) in scores.enumerated() where !anyExcluded || !excluded.contains(intent) {
            if top.count == count, let last = top.last, score <= last.score { continue }
            let position = top.firstIndex { score > $0.score } ?? top.count
            top.insert((intent, score), at: position)
            if top.count > count { top.removeLast() }
        }
        return top
    }

    var kind: ModelKind {
        switch storage {
        case .linear: .linear
        case .bayes: .bayes
        case .centroid: .centroid
        }
    }

    func weight(feature: Int32, intent: Int) -> Float {
        switch storage {
        case .linear(let model): model.weight(feature: feature, intent: intent)
        case .bayes(let model): model.weight(feature: feature, intent: intent)
        case .centroid(let model): model.weight(feature: feature, intent: intent)
        }
    }
}
