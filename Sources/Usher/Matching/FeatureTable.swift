/// A hash map from 64-bit feature hashes to feature ids: open addressing with linear probing.
///
/// The keys are already well-mixed hashes, so the table uses their low bits directly and skips
/// the re-hashing a `Dictionary` does; vocabulary look-ups are the matcher's innermost loop.
struct FeatureTable: Sendable {
    private var keys: [UInt64]
    /// The id plus one; zero marks an empty slot.
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    func id(for key: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let value = values[slot]
            if value == 0 { return nil }
            if keys[slot] == key { return value - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The key's id, adding it with the next free id when it is new.
    mutating func insert(_ key: UInt64) -> (id: Int32, inserted: Bool) {
        if (count + 1) * 2 > values.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] != 0 {
            if keys[slot] == key { return (values[slot] - 1, false) }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = Int32(count + 1)
        count += 1
        return (Int32(count - 1), true)
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where value != 0 {
            var slot = Int(truncatingIfNeeded: key) & mask
            while values[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
