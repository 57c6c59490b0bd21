/// Finds email addresses: `local@domain.tld`, with the usual characters of the local part
/// (letters, digits, `.`, `_`, `%`, `+`, `-`) and a domain of dotted labels ending in a
/// top-level domain of two letters or more.
///
/// The value is lower-cased: the domain is case-insensitive, and although the local part may in
/// theory be case-sensitive, no mail provider customers use treats it so. Quoted local parts and
/// addresses in non-Latin scripts are not recognised.
public struct EmailExtractor: MessageExtractor {
    public let type = "email"

    public init() {}

    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch] {
        let bytes = message.utf8
        var matches: [EntityMatch] = []
        var searchFrom = 0
        var at = 0
        while at < bytes.count {
            defer { at += 1 }
            guard bytes[at] == UInt8(ascii: "@") else { continue }
            guard let range = address(around: at, in: message, notBefore: searchFrom) else { continue }
            matches.append(message.match(type, value: message.text(range).lowercased(), bytes: range))
            searchFrom = range.upperBound
            at = range.upperBound - 1
        }
        return matches
    }

    /// The address whose `@` is at byte `at`, if the characters around it make one.
    private func address(around at: Int, in message: EntityMessage, notBefore limit: Int) -> Range<Int>? {
        let bytes = message.utf8
        var start = at
        while start > limit && Self.isLocalCharacter(bytes[start - 1]) { start -= 1 }
        while start < at && bytes[start] == UInt8(ascii: ".") { start += 1 }
        var end = at + 1
        while end < bytes.count && Self.isDomainCharacter(bytes[end]) { end += 1 }
        while end > at + 1 && (bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-")) {
            end -= 1
        }
        guard start < at, bytes[at - 1] != UInt8(ascii: "."), isDomain(bytes[(at + 1)..<end]),
            !isLetter(message.scalar(before: start)), !isLetter(message.scalar(at: end)?.scalar)
        else { return nil }
        return start..<end
    }

    /// Dotted labels of letters, digits and inner hyphens, the last one two letters or more.
    private func isDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2,
            last.allSatisfy({ Self.isASCIILetter($0) })
        else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
        }
    }

    /// Whether a scalar next to an address would make it part of a longer word (non-ASCII letters).
    private func isLetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.value >= 0x80 else { return false }
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
