/// Finds telephone numbers, national or international: "+1 800 555 0199", "(800) 555-0199",
/// "0800 123 456", "+44 (0)20 7946 0958", "800.555.0199".
///
/// A phone number has 7 to 15 digits (the E.164 maximum) in groups separated by a space, a
/// hyphen or a dot, with parentheses around a group allowed. Digits written without separators
/// count only from 10 digits on (7 after a `+`), so that order numbers and amounts stay numbers;
/// dotted groups need three groups or more, so that decimals stay numbers; and groups written as a
/// date ("2026-03-03", "03.03.2026", also an impossible one: "30.02.2026") or a range of years
/// ("2019-2026") are not phone numbers.
/// The value is the digits, after a `+` if one was written: `+18005550199`.
public struct PhoneExtractor: MessageExtractor {
    public let type = "phone"

    public init() {}

    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch] {
        let bytes = message.utf8
        var matches: [EntityMatch] = []
        var offset = 0
        while offset < bytes.count {
            guard PhoneScanner.mayStart(at: offset, in: bytes) else {
                offset += 1
                continue
            }
            let number = PhoneScanner(scanning: bytes, from: offset)
            if isPhoneNumber(number), !PhoneScanner.isGluedAfter(number.end, in: bytes) {
                matches.append(
                    message.match(type, value: value(of: bytes[offset..<number.end]), bytes: offset..<number.end))
            }
            offset = max(number.skipTo, offset + 1)
        }
        return matches
    }

    /// Whether a reading is a phone number here: digits written without separators count only
    /// from 10 digits on (7 after a `+`), so that order numbers and amounts stay numbers.
    private func isPhoneNumber(_ number: PhoneScanner) -> Bool {
        guard number.hasPhoneShape else { return false }
        return number.groupCount > 1 || number.digitCount >= (number.hasPlus ? 7 : 10)
    }

    /// The canonical value: the digits, after a `+` if one was written.
    private func value(of text: ArraySlice<UInt8>) -> String {
        let digits = text.filter(PhoneScanner.isDigit)
        return (text.contains(UInt8(ascii: "+")) ? "+" : "") + String(decoding: digits, as: UTF8.self)
    }
}
