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

    /// The message's vector. Known features are packed as `id << 32 | token << 1 | block` so that
    /// one sort of plain integers groups repeats (and keeps each feature's first token); unknown
    /// ones only count towards the length.
    func vector(_ text: NormalizedText) -> SparseVector {
        var features: [FeatureExtractor.RawFeature] = []
        extractor.extract(text, into: &features)
        var known: [UInt64] = []
        known.reserveCapacity(features.count)
        var unknown: [UInt64] = []
        for feature in features {
            let block = UInt64(feature.block.rawValue)
            if let id = ids.id(for: feature.hash) {
                known.append(UInt64(UInt32(id)) << 32 | UInt64(UInt32(feature.token)) << 1 | block)
            } else {
                unknown.append(feature.hash & ~1 | block)
            }
        }
        guard !known.isEmpty else { return .empty }
        known.sort()
        var ids: [Int32] = []
        var values: [Float] = []
        var tokens: [Int32] = []
        ids.reserveCapacity(known.count)
        values.reserveCapacity(known.count)
        tokens.reserveCapacity(known.count)
        var squares = unknownSquares(&unknown)
        var index = 0
        while index < known.count {
            let id = known[index] >> 32
            var end = index + 1
            while end < known.count && known[end] >> 32 == id { end += 1 }
            let value = Self.logFrequency(end - index) * idf[Int(id)]
            ids.append(Int32(truncatingIfNeeded: id))
            values.append(value)
            tokens.append(Int32(truncatingIfNeeded: (known[index] >> 1) & 0x7FFF_FFFF))
            if known[index] & 1 == 0 { squares.words += value * value } else { squares.characters += value * value }
            index = end
        }
        let (wordScale, characterScale) = Self.scales(squares)
        var next = 0
        index = 0
        while index < known.count {
            let id = known[index] >> 32
            values[next] *= known[index] & 1 == 0 ? wordScale : characterScale
            next += 1
            while index < known.count && known[index] >> 32 == id { index += 1 }
        }
        return SparseVector(ids: ids, values: values, tokens: tokens)
    }

    /// `1 + ln tf`, from a table for the counts messages have.
    static func logFrequency(_ count: Int) -> Float {
        count < logFrequencies.count ? logFrequencies[count] : 1 + log(Float(count))
    }

    private static let logFrequencies: [Float] = (0..<16).map { $0 == 0 ? 0 : 1 + log(Float($0)) }

    /// The weight a feature no example has would get: the idf of a document frequency of zero.
    private var unknownIDF: Float { log(1 + Float(documentCount)) + 1 }

    /// The squared weight of the features no example has, per block (the block is the hash's low bit).
    private func unknownSquares(_ unknown: inout [UInt64]) -> (words: Float, characters: Float) {
        var squares: (words: Float, characters: Float) = (0, 0)
        guard !unknown.isEmpty else { return squares }
        unknown.sort()
        let idf = unknownIDF
        var index = 0
        while index < unknown.count {
            var end = index + 1
            while end < unknown.count && unknown[end] == unknown[index] { end += 1 }
            let value = Self.logFrequency(end - index) * idf
            if unknown[index] & 1 == 0 { squares.words += value * value } else { squares.characters += value * value }
            index = end
        }
        return squares
    }

    /// The factors that give each block its share of a unit length (with one block empty, the
    /// other takes the whole length).
    private static func scales(_ squares: (words: Float, characters: Float)) -> (words: Float, characters: Float) {
        let total = (squares.words > 0 ? wordShare : 0) + (squares.characters > 0 ? 1 - wordShare : 0)
        let words = squares.words > 0 ? (wordShare / total).squareRoot() / squares.words.squareRoot() : 0
        let characters =
            squares.characters > 0 ? ((1 - wordShare) / total).squareRoot() / squares.characters.squareRoot() : 0
        return (words, characters)
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
