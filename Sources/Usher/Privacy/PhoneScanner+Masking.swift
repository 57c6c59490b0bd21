/// The rule ``PIIMasker`` applies to a phone reading, stricter than ``PhoneExtractor``'s about
/// bare digits and money because a masked order number or amount makes a log useless.
extension PhoneScanner {
    /// Whether the number read from `start` is to be masked as a phone number: the phone shape
    /// (7 to 15 digits, not a date or range of years), and either a `+` or at least two groups,
    /// and not an amount of money ("$1 234 567", "1.234.567") or the tail of an identifier ("RE-2026-001234").
    func isMaskedPhone<Bytes: RandomAccessCollection<UInt8>>(from start: Int, in bytes: Bytes) -> Bool
    where Bytes.Index == Int {
        guard hasPhoneShape, hasPlus || groupCount > 1, !PhoneScanner.isGluedAfter(end, in: bytes),
            !isIdentifierTail(from: start, in: bytes)
        else { return false }
        if !hasPlus && !hasParentheses && hasDot && firstGroupDigits <= 3 && laterGroupsHaveThreeDigits {
            return false  // thousands: "1.234.567"
        }
        return !isCurrency(bytes.scalar(before: start), orAfterSpace: bytes.scalar(before: start - 1))
            && !isCurrency(bytes.scalar(at: end)?.scalar, orAfterSpace: bytes.scalar(at: end + 1)?.scalar)
    }

    /// Whether `scalar` is a currency sign, or a space next to `beyond`, one.
    private func isCurrency(_ scalar: Unicode.Scalar?, orAfterSpace beyond: @autoclosure () -> Unicode.Scalar?) -> Bool
    {
        guard let scalar else { return false }
        if scalar.properties.generalCategory == .currencySymbol { return true }
        guard scalar == " ", let beyond = beyond() else { return false }
        return beyond.properties.generalCategory == .currencySymbol
    }

    /// Whether the number follows a word and a `-`, `.` or `/`, as the digits of "RE-2026-001234" do.
    private func isIdentifierTail<Bytes: RandomAccessCollection<UInt8>>(from start: Int, in bytes: Bytes) -> Bool
    where Bytes.Index == Int {
        guard start >= 2, "-./".utf8.contains(bytes[start - 1]) else { return false }
        return bytes.isWordScalar(before: start - 1)
    }
}
