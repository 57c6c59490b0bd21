/// The bot's examples in compiled form: where each was written, and per intent an inverted index
/// from feature to the examples that have it, for finding an intent's closest example quickly.
struct ExampleTable: Sendable {
    var texts: [String] = []
    var origins: [DefinitionOrigin] = []
    var intents: [Int32] = []
    /// The examples of intent `i` are `intentStarts[i] ..< intentStarts[i + 1]`.
    private var intentStarts: [Int32] = [0]
    /// Per intent, its features in id order: `features[featureStarts[i] ..< featureStarts[i + 1]]`.
    private var featureStarts: [Int32] = [0]
    private var features: [Int32] = []
    /// For each entry of `features`, its postings: `postingStarts[k] ..< postingStarts[k + 1]`.
    private var postingStarts: [Int32] = [0]
    private var postingExamples: [Int32] = []
    private var postingValues: [Float] = []

    init(intents definitions: [IntentDefinition]) {
        for (intent, definition) in definitions.enumerated() {
            for example in definition.examples {
                texts.append(example.text)
                origins.append(example.origin)
                intents.append(Int32(intent))
            }
            intentStarts.append(Int32(texts.count))
        }
    }

    /// The normalised text of every example, in table order, for fitting the vectorizer.
    static func normalizedTexts(_ definitions: [IntentDefinition]) -> [NormalizedText] {
        definitions.flatMap { $0.examples.map { TextNormalizer.normalize($0.template.literalText) } }
    }

    /// Builds the per-intent inverted indexes from the examples' vectors (in table order).
    mutating func index(_ vectors: [SparseVector]) {
        for intent in 0..<(intentStarts.count - 1) {
            var postings: [Int32: [(example: Int32, value: Float)]] = [:]
            for example in intentStarts[intent]..<intentStarts[intent + 1] {
                let vector = vectors[Int(example)]
                for (id, value) in zip(vector.ids, vector.values) { postings[id, default: []].append((example, value)) }
            }
            for id in postings.keys.sorted() {
                features.append(id)
                for posting in postings[id]! {
                    postingExamples.append(posting.example)
                    postingValues.append(posting.value)
                }
                postingStarts.append(Int32(postingExamples.count))
            }
            featureStarts.append(Int32(features.count))
        }
    }

    /// The example of `intent` closest to `vector`, by cosine; ties go to the earlier example.
    func nearest(to vector: SparseVector, in intent: Int) -> (example: Int?, similarity: Float) {
        let first = Int(intentStarts[intent])
        let count = Int(intentStarts[intent + 1]) - first
        guard count > 0 else { return (nil, 0) }
        var similarities = [Float](repeating: 0, count: count)
        let range = Int(featureStarts[intent])..<Int(featureStarts[intent + 1])
        var low = range.lowerBound
        for (id, value) in zip(vector.ids, vector.values) {
            // Query ids ascend, so each search starts where the last one ended.
            low = features[low..<range.upperBound].partitioningIndex { $0 >= id }
            guard low < range.upperBound else { break }
            guard features[low] == id else { continue }
            for posting in Int(postingStarts[low])..<Int(postingStarts[low + 1]) {
                similarities[Int(postingExamples[posting]) - first] += value * postingValues[posting]
            }
        }
        var best = 0
        for index in similarities.indices where similarities[index] > similarities[best] { best = index }
        return (first + best, similarities[best])
    }
}

extension Collection {
    /// The first index whose element satisfies `predicate`, for a collection where all elements
    /// that do come after all that do not (a binary search).
    func partitioningIndex(where predicate: (Element) -> Bool) -> Index {
        var low = startIndex
        var length = count
        while length > 0 {
            let half = length / 2
            let middle = index(low, offsetBy: half)
            if predicate(self[middle]) {
                length = half
            } else {
                low = index(after: middle)
                length -= half + 1
            }
        }
        return low
    }
}
