/// Sums per intent for the intents one message reaches: open addressing sized to the postings
/// the message touches, so its cost follows the message, not the bot.
struct IntentAccumulator {
    private var keys: [Int32]
    private var sums: [Float]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [Int32](repeating: -1, count: size)
        sums = [Float](repeating: 0, count: size)
        mask = size - 1
    }

    mutating func add(_ value: Float, to intent: Int32) {
        var index = Int(UInt32(bitPattern: intent) &* 0x9E37_79B1) & mask
        while keys[index] != intent {
            if keys[index] < 0 {
                keys[index] = intent
                break
            }
            index = (index + 1) & mask
        }
        sums[index] += value
    }

    /// Every intent reached, with its sum.
    var entries: [(intent: Int32, sum: Float)] {
        keys.indices.filter { keys[$0] >= 0 }.map { (keys[$0], sums[$0]) }
    }
}
