/// Finds the e-mail address around an `@` in UTF-8 bytes, for ``EmailExtractor`` (entities) and
/// ``PIIMasker`` (logs), so that both agree on what an address is.
///
/// The local part has letters, digits, `.`, `_`, `%`, `+` and `-`; the domain is dotted labels of
/// letters, digits and inner hyphens ending in a top-level domain of two letters or more. An
/// address glued to a non-ASCII letter is part of a longer word and not an address (unless the
/// letter is of a script written without spaces, such as Chinese). Scanning
/// allocates nothing, and stops at the previous `@` or match, so a whole text is read in linear time.
enum EmailScanner {
    /// The address whose `@` is at byte `at`, if the characters around it make one, starting no
    /// earlier than `limit`.
    static func address<Bytes: RandomAccessCollection<UInt8>>(around at: Int, in bytes: Bytes, notBefore limit: Int)
        -> Range<Int>? where Bytes.Index == Int
    {
        var start = at
        while start > limit && isLocalCharacter(bytes[start - 1]) { start -= 1 }
        while start < at && bytes[start] == UInt8(ascii: ".") { start += 1 }
        var end = at + 1
        while end < bytes.count && isDomainCharacter(bytes[end]) { end += 1 }
        while end > at + 1 && (bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-")) {
            end -= 1
        }
        guard start < at, bytes[at - 1] != UInt8(ascii: "."), isDomain(bytes, at + 1..<end),
            !isNonASCIILetter(bytes.scalar(before: start)), !isNonASCIILetter(bytes.scalar(at: end)?.scalar)
        else { return nil }
        return start..<end
    }

    /// Dotted labels of letters, digits and inner hyphens, the last one two letters or more.
    private static func isDomain<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>) -> Bool
    where Bytes.Index == Int {
        var labels = 0
        var labelStart = range.lowerBound
        var labelIsLetters = true
        for offset in range.lowerBound...range.upperBound {
            guard offset == range.upperBound || bytes[offset] == UInt8(ascii: ".") else {
                labelIsLetters = labelIsLetters && isASCIILetter(bytes[offset])
                continue
            }
            guard offset > labelStart, bytes[labelStart] != UInt8(ascii: "-"), bytes[offset - 1] != UInt8(ascii: "-")
            else { return false }
            if offset == range.upperBound { return labels >= 1 && labelIsLetters && offset - labelStart >= 2 }
            labels += 1
            labelStart = offset + 1
            labelIsLetters = true
        }
        return false
    }

    /// Whether a scalar next to an address would make it part of a longer word (non-ASCII letters).
    /// Scripts written without spaces (Han, kana, Thai …) never make words with Latin letters:
    /// "email是wang@example.com.tw" holds an address.
    private static func isNonASCIILetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.value >= 0x80, !UnspacedScript.contains(scalar) else { return false }
        return scalar.properties.isAlphabetic
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isDomainCharacter(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "-")
    }

    private static func isLocalCharacter(_ byte: UInt8) -> Bool {
        isDomainCharacter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+")
    }
}
