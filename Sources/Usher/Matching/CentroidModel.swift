/// Each intent's centroid (the sum of its examples' vectors, scaled to unit length), stored twice:
/// as posting lists per feature and as a sorted list per intent. The model for bots too large
/// to train a linear model at load time.
///
/// Building it is one pass over the examples (no intents × examples term). A message is scored
/// in two steps: its rarer features (those that reach at most ``commonPostings`` intents) nominate
/// candidates through their posting lists, and the ``shortlist`` best of those get their exact
/// score over all the message's features from their own lists. So a message costs the intents its
/// distinctive words reach plus a fixed shortlist, not the size of the bot; a message with no
/// rarer feature at all is scored against every intent its features reach.
struct CentroidModel: Sendable {
    /// A feature whose postings are longer than this is common: it scores candidates but does
    /// not nominate them.
    let commonPostings: Int
    let intentCount: Int
    /// For feature `f`, its postings are `postingIntents[offsets[f] ..< offsets[f + 1]]`, by intent.
    private var offsets: [Int32]
    private var postingIntents: [Int32]
    private var postingWeights: [BFloat16]
    /// Per intent, its features and weights by id: `intentFeatures[intentStarts[i] ..< intentStarts[i + 1]]`.
    private var intentStarts: [Int32] = [0]
    private var intentFeatures: [Int32] = []
    /// Weights are ``BFloat16``: a large bot's centroids in half the memory, and every score
    /// and explanation computed from these same stored values.
    private var intentWeights: [BFloat16] = []
    /// How many nominated candidates get an exact score.
    static let shortlist = 16

    init(examples: ExampleTable, featureCount: Int) {
        let intentCount = examples.intentCount
        self.intentCount = intentCount
        commonPostings = max(64, intentCount / 64)
        // First each intent's own list (its centroid, by feature id), then the posting lists
        // from those by counting sort: intents are visited in order, so postings come out by intent.
        var scratch = [Float](repeating: 0, count: featureCount)
        var postingCounts = [Int32](repeating: 0, count: featureCount + 1)
        intentStarts.reserveCapacity(intentCount + 1)
        let entries = examples.distinctFeatureCount()
        intentFeatures.reserveCapacity(entries)
        intentWeights.reserveCapacity(entries)
        for intent in 0..<intentCount {
            let masses = examples.featureMasses(of: intent, scratch: &scratch)
            let length = masses.reduce(Float(0)) { $0 + $1.mass * $1.mass }.squareRoot()
            for (id, mass) in masses {
                intentFeatures.append(id)
                intentWeights.append(BFloat16(length > 0 ? mass / length : 0))
                postingCounts[Int(id) + 1] += 1
            }
            intentStarts.append(Int32(intentFeatures.count))
        }
        offsets = postingCounts
        for feature in 0..<featureCount { offsets[feature + 1] += offsets[feature] }
        var next = offsets
        postingIntents = [Int32](repeating: 0, count: intentFeatures.count)
        postingWeights = [BFloat16](repeating: BFloat16(0), count: intentFeatures.count)
        for intent in 0..<intentCount {
            for entry in Int(intentStarts[intent])..<Int(intentStarts[intent + 1]) {
                let id = Int(intentFeatures[entry])
                let slot = Int(next[id])
                postingIntents[slot] = Int32(intent)
                postingWeights[slot] = intentWeights[entry]
                next[id] += 1
            }
        }
    }

    /// The `count` best intents for `vector`, best first, with their exact scores: the best of
    /// the shortlist that the message's rarer features nominated.
    func ranked(_ vector: SparseVector, excluding excluded: Set<Int>, count: Int) -> [(intent: Int, score: Float)] {
        var reach = 0
        for id in vector.ids {
            let length = Int(offsets[Int(id) + 1] - offsets[Int(id)])
            if length <= commonPostings { reach += length }
        }
        guard reach > 0 else { return fullRanking(vector, excluding: excluded, count: count) }
        var partial = IntentAccumulator(capacity: reach)
        for (id, value) in zip(vector.ids, vector.values) {
            let postings = Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])
            guard postings.count <= commonPostings else { continue }
            for posting in postings { partial.add(value * postingWeights[posting].float, to: postingIntents[posting]) }
        }
        var nominated = partial.entries.filter { excluded.isEmpty || !excluded.contains(Int($0.intent)) }
        nominated.sort { ($0.sum, $1.intent) > ($1.sum, $0.intent) }
        var top: [(intent: Int, score: Float)] = []
        for candidate in nominated.prefix(Self.shortlist) {
            Self.insert(
                (Int(candidate.intent), score(vector, intent: Int(candidate.intent))), into: &top, keeping: count)
        }
        return top
    }

    /// The dot product of `vector` with one intent's centroid, by merging the two sorted lists.
    func score(_ vector: SparseVector, intent: Int) -> Float {
        var sum: Float = 0
        var own = Int(intentStarts[intent])
        let end = Int(intentStarts[intent + 1])
        for (id, value) in zip(vector.ids, vector.values) {
            while own < end && intentFeatures[own] < id { own += 1 }
            if own == end { break }
            if intentFeatures[own] == id { sum += value * intentWeights[own].float }
        }
        return sum
    }

    /// Every intent scored through every posting list: exact, linear in the intents the
    /// message's features reach, which for a message of only common words is most of them.
    private func fullRanking(_ vector: SparseVector, excluding excluded: Set<Int>, count: Int) -> [(
        intent: Int, score: Float
    )] {
        var scores = [Float](repeating: 0, count: intentCount)
        var reached = [Bool](repeating: false, count: intentCount)
        for (id, value) in zip(vector.ids, vector.values) {
            for posting in Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1]) {
                let intent = Int(postingIntents[posting])
                scores[intent] += value * postingWeights[posting].float
                reached[intent] = true
            }
        }
        var top: [(intent: Int, score: Float)] = []
        for intent in 0..<intentCount where reached[intent] && (excluded.isEmpty || !excluded.contains(intent)) {
            Self.insert((intent, scores[intent]), into: &top, keeping: count)
        }
        return top
    }

    /// Inserts into a best-first list of at most `count`, after any equal score (so ties go to the
    /// intent inserted first, or to the earlier intent when scores tie across insert orders).
    private static func insert(
        _ entry: (intent: Int, score: Float), into top: inout [(intent: Int, score: Float)], keeping count: Int
    ) {
        let position =
            top.firstIndex { entry.score > $0.score || (entry.score == $0.score && entry.intent < $0.intent) }
            ?? top.count
        guard position < count else { return }
        top.insert(entry, at: position)
        if top.count > count { top.removeLast() }
    }

    func weight(feature: Int32, intent: Int) -> Float {
        let range = Int(intentStarts[intent])..<Int(intentStarts[intent + 1])
        let entry = intentFeatures[range].partitioningIndex { $0 >= feature }
        return entry < range.upperBound && intentFeatures[entry] == feature ? intentWeights[entry].float : 0
    }
}
