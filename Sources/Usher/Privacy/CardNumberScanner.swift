/// Finds payment card numbers for ``PIIMasker``: 13 to 19 digits, in groups separated by a single
/// space or hyphen, that pass the Luhn check.
///
/// A number may start at any group not glued to a word or number before it, and end at any group
/// boundary: "4111 1111 1111 1111 123" is a card followed by a security code, and the longest
/// Luhn-valid reading wins. Digits written with no separator count only as one whole run, so a
/// card is never cut out of a longer number. Reading stops after 19 digits, so one attempt costs
/// a bounded number of bytes whatever follows.
enum CardNumberScanner {
    /// The end of the card number starting at byte `start`, or `nil` when none starts there.
    static func card<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at start: Int) -> Int?
    where Bytes.Index == Int {
        guard !isGluedBefore(start, in: bytes) else { return nil }
        // Luhn sums for both parities of the last digit: doubling runs from the right, so
        // whichever digit turns out to be last, the sum whose doubling matches is the one to check.
        var sums = (even: 0, odd: 0)
        var digits = 0
        var position = start
        var best: Int?
        var afterDigit = false
        while true {
            let byte = position < bytes.count ? bytes[position] : nil
            if let byte, PhoneScanner.isDigit(byte) {
                let digit = Int(byte - UInt8(ascii: "0"))
                sums = (even: sums.odd + digit, odd: sums.even + (digit > 4 ? digit * 2 - 9 : digit * 2))
                digits += 1
                guard digits <= 19 else { return best }
                position += 1
                afterDigit = true
                continue
            }
            // A group ends here, unless two separators or a separator and no digit came in a row.
            guard afterDigit else { return best }
            if digits >= 13 && sums.even % 10 == 0 && !isGluedAfter(position, in: bytes) { best = position }
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") else { return best }
            position += 1
            afterDigit = false
        }
    }

    /// The last four digits of the card number ending at byte `end`.
    static func lastFour<Bytes: RandomAccessCollection<UInt8>>(before end: Int, in bytes: Bytes) -> [UInt8]
    where Bytes.Index == Int {
        var digits: [UInt8] = []
        var position = end
        while digits.count < 4 && position > 0 {
            position -= 1
            if PhoneScanner.isDigit(bytes[position]) { digits.append(bytes[position]) }
        }
        return digits.reversed()
    }

    /// Whether a number starting at `offset` would continue something before it: a word, a `+`
    /// (an international phone number), or digits joined by `.`, `,`, `:` or `/`. Digits before a
    /// space or hyphen do not glue, so a card can follow another number.
    private static func isGluedBefore<Bytes: RandomAccessCollection<UInt8>>(_ offset: Int, in bytes: Bytes) -> Bool
    where Bytes.Index == Int {
        guard offset > 0 else { return false }
        if bytes.isWordScalar(before: offset) || bytes[offset - 1] == UInt8(ascii: "+") { return true }
        guard offset >= 2, ".,:/".utf8.contains(bytes[offset - 1]) else { return false }
        return bytes.scalar(before: offset - 1)?.properties.numericType != nil
    }

    /// Whether a number ending at `offset` would continue into something after it: a word, or
    /// digits joined by `.`, `,`, `:` or `/` ("4111111111111111.50").
    private static func isGluedAfter<Bytes: RandomAccessCollection<UInt8>>(_ offset: Int, in bytes: Bytes) -> Bool
    where Bytes.Index == Int {
        if bytes.isWordScalar(at: offset) { return true }
        guard offset + 1 < bytes.count, ".,:/".utf8.contains(bytes[offset]) else { return false }
        return bytes.scalar(at: offset + 1)?.scalar.properties.numericType != nil
    }
}
