/// A hash map from 64-bit feature hashes to feature ids: open addressing with linear probing.
///
/// The keys are already well-mixed hashes, so the table uses their low bits directly and skips
/// the re-hashing a `Dictionary` does; key and id share a slot, so a look-up touches one cache
/// line. Vocabulary look-ups are the innermost loop of both loading and matching.
struct FeatureTable: Sendable {
    private struct Slot {
        var key: UInt64
        /// The id plus one; zero marks an empty slot.
        var value: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: size)
        mask = size - 1
    }

    func id(for key: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: key) & mask
            while true {
                let slot = slots[index]
                if slot.value == 0 { return nil }
                if slot.key == key { return slot.value - 1 }
                index = (index + 1) & mask
            }
        }
    }

    /// The key's id, adding it with the next free id when it is new.
    mutating func insert(_ key: UInt64) -> (id: Int32, inserted: Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = mask
        let next = Int32(count + 1)
        let (id, inserted) = slots.withUnsafeMutableBufferPointer { slots -> (Int32, Bool) in
            var index = Int(truncatingIfNeeded: key) & mask
            while slots[index].value != 0 {
                if slots[index].key == key { return (slots[index].value - 1, false) }
                index = (index + 1) & mask
            }
            slots[index] = Slot(key: key, value: next)
            return (next - 1, true)
        }
        if inserted { count += 1 }
        return (id, inserted)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.value != 0 {
            var index = Int(truncatingIfNeeded: slot.key) & mask
            while slots[index].value != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
