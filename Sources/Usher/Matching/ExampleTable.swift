/// The bot's examples in compiled form: where each was written, and their vectors for finding an
/// intent's closest example.
///
/// Bots with many examples per intent get an inverted index per intent (feature → the examples
/// that have it), so the closest example costs the postings of the message's features. Large bots
/// (thousands of intents, a few dozen examples each) keep the example vectors as they are: an
/// intent's closest example is then a scan of its few rows, and loading skips building an index
/// as large again as the vectors.
struct ExampleTable: Sendable {
    /// The intents as defined; examples are numbered through them in order. Kept (not copied) so
    /// that an example's text and origin cost nothing until a match names it.
    private let definitions: [IntentDefinition]
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
    /// For each entry of `features`, where its dense column starts in `columns`, or -1. A feature
    /// that many of an intent's examples share (a common word, a trigram of one) is also kept
    /// as a column of one value per example of the intent, zero where it is absent: the closest
    /// example then adds the column in one vectorised pass instead of a scattered add per
    /// posting, with the same sums in the same order (so the same result to the bit).
    private var columnStarts: [Int32] = []
    private var columns: [Float] = []
    /// How many features have a dense column (for tests and the load's accounting).
    var columnCount: Int { columnStarts.count { $0 >= 0 } }
    /// The example vectors themselves, when kept instead of the index (see ``keepRows(_:)``).
    private var rows: CompactRows?

    init(intents definitions: [IntentDefinition]) {
        self.definitions = definitions
        for (intent, definition) in definitions.enumerated() {
            intents.append(contentsOf: repeatElement(Int32(intent), count: definition.examples.count))
            intentStarts.append(Int32(intents.count))
        }
    }

    /// Example number `example`, as the author wrote it.
    func example(_ example: Int) -> Example {
        let intent = Int(intents[example])
        return definitions[intent].examples[example - Int(intentStarts[intent])]
    }

    /// Every example's text for the matcher to learn from (markers removed), in table order.
    /// (By index, so that no intent or example is copied on the way: a large bot has 200,000.)
    var learningTexts: [String] { learningTexts(EntityPlaceholders(entities: [:])) }

    /// The texts to learn from with the bot's regex entities as `placeholders` make them.
    func learningTexts(_ placeholders: EntityPlaceholders) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(intents.count)
        for intent in definitions.indices {
            for example in definitions[intent].examples.indices {
                texts.append(
                    placeholders.learningText(definitions[intent].examples[example].template) {
                        definitions[intent].slot(named: $0)?.entity
                    })
            }
        }
        return texts
    }

    /// Keeps the example vectors (row `i` is example `i`) instead of building an index.
    mutating func keepRows(_ table: consuming VectorTable) {
        rows = CompactRows(table)
    }

    /// Builds the per-intent inverted indexes from the examples' vectors (row `i` is example `i`),
    /// with dense columns where they pay (`columns` false: postings only, for tests to compare).
    mutating func index(_ table: VectorTable, columns: Bool = true) {
        // Entries sort by (feature id, position) packed into one integer: fast, and stable.
        var keys: [UInt64] = []
        var values: [(example: Int32, value: Float)] = []
        postingExamples.reserveCapacity(table.ids.count)
        postingValues.reserveCapacity(table.ids.count)
        for intent in 0..<intentCount {
            keys.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            for example in intentStarts[intent]..<intentStarts[intent + 1] {
                for index in table.range(of: Int(example)) {
                    keys.append(UInt64(UInt32(table.ids[index])) << 32 | UInt64(values.count))
                    values.append((example, table.values[index]))
                }
            }
            keys.sortIntegers()
            var previous: Int32 = -1
            for key in keys {
                let id = Int32(truncatingIfNeeded: key >> 32)
                if id != previous {
                    if previous >= 0 { postingStarts.append(Int32(postingExamples.count)) }
                    features.append(id)
                    previous = id
                }
                let entry = values[Int(key & 0xFFFF_FFFF)]
                postingExamples.append(entry.example)
                postingValues.append(entry.value)
            }
            if previous >= 0 { postingStarts.append(Int32(postingExamples.count)) }
            featureStarts.append(Int32(features.count))
            addColumns(of: intent, wanted: columns)
        }
    }

    /// Whether a feature with `postings` of an intent's `examples` is worth a dense column: a
    /// posting costs a scattered add (about seven instructions), a column entry a fraction of a
    /// vector instruction, so a column pays from about one example in eight; one in four keeps a
    /// column within twice the postings' memory. Intents of few examples keep postings only.
    static func wantsColumn(postings: Int, examples: Int) -> Bool {
        examples >= 32 && postings * 4 >= examples
    }

    private mutating func addColumns(of intent: Int, wanted: Bool) {
        let first = Int(intentStarts[intent])
        let count = Int(intentStarts[intent + 1]) - first
        for entry in Int(featureStarts[intent])..<Int(featureStarts[intent + 1]) {
            let postings = Int(postingStarts[entry])..<Int(postingStarts[entry + 1])
            guard wanted, Self.wantsColumn(postings: postings.count, examples: count) else {
                columnStarts.append(-1)
                continue
            }
            columnStarts.append(Int32(columns.count))
            let start = columns.count
            columns.append(contentsOf: repeatElement(0, count: count))
            for posting in postings {
                columns[start + Int(postingExamples[posting]) - first] = postingValues[posting]
            }
        }
    }

    var intentCount: Int { intentStarts.count - 1 }

    /// The numbers of `intent`'s examples.
    func examples(of intent: Int) -> Range<Int> { Int(intentStarts[intent])..<Int(intentStarts[intent + 1]) }

    /// Each feature of `intent` with its total weight over the intent's examples, in id order.
    /// `scratch` must hold a zero for every feature id, and does again on return.
    func featureMasses(of intent: Int, scratch: inout [Float]) -> [(id: Int32, mass: Float)] {
        guard let rows else { return featureMasses(of: intent) }
        let examples = Int(intentStarts[intent])..<Int(intentStarts[intent + 1])
        let entries = Int(rows.offsets[examples.upperBound] - rows.offsets[examples.lowerBound])
        // At most one touched feature per entry: room made once, written through pointers (a
        // growing append and checked subscripts per entry were most of a large bot's build).
        var touched = [UInt64](repeating: 0, count: entries)
        var count = 0
        scratch.withUnsafeMutableBufferPointer { scratch in
            touched.withUnsafeMutableBufferPointer { touched in
                rows.ids.withUnsafeBufferPointer { ids in
                    rows.values.withUnsafeBufferPointer { values in
                        for index in Int(rows.offsets[examples.lowerBound])..<Int(rows.offsets[examples.upperBound]) {
                            let id = Int(ids[index])
                            if scratch[id] == 0 {
                                touched[count] = UInt64(id)
                                count += 1
                            }
                            scratch[id] += values[index].float
                        }
                    }
                }
            }
        }
        touched.removeLast(entries - count)
        touched.sortIntegers()
        return scratch.withUnsafeMutableBufferPointer { scratch in
            touched.map { id in
                defer { scratch[Int(id)] = 0 }
                return (Int32(truncatingIfNeeded: id), scratch[Int(id)])
            }
        }
    }

    /// How many (intent, feature) pairs there are: the length of all intents' feature lists
    /// together, to size them before they are built.
    func distinctFeatureCount() -> Int {
        guard let rows else { return features.count }
        var lastIntent = [Int32](repeating: -1, count: (rows.ids.max().map { Int($0) } ?? -1) + 1)
        var count = 0
        for example in 0..<rows.count {
            let intent = intents[example]
            for index in rows.range(of: example) where lastIntent[Int(rows.ids[index])] != intent {
                lastIntent[Int(rows.ids[index])] = intent
                count += 1
            }
        }
        return count
    }

    private func featureMasses(of intent: Int) -> [(id: Int32, mass: Float)] {
        (Int(featureStarts[intent])..<Int(featureStarts[intent + 1])).map { entry in
            let postings = Int(postingStarts[entry])..<Int(postingStarts[entry + 1])
            return (features[entry], postings.reduce(Float(0)) { $0 + postingValues[$1] })
        }
    }

    /// The example of `intent` closest to `vector`, by cosine; ties go to the earlier example.
    func nearest(to vector: SparseVector, in intent: Int) -> (example: Int?, similarity: Float) {
        let first = Int(intentStarts[intent])
        let count = Int(intentStarts[intent + 1]) - first
        guard count > 0 else { return (nil, 0) }
        if let rows { return Self.nearest(to: vector, among: first..<(first + count), of: rows) }
        let range = Int(featureStarts[intent])..<Int(featureStarts[intent + 1])
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { similarities in
            similarities.initialize(repeating: 0)
            features.withUnsafeBufferPointer { features in
                postingStarts.withUnsafeBufferPointer { starts in
                    postingExamples.withUnsafeBufferPointer { examples in
                        postingValues.withUnsafeBufferPointer { values in
                            columnStarts.withUnsafeBufferPointer { columnStarts in
                                columns.withUnsafeBufferPointer { columns in
                                    var low = range.lowerBound
                                    for (id, value) in zip(vector.ids, vector.values) {
                                        // Query ids ascend, so each search starts where the last one ended.
                                        var length = range.upperBound - low
                                        while length > 0 {
                                            let half = length / 2
                                            if features[low + half] < id {
                                                low += half + 1
                                                length -= half + 1
                                            } else {
                                                length = half
                                            }
                                        }
                                        guard low < range.upperBound else { break }
                                        guard features[low] == id else { continue }
                                        let column = Int(columnStarts[low])
                                        if column >= 0 {
                                            let values = columns.baseAddress! + column
                                            for example in 0..<count {
                                                similarities[example] += value * values[example]
                                            }
                                            continue
                                        }
                                        for posting in Int(starts[low])..<Int(starts[low + 1]) {
                                            similarities[Int(examples[posting]) - first] += value * values[posting]
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            var best = 0
            for index in 1..<count where similarities[index] > similarities[best] { best = index }
            return (first + best, similarities[best])
        }
    }
}

extension ExampleTable {
    /// How many examples of an intent ``typicalSimilarities(_:)`` looks at, at most: enough for
    /// a mean, and a bound on the load time of an intent taught by thousands.
    static let typicalSample = 200

    /// For each intent, the mean cosine between one of its examples and the closest other example
    /// of the same intent (over its first ``typicalSample`` examples): how tightly its examples
    /// sit together. `nil` for an intent of fewer than two examples. `rows` are the example
    /// vectors the index was built from.
    func typicalSimilarities(_ rows: VectorTable) -> [Float?] {
        // Feature id → its entry in the intent's list, filled for one intent at a time.
        var entryOf = [Int32](repeating: 0, count: (features.max().map { Int($0) } ?? -1) + 1)
        return (0..<intentCount).map { intent -> Float? in
            let first = Int(intentStarts[intent])
            let count = Int(intentStarts[intent + 1]) - first
            guard count > 1 else { return nil }
            for entry in Int(featureStarts[intent])..<Int(featureStarts[intent + 1]) {
                entryOf[Int(features[entry])] = Int32(entry)
            }
            let sampled = min(count, Self.typicalSample)
            let sum = withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { similarities in
                entryOf.withUnsafeBufferPointer { entryOf in
                    postingStarts.withUnsafeBufferPointer { starts in
                        postingExamples.withUnsafeBufferPointer { examples in
                            postingValues.withUnsafeBufferPointer { values in
                                (first..<(first + sampled)).reduce(Float(0)) { sum, example in
                                    similarities.initialize(repeating: 0)
                                    // Every feature of an example is one of its intent's.
                                    for index in rows.range(of: example) {
                                        let entry = Int(entryOf[Int(rows.ids[index])])
                                        let value = rows.values[index]
                                        for posting in Int(starts[entry])..<Int(starts[entry + 1]) {
                                            similarities[Int(examples[posting]) - first] += value * values[posting]
                                        }
                                    }
                                    similarities[example - first] = 0
                                    return sum + (similarities.max() ?? 0)
                                }
                            }
                        }
                    }
                }
            }
            return sum / Float(sampled)
        }
    }
}

extension ExampleTable {
    /// The closest of `examples` by scanning their rows, with the message's features in a small
    /// open-addressing table (the message's, so its size follows the message).
    fileprivate static func nearest(
        to vector: SparseVector, among examples: Range<Int>, of rows: CompactRows
    ) -> (example: Int?, similarity: Float) {
        var size = 16
        while size < vector.ids.count * 2 { size <<= 1 }
        let mask = size - 1
        var keys = [Int32](repeating: -1, count: size)
        var values = [Float](repeating: 0, count: size)
        for (id, value) in zip(vector.ids, vector.values) {
            var slot = Int(UInt32(bitPattern: id) &* 0x9E37_79B1) & mask
            while keys[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = id
            values[slot] = value
        }
        var best = (example: examples.lowerBound, similarity: Float(-1))
        for example in examples {
            var sum: Float = 0
            for index in rows.range(of: example) {
                let id = rows.ids[index]
                var slot = Int(UInt32(bitPattern: id) &* 0x9E37_79B1) & mask
                while keys[slot] >= 0 {
                    if keys[slot] == id {
                        sum += values[slot] * rows.value(at: index)
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
            if sum > best.similarity { best = (example, sum) }
        }
        return (best.example, max(best.similarity, 0))
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
