/// While a bot loads: per distinct word of its examples, the ids of the word's own feature and of
/// its character 3-grams, so that a word seen again costs one look-up instead of hashing and
/// looking up each of its features.
///
/// A large bot's examples repeat a few thousand words hundreds of thousands of times; the
/// vocabulary itself (pairs included) is millions of features, whose table no cache holds, while
/// this one, keyed by the word's bytes, stays small.
struct WordFeatureCache {
    private var words = FeatureTable()
    /// Per entry: the word's unit hash (for pairs) and its ids, unigram first.
    private var units: [UInt64] = []
    private var starts: [Int32] = [0]
    private var ids: [Int32] = []

    /// The entry for a word's key (a hash of its kind and bytes), if the word was seen.
    func entry(for key: UInt64) -> Int? {
        words.id(for: key).map(Int.init)
    }

    func unit(_ entry: Int) -> UInt64 { units[entry] }

    /// The word's ids: its own feature, then its stem without a verb prefix if the language marks
    /// one, then its character n-grams.
    func ids(_ entry: Int) -> ArraySlice<Int32> { ids[Int(starts[entry])..<Int(starts[entry + 1])] }

    mutating func add(_ key: UInt64, unit: UInt64, ids wordIds: some Sequence<Int32>) {
        _ = words.insert(key)
        units.append(unit)
        ids.append(contentsOf: wordIds)
        starts.append(Int32(ids.count))
    }
}
