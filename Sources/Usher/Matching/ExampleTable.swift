/// The bot's examples in compiled form: their vectors, intents and where they were written.
struct ExampleTable: Sendable {
    var texts: [String] = []
    var origins: [DefinitionOrigin] = []
    var intents: [Int32] = []
    var vectors: [SparseVector] = []
    /// The examples of each intent, by index.
    var byIntent: [[Int32]] = []
    /// Only used while compiling.
    var normalized: [NormalizedText] = []

    init(intents definitions: [IntentDefinition]) {
        byIntent = Array(repeating: [], count: definitions.count)
        for (intent, definition) in definitions.enumerated() {
            for example in definition.examples {
                byIntent[intent].append(Int32(texts.count))
                texts.append(example.text)
                origins.append(example.origin)
                intents.append(Int32(intent))
                normalized.append(TextNormalizer.normalize(example.template.literalText))
            }
        }
    }

    /// The example of `intent` closest to `vector`, by cosine; ties go to the earlier example.
    func nearest(to vector: SparseVector, in intent: Int) -> (example: Int?, similarity: Float) {
        var best: (example: Int?, similarity: Float) = (nil, 0)
        for example in byIntent[intent] {
            let similarity = vector.dot(vectors[Int(example)])
            if best.example == nil || similarity > best.similarity { best = (Int(example), similarity) }
        }
        return best
    }
}
