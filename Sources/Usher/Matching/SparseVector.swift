/// A unit-length TF-IDF vector over the bot's feature ids, sorted by id.
struct SparseVector: Sendable {
    var ids: [Int32]
    var values: [Float]
    /// For each entry, the message token that produced it (for explanations).
    var tokens: [Int32]
    /// The share of the message's word weight (words and word pairs, squared) that the bot's
    /// examples have: 1 when every word is known, less the more of it the bot never saw.
    var wordCoverage: Float = 1

    static let empty = SparseVector(ids: [], values: [], tokens: [])

    var isEmpty: Bool { ids.isEmpty }

    /// The dot product with another sorted vector: cosine similarity, as both have unit length.
    func dot(_ other: SparseVector) -> Float {
        var sum: Float = 0
        var i = 0
        var j = 0
        while i < ids.count && j < other.ids.count {
            let a = ids[i]
            let b = other.ids[j]
            if a == b {
                sum += values[i] * other.values[j]
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
