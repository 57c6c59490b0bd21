/// Reading Unicode scalars out of UTF-8 bytes, for scanners that work on bytes and look at a
/// neighbouring character only at the edges of what they find.
///
/// The bytes are a `String`'s (valid UTF-8) and indexed from 0: `[UInt8]`, or the buffer
/// `withContiguousStorageIfAvailable` lends without copying.
extension RandomAccessCollection<UInt8> where Index == Int {
    /// The scalar starting at byte `offset`, and its length in bytes.
    func scalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        offset >= 0 && offset < endIndex ? decodeScalar(at: offset) : nil
    }

    /// The scalar ending at byte `offset`.
    func scalar(before offset: Int) -> Unicode.Scalar? {
        guard offset > startIndex else { return nil }
        var start = offset - 1
        while start > startIndex && self[start] & 0xC0 == 0x80 { start -= 1 }
        return decodeScalar(at: start).scalar
    }

    /// Whether the scalar ending at byte `offset` is part of a word: a letter, a digit or `_`.
    func isWordScalar(before offset: Int) -> Bool {
        guard offset > startIndex else { return false }
        let byte = self[offset - 1]
        if byte < 0x80 { return Self.isASCIIWordByte(byte) }
        return scalar(before: offset).map(Self.isWordScalar) ?? false
    }

    /// Whether the scalar starting at byte `offset` is part of a word: a letter, a digit or `_`.
    func isWordScalar(at offset: Int) -> Bool {
        guard offset >= 0 && offset < endIndex else { return false }
        let byte = self[offset]
        if byte < 0x80 { return Self.isASCIIWordByte(byte) }
        return Self.isWordScalar(decodeScalar(at: offset).scalar)
    }

    /// Decodes one scalar of valid UTF-8.
    func decodeScalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(self[offset])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = lead & (0xFF >> (length + 1))
        for next in offset + 1..<Swift.min(offset + length, endIndex) {
            value = value << 6 | UInt32(self[next] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Letters, digits (of any script) and `_`: what glues a value to the word it touches.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || byte == UInt8(ascii: "_")
    }
}
