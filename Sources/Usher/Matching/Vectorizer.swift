import Foundation

/// Maps text to ``SparseVector``s with weights learnt from the bot's own examples.
///
/// Weights are `(1 + ln tf) · idf` with `idf = ln((1 + N) / (1 + df)) + 1`. The word block and
/// the character block are each normalised to unit length and scaled so that words and
/// character n-grams each carry half of the vector's weight; features no example has are
/// dropped, as nothing could have learnt from them.
struct Vectorizer: Sendable {
    /// The share of the vector's squared length given to whole words (the rest goes to n-grams).
    static let wordShare: Float = 0.5

    private let extractor = FeatureExtractor()
    private(set) var ids: [UInt64: Int32] = [:]
    private(set) var idf: [Float] = []

    var featureCount: Int { idf.count }

    /// Learns the vocabulary and document frequencies from `texts` and returns their vectors.
    /// Ids are given in order of first appearance, so the same bot always gets the same ids.
    mutating func fit(_ texts: [NormalizedText]) -> [SparseVector] {
        var documentFrequency: [Int32] = []
        var raw: [[FeatureExtractor.RawFeature]] = []
        raw.reserveCapacity(texts.count)
        var seen = Set<Int32>()
        for text in texts {
            let features = extractor.extract(text)
            seen.removeAll(keepingCapacity: true)
            for feature in features {
                let id: Int32
                if let known = ids[feature.hash] {
                    id = known
                } else {
                    id = Int32(documentFrequency.count)
                    ids[feature.hash] = id
                    documentFrequency.append(0)
                }
                if seen.insert(id).inserted { documentFrequency[Int(id)] += 1 }
            }
            raw.append(features)
        }
        let documents = Float(texts.count)
        idf = documentFrequency.map { log((1 + documents) / (1 + Float($0))) + 1 }
        return raw.map(weigh)
    }

    func vector(_ text: NormalizedText) -> SparseVector {
        weigh(extractor.extract(text))
    }

    private func weigh(_ features: [FeatureExtractor.RawFeature]) -> SparseVector {
        var known: [(id: Int32, block: FeatureExtractor.Block, token: Int32)] = []
        known.reserveCapacity(features.count)
        for feature in features {
            if let id = ids[feature.hash] { known.append((id, feature.block, feature.token)) }
        }
        guard !known.isEmpty else { return .empty }
        known.sort { $0.id < $1.id }
        var vector = SparseVector(ids: [], values: [], tokens: [])
        vector.ids.reserveCapacity(known.count)
        var blocks: [FeatureExtractor.Block] = []
        var index = 0
        while index < known.count {
            var end = index + 1
            while end < known.count && known[end].id == known[index].id { end += 1 }
            let id = known[index].id
            vector.ids.append(id)
            vector.values.append((1 + log(Float(end - index))) * idf[Int(id)])
            vector.tokens.append(known[index].token)
            blocks.append(known[index].block)
            index = end
        }
        normalise(&vector, blocks: blocks)
        return vector
    }

    private func normalise(_ vector: inout SparseVector, blocks: [FeatureExtractor.Block]) {
        var squares: [Float] = [0, 0]
        for (value, block) in zip(vector.values, blocks) { squares[Int(block.rawValue)] += value * value }
        let shares = [Self.wordShare, 1 - Self.wordShare]
        var scales = (0..<2).map { squares[$0] > 0 ? shares[$0].squareRoot() / squares[$0].squareRoot() : 0 }
        // With one block empty, the other takes the whole length.
        let total = (0..<2).reduce(Float(0)) { $0 + (squares[$1] > 0 ? shares[$1] : 0) }
        scales = scales.map { $0 / total.squareRoot() }
        for index in vector.values.indices { vector.values[index] *= scales[Int(blocks[index].rawValue)] }
    }
}
