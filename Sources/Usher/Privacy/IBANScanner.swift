/// Finds international bank account numbers (ISO 13616) for ``PIIMasker``: two letters, two
/// check digits and 11 to 30 letters or digits, written solid ("DE89370400440532013000") or in
/// groups of four separated by single spaces ("DE89 3704 0044 0532 0130 00"), that pass the
/// mod-97 check.
///
/// Letters may be lower case, as customers type them. The country code is not checked against
/// the registry, so that a country added to it later is masked too; the check digits already
/// leave one chance in 97 for a random string. In groups, the number may end at any group, and
/// the longest reading that passes wins, so a word of four letters after an IBAN is not taken for
/// its last group. Reading stops after 34 characters.
enum IBANScanner {
    /// The end of the IBAN starting at byte `start`, or `nil` when none starts there.
    static func iban<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at start: Int) -> Int?
    where Bytes.Index == Int {
        guard start + 4 < bytes.count, isLetter(bytes[start]), isLetter(bytes[start + 1]),
            PhoneScanner.isDigit(bytes[start + 2]), PhoneScanner.isDigit(bytes[start + 3]),
            !bytes.isWordScalar(before: start)
        else { return nil }
        let grouped = bytes[start + 4] == UInt8(ascii: " ")
        var remainder = 0  // of the characters after the check digits, read as one number
        var length = 4
        var position = start + 4
        var best: Int?
        while length < 34 {
            if grouped {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: " ") else { break }
                position += 1
            }
            let groupStart = position
            while position < bytes.count, length < 34, grouped ? position - groupStart < 4 : true,
                let value = value(of: bytes[position])
            {
                remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97
                length += 1
                position += 1
            }
            let groupLength = position - groupStart
            guard groupLength > 0, !bytes.isWordScalar(at: position) else { break }
            if length >= 15 && checksum(remainder, country: bytes, at: start) == 1 { best = position }
            guard grouped && groupLength == 4 else { break }
        }
        return best
    }

    /// Whether an IBAN may start with `byte`: an ASCII letter.
    static func isStart(_ byte: UInt8) -> Bool {
        isLetter(byte)
    }

    /// The remainder modulo 97 of the rearranged IBAN: the rest, then the country code and check digits.
    private static func checksum<Bytes: RandomAccessCollection<UInt8>>(_ rest: Int, country bytes: Bytes, at start: Int)
        -> Int where Bytes.Index == Int
    {
        var remainder = rest
        for offset in start..<start + 4 {
            let value = value(of: bytes[offset]) ?? 0
            remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97
        }
        return remainder
    }

    /// A digit's value, or a letter's (A = 10 … Z = 35, either case).
    private static func value(of byte: UInt8) -> Int? {
        if PhoneScanner.isDigit(byte) { return Int(byte - UInt8(ascii: "0")) }
        guard isLetter(byte) else { return nil }
        return Int((byte | 0x20) - UInt8(ascii: "a")) + 10
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
