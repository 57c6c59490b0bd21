/// Many sparse vectors stored back to back (compressed sparse rows): the bot's example vectors.
///
/// Three flat arrays instead of an array of vectors keep a 200,000-example bot to a handful of
/// allocations, and its rows next to each other in memory for training passes.
struct VectorTable: Sendable {
    private(set) var offsets: [Int32] = [0]
    private(set) var ids: [Int32] = []
    private(set) var values: [Float] = []

    var count: Int { offsets.count - 1 }

    /// The bounds of row `row` within ``ids`` and ``values``.
    func range(of row: Int) -> Range<Int> { Int(offsets[row])..<Int(offsets[row + 1]) }

    /// Appends a row that `fill` writes straight into the table's arrays.
    mutating func appendRow(_ fill: (_ ids: inout [Int32], _ values: inout [Float]) -> Void) {
        fill(&ids, &values)
        offsets.append(Int32(ids.count))
    }

    mutating func append(_ vector: SparseVector) {
        ids.append(contentsOf: vector.ids)
        values.append(contentsOf: vector.values)
        offsets.append(Int32(ids.count))
    }

    /// A table with the same rows whose values `transform` rewrites in place, row by row.
    func mapRows(_ transform: (_ ids: [Int32], _ values: inout [Float], _ range: Range<Int>) -> Void) -> VectorTable {
        var result = self
        for row in 0..<count { transform(ids, &result.values, range(of: row)) }
        return result
    }

    /// Row `row` as a vector (without token positions), for code that takes single vectors.
    func vector(_ row: Int) -> SparseVector {
        let range = range(of: row)
        return SparseVector(ids: Array(ids[range]), values: Array(values[range]), tokens: [])
    }
}
