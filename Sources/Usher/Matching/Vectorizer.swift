import Foundation

/// Maps text to ``SparseVector``s with weights learnt from the bot's own examples.
///
/// Weights are `(1 + ln tf) · idf` with `idf = ln((1 + N) / (1 + df)) + 1`. The word block and
/// the character block are each normalised and scaled so that words and character n-grams each
/// carry half of the vector's length. Features no example has are not stored (nothing learnt
/// from them) but keep their share of the length, so a message of mostly unknown words gets a
/// short known part, and with it low scores.
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
    mutating func fit(_ texts: some Sequence<String>) -> VectorTable {
        var documentFrequency: [Int32] = []
        var counts = VectorTable()
        var blocks: [UInt8] = []
        var keys: [UInt64] = []
        for text in texts {
            // (id, block) packed into one integer, so one plain sort groups repeats.
            keys.removeAll(keepingCapacity: true)
            for feature in extractor.extract(TextNormalizer.normalize(text)) {
                let (id, inserted) = ids.insert(feature.hash)
                if inserted { documentFrequency.append(0) }
                keys.append(UInt64(UInt32(id)) << 8 | UInt64(feature.block.rawValue))
            }
            keys.sort()
            counts.appendRow { ids, values in
                for (offset, key) in keys.enumerated() {
                    if offset > 0 && keys[offset - 1] == key {
                        values[values.count - 1] += 1
                        continue
                    }
                    let id = Int32(truncatingIfNeeded: key >> 8)
                    ids.append(id)
                    values.append(1)
                    blocks.append(UInt8(truncatingIfNeeded: key))
                    documentFrequency[Int(id)] += 1
                }
            }
        }
        documentCount = counts.count
        let documents = Float(counts.count)
        idf = documentFrequency.map { log((1 + documents) / (1 + Float($0))) + 1 }
        return counts.mapRows { ids, values, range in
            for index in range { values[index] = (1 + log(values[index])) * idf[Int(ids[index])] }
            Self.normalise(&values, range, blocks: blocks, unknownSquares: [0, 0])
        }
    }

    func vector(_ text: NormalizedText) -> SparseVector {
        var known: [(id: Int32, block: UInt8, token: Int32)] = []
        var unknown: [(hash: UInt64, block: UInt8)] = []
        for feature in extractor.extract(text) {
            if let id = ids.id(for: feature.hash) {
                known.append((id, feature.block.rawValue, feature.token))
            } else {
                unknown.append((feature.hash, feature.block.rawValue))
            }
        }
        guard !known.isEmpty else { return .empty }
        known.sort { $0.id < $1.id }
        var vector = SparseVector(ids: [], values: [], tokens: [])
        var blocks: [UInt8] = []
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
        Self.normalise(&vector.values, vector.values.indices, blocks: blocks, unknownSquares: unknownSquares(&unknown))
        return vector
    }

    /// The weight a feature no example has would get: the idf of a document frequency of zero.
    private var unknownIDF: Float { log(1 + Float(documentCount)) + 1 }

    /// The squared weight of the features no example has, per block.
    private func unknownSquares(_ unknown: inout [(hash: UInt64, block: UInt8)]) -> [Float] {
        var squares: [Float] = [0, 0]
        guard !unknown.isEmpty else { return squares }
        unknown.sort { $0.hash < $1.hash }
        let idf = unknownIDF
        var index = 0
        while index < unknown.count {
            var end = index + 1
            while end < unknown.count && unknown[end].hash == unknown[index].hash { end += 1 }
            let value = (1 + log(Float(end - index))) * idf
            squares[Int(unknown[index].block)] += value * value
            index = end
        }
        return squares
    }

    /// Scales `values[range]` so each block gets its share of a unit length (with one block empty,
    /// the other takes the whole length).
    private static func normalise(
        _ values: inout [Float], _ range: Range<Int>, blocks: [UInt8], unknownSquares: [Float]
    ) {
        var squares = unknownSquares
        for index in range { squares[Int(blocks[index])] += values[index] * values[index] }
        let shares = [wordShare, 1 - wordShare]
        let total = (0..<2).reduce(Float(0)) { $0 + (squares[$1] > 0 ? shares[$1] : 0) }
        let scales = (0..<2).map { squares[$0] > 0 ? (shares[$0] / total).squareRoot() / squares[$0].squareRoot() : 0 }
        for index in range { values[index] *= scales[Int(blocks[index])] }
    }
}
