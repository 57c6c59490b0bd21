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

    private let extractor: FeatureExtractor

    /// A vectorizer for a bot in `language`, whose words its stemmer brings to one key.
    init(language: String = "en") {
        extractor = FeatureExtractor(language: language)
    }
    private(set) var ids = FeatureTable()
    private(set) var idf: [Float] = []
    private(set) var documentCount = 0

    var featureCount: Int { idf.count }

    /// The key of token `token`'s word as the word features see it (stemmed; every number is one
    /// word), to tell two spellings of one word alike.
    func wordKey(_ text: NormalizedText, token: Int) -> UInt64 {
        var buffer: [UInt8] = []
        return extractor.wordHash(text.tokens[token], text.utf8[text.tokens[token].range], &buffer)
    }

    /// Learns the vocabulary and document frequencies from `texts` and returns their vectors.
    /// Ids are given in order of first appearance, so the same bot always gets the same ids.
    /// `bytes`, the texts' length if known, sizes the table up front.
    /// `reading` sees each text's normalised form with its row, for what else is learnt from
    /// the examples at load (the negations they teach) without normalising them twice.
    mutating func fit(
        _ texts: some Sequence<String>, bytes: Int = 0,
        reading: (_ row: Int, _ text: NormalizedText) -> Void = { _, _ in }
    ) -> VectorTable {
        var documentFrequency: [Int32] = []
        var counts = VectorTable()
        // A word of n letters gives n 3-grams, itself and a pair: about one feature per byte
        // plus a few per word; repeats make the real count a little lower.
        counts.reserve(entries: bytes + bytes / 5, rows: 0)
        var featureBlocks: [UInt8] = []
        // Per feature id, the last row that had it and where in that row: repeats are counted
        // without sorting. A row's features stay in order of first appearance.
        var lastRow: [Int32] = []
        var slot: [Int32] = []
        var row: Int32 = 0
        var rowIds: [Int32] = []
        var rowUnique: [Int32] = []
        var rowCounts: [Float] = []
        var scratch = FitScratch()
        for text in texts {
            rowIds.removeAll(keepingCapacity: true)
            let normalized = TextNormalizer.normalize(text)
            reading(Int(row), normalized)
            featureIds(of: normalized, into: &rowIds, scratch: &scratch) { block in
                documentFrequency.append(0)
                featureBlocks.append(block.rawValue)
                lastRow.append(-1)
                slot.append(0)
            }
            // Room for every feature of the row, written through pointers: a growing append
            // per entry checked its array's uniqueness each time (62 million checks for a
            // 200,000-example bot).
            if rowUnique.count < rowIds.count {
                rowUnique = [Int32](repeating: 0, count: rowIds.count * 2)
                rowCounts = [Float](repeating: 0, count: rowIds.count * 2)
            }
            var unique = 0
            lastRow.withUnsafeMutableBufferPointer { lastRow in
                slot.withUnsafeMutableBufferPointer { slot in
                    documentFrequency.withUnsafeMutableBufferPointer { documentFrequency in
                        rowUnique.withUnsafeMutableBufferPointer { rowUnique in
                            rowCounts.withUnsafeMutableBufferPointer { rowCounts in
                                for id in rowIds {
                                    let index = Int(id)
                                    if lastRow[index] == row {
                                        rowCounts[Int(slot[index])] += 1
                                        continue
                                    }
                                    lastRow[index] = row
                                    slot[index] = Int32(unique)
                                    rowUnique[unique] = id
                                    rowCounts[unique] = 1
                                    unique += 1
                                    documentFrequency[index] += 1
                                }
                            }
                        }
                    }
                }
            }
            counts.append(ids: rowUnique[..<unique], values: rowCounts[..<unique])
            row += 1
        }
        documentCount = counts.count
        let documents = Float(counts.count)
        idf = documentFrequency.map { log((1 + documents) / (1 + Float($0))) + 1 }
        idf.withUnsafeBufferPointer { idf in
            featureBlocks.withUnsafeBufferPointer { featureBlocks in
                counts.updateRows { ids, values in
                    var squares: (words: Float, characters: Float) = (0, 0)
                    for index in values.indices {
                        // Counts are whole numbers: 1 + ln tf from the table, as for messages.
                        let value = Self.logFrequency(Int(values[index])) * idf[Int(ids[index])]
                        values[index] = value
                        if featureBlocks[Int(ids[index])] == 0 {
                            squares.words += value * value
                        } else {
                            squares.characters += value * value
                        }
                    }
                    let (wordScale, characterScale) = Self.scales(squares)
                    for index in values.indices {
                        values[index] *= featureBlocks[Int(ids[index])] == 0 ? wordScale : characterScale
                    }
                }
            }
        }
        return counts
    }

    /// What ``featureIds(of:into:scratch:added:)`` reuses from one example to the next.
    private struct FitScratch {
        var words = WordFeatureCache()
        var features: [FeatureExtractor.RawFeature] = []
        var stem: [UInt8] = []
    }

    /// The ids of `text`'s features in the order ``FeatureExtractor`` gives them (so ids are
    /// given in the same order of first appearance), adding new ones; `added` is told each new
    /// feature's block. Words come from the cache once seen; text with characters of unspaced
    /// scripts goes through the extractor.
    private mutating func featureIds(
        of text: NormalizedText, into rowIds: inout [Int32], scratch: inout FitScratch,
        added: (FeatureExtractor.Block) -> Void
    ) {
        func insert(_ hash: UInt64, _ block: FeatureExtractor.Block) -> Int32 {
            let (id, inserted) = ids.insert(hash)
            if inserted { added(block) }
            return id
        }
        if text.tokens.contains(where: { $0.kind == .character }) {
            scratch.features.removeAll(keepingCapacity: true)
            extractor.extract(text, into: &scratch.features)
            for feature in scratch.features { rowIds.append(insert(feature.hash, feature.block)) }
            return
        }
        var previous: UInt64?
        for token in text.tokens {
            let bytes = text.utf8[token.range]
            let key = Hasher64.tagged(Hasher64.hash(bytes), tag: 16 + token.kind.rawValue)
            let entry = scratch.words.entry(for: key)
            let computed = entry == nil ? extractor.wordHashes(token, bytes, &scratch.stem) : nil
            let unit = entry.map(scratch.words.unit) ?? computed?.unit ?? 0
            let unigram =
                entry.map { scratch.words.ids($0)[scratch.words.ids($0).startIndex] }
                ?? insert(Hasher64.tagged(unit, tag: 1), .words)
            rowIds.append(unigram)
            if previous == nil && extractor.marksFirstWord {
                rowIds.append(insert(FeatureExtractor.firstWordHash(unit), .words))
            }
            if let previous { rowIds.append(insert(Hasher64.pair(previous, unit), .words)) }
            previous = unit
            if let entry {
                rowIds.append(contentsOf: scratch.words.ids(entry).dropFirst())
                continue
            }
            let start = rowIds.count
            if let prefixless = computed?.prefixless {
                rowIds.append(insert(prefixless, .words))
            }
            scratch.features.removeAll(keepingCapacity: true)
            if token.kind == .word { extractor.appendCharacterGrams(bytes, token: 0, to: &scratch.features) }
            for feature in scratch.features { rowIds.append(insert(feature.hash, .characters)) }
            scratch.words.add(key, unit: unit, ids: CollectionOfOne(unigram).lazy + rowIds[start...])
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
        known.sortIntegers()
        var ids: [Int32] = []
        var values: [Float] = []
        var tokens: [Int32] = []
        ids.reserveCapacity(known.count)
        values.reserveCapacity(known.count)
        tokens.reserveCapacity(known.count)
        var squares = unknownSquares(&unknown)
        let unknownWords = squares.words
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
        let coverage = squares.words > 0 ? (squares.words - unknownWords) / squares.words : 0
        return SparseVector(ids: ids, values: values, tokens: tokens, wordCoverage: coverage)
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
        unknown.sortIntegers()
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

}
