/// Masks the personal data in a customer's message before it is logged: payment card numbers,
/// e-mail addresses, telephone numbers and IBANs, by the rules in docs/privacy.md.
///
/// It runs on every logged message, so it reads UTF-8 bytes once, left to right, with no regular
/// expressions: time is linear in the length of any text, and a text with no digit and no `@`
/// (most chat) comes back as it is without a copy.
///
/// ```swift
/// let masker = PIIMasker()
/// masker.mask("Card 4111 1111 1111 1111, mail ann@example.com")
/// // "Card **** **** **** 1111, mail [email]"
/// ```
public struct PIIMasker: Sendable {
    public init() {}

    /// The text with every card number, e-mail address, phone number and IBAN replaced.
    public func mask(_ text: String) -> String {
        let masked = text.utf8.withContiguousStorageIfAvailable(Self.masked) ?? Self.masked(Array(text.utf8))
        guard let masked else { return text }
        return String(decoding: masked, as: UTF8.self)
    }

    /// The masked bytes, or `nil` when there is nothing to mask.
    ///
    /// Each kind is tried at each place it may start, in the order e-mail, IBAN, card, phone, and
    /// the first that matches is replaced; every attempt but the e-mail and phone ones reads a
    /// bounded number of bytes, and those two never read the same run twice.
    static func masked<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> [UInt8]? where Bytes.Index == Int {
        guard let first = bytes.firstIndex(where: { PhoneScanner.isDigit($0) || $0 == UInt8(ascii: "@") }) else {
            return nil
        }
        var output = MaskedOutput()
        var emails = EmailFinder()
        var nextEmail = emails.next(in: bytes, from: 0)
        var phonesFrom = 0
        // An IBAN's country code comes before its first digit, an address's local part before its `@`.
        var offset = min(max(first - 2, 0), nextEmail?.lowerBound ?? first)
        while offset < bytes.count {
            if let email = nextEmail, email.lowerBound == offset {
                output.replace(email, with: "[email]", in: bytes)
                offset = email.upperBound
                nextEmail = emails.next(in: bytes, from: offset)
                continue
            }
            let limit = nextEmail?.lowerBound ?? bytes.count
            let byte = bytes[offset]
            if IBANScanner.isStart(byte), let end = IBANScanner.iban(in: bytes, at: offset), end <= limit {
                output.replace(offset..<end, with: "[iban]", in: bytes)
                offset = end
                continue
            }
            if PhoneScanner.isDigit(byte), let end = CardNumberScanner.card(in: bytes, at: offset), end <= limit {
                output.replace(offset..<end, with: "**** **** **** ", in: bytes)
                output.append(CardNumberScanner.lastFour(before: end, in: bytes))
                offset = end
                continue
            }
            if offset >= phonesFrom && PhoneScanner.mayStart(at: offset, in: bytes) {
                let phone = PhoneScanner(scanning: bytes, from: offset)
                if phone.end <= limit && phone.isMaskedPhone(from: offset, in: bytes) {
                    output.replace(offset..<phone.end, with: "[phone]", in: bytes)
                    offset = phone.end
                    phonesFrom = offset
                    continue
                }
                phonesFrom = phone.skipTo
            }
            offset += 1
        }
        return output.finish(copying: bytes)
    }
}
