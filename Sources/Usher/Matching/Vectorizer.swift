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
    private(set) var ids = FeatureTable()
    private(set) var idf: [Float] = []
    private(set) var documentCount = 0

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
                let (id, inserted) = ids.insert(feature.hash)
                if inserted { documentFrequency.append(0) }
                if seen.insert(id).inserted { documentFrequency[Int(id)] += 1 }
            }
            raw.append(features)
        }
        documentCount = texts.count
        let documents = Float(texts.count)
        idf = documentFrequency.map { log((1 + documents) / (1 + Float($0))) + 1 }
        return raw.map { weigh($0) }
    }

    func vector(_ text: NormalizedText) -> SparseVector {
        weigh(extractor.extract(text))
    }

    /// The weight a feature no example has would get: the idf of a document frequency of zero.
    private var unknownIDF: Float { log(1 + Float(documentCount)) + 1 }

    private func weigh(_ features: [FeatureExtractor.RawFeature]) -> SparseVector {
        var known: [(id: Int32, block: FeatureExtractor.Block, token: Int32)] = []
        var unknown: [(hash: UInt64, block: FeatureExtractor.Block)] = []
        known.reserveCapacity(features.count)
        for feature in features {
            if let id = ids.id(for: feature.hash) {
                known.append((id, feature.block, feature.token))
            } else {
                unknown.append((feature.hash, feature.block))
            }
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
        normalise(&vector, blocks: blocks, unknownSquares: unknownSquares(&unknown))
        return vector
    }

    /// The squared weight of the features no example has, per block. They are not stored, but
    /// they keep their share of the vector's length: a message made mostly of words the bot never
    /// saw gets a short known part, and so low scores and similarities.
    private func unknownSquares(_ unknown: inout [(hash: UInt64, block: FeatureExtractor.Block)]) -> [Float] {
        var squares: [Float] = [0, 0]
        guard !unknown.isEmpty else { return squares }
        unknown.sort { $0.hash < $1.hash }
        let idf = unknownIDF
        var index = 0
        while index < unknown.count {
            var end = index + 1
            while end < unknown.count && unknown[end].hash == unknown[index].hash { end += 1 }
            let value = (1 + log(Float(end - index))) * idf
            squares[Int(unknown[index].block.rawValue)] += value * value
            index = end
        }
        return squares
    }

    private func normalise(_ vector: inout SparseVector, blocks: [FeatureExtractor.Block], unknownSquares: [Float]) {
        var squares = unknownSquares
        for (value, block) in zip(vector.values, blocks) { squares[Int(block.rawValue)] += value * value }
        let shares = [Self.wordShare, 1 - Self.wordShare]
        // With one block empty, the other takes the whole length.
        let total = (0..<2).reduce(Float(0)) { $0 + (squares[$1] > 0 ? shares[$1] : 0) }
        let scales = (0..<2).map { squares[$0] > 0 ? (shares[$0] / total).squareRoot() / squares[$0].squareRoot() : 0 }
        for index in vector.values.indices { vector.values[index] *= scales[Int(blocks[index].rawValue)] }
    }
}
