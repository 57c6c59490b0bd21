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
            guard bytes[at] == UInt8(ascii: "@"),
                let range = EmailScanner.address(around: at, in: bytes, notBefore: searchFrom)
            else { continue }
            matches.append(message.match(type, value: message.text(range).lowercased(), bytes: range))
            searchFrom = range.upperBound
            at = range.upperBound - 1
        }
        return matches
    }
}
