/// The bytes of a masked text, built only once something is masked: until then the masker has
/// allocated nothing, and a text with nothing to mask is returned as it came.
struct MaskedOutput {
    private var bytes: [UInt8] = []
    /// How far the input has been copied or replaced.
    private var copied = 0
    private var hasReplaced = false

    /// Copies the input up to `range`, then writes `replacement` in place of `range`.
    mutating func replace<Bytes: RandomAccessCollection<UInt8>>(
        _ range: Range<Int>, with replacement: StaticString, in input: Bytes
    ) where Bytes.Index == Int {
        if !hasReplaced {
            bytes.reserveCapacity(input.count + 32)
            hasReplaced = true
        }
        bytes.append(contentsOf: input[copied..<range.lowerBound])
        replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
        copied = range.upperBound
    }

    /// Appends more of a replacement after ``replace(_:with:in:)``.
    mutating func append(_ extra: [UInt8]) {
        bytes.append(contentsOf: extra)
    }

    /// The whole masked text, or `nil` when nothing was replaced.
    mutating func finish<Bytes: RandomAccessCollection<UInt8>>(copying input: Bytes) -> [UInt8]?
    where Bytes.Index == Int {
        guard hasReplaced else { return nil }
        bytes.append(contentsOf: input[copied..<input.count])
        return bytes
    }
}
