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

    /// Makes room for `entries` more entries and `rows` more rows, so that a large bot's table is
    /// not grown (and copied) by doubling.
    mutating func reserve(entries: Int, rows: Int) {
        ids.reserveCapacity(ids.count + entries)
        values.reserveCapacity(values.count + entries)
        offsets.reserveCapacity(offsets.count + rows)
    }

    /// Appends a row given as its ids and values.
    mutating func append(ids rowIds: ArraySlice<Int32>, values rowValues: ArraySlice<Float>) {
        ids.append(contentsOf: rowIds)
        values.append(contentsOf: rowValues)
        offsets.append(Int32(ids.count))
    }

    mutating func append(_ vector: SparseVector) {
        ids.append(contentsOf: vector.ids)
        values.append(contentsOf: vector.values)
        offsets.append(Int32(ids.count))
    }

    /// Rewrites every row's values in place (no copy of the table, nor of a row: an `inout`
    /// array slice per row was copied out and back), given the row's ids.
    mutating func updateRows(
        _ transform: (_ ids: UnsafeBufferPointer<Int32>, _ values: UnsafeMutableBufferPointer<Float>) -> Void
    ) {
        let offsets = offsets
        ids.withUnsafeBufferPointer { ids in
            values.withUnsafeMutableBufferPointer { values in
                for row in 0..<(offsets.count - 1) {
                    let range = Int(offsets[row])..<Int(offsets[row + 1])
                    transform(
                        UnsafeBufferPointer(rebasing: ids[range]), UnsafeMutableBufferPointer(rebasing: values[range]))
                }
            }
        }
    }

    /// Row `row` as a vector sorted by id (without token positions), for code that takes single
    /// vectors. Rows themselves keep their features in order of first appearance.
    func vector(_ row: Int) -> SparseVector {
        let entries = range(of: row).map { (id: ids[$0], value: values[$0]) }.sorted { $0.id < $1.id }
        return SparseVector(ids: entries.map(\.id), values: entries.map(\.value), tokens: [])
    }
}
