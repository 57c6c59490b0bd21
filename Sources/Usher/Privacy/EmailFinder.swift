/// Finds the e-mail addresses of a text one after another, for ``PIIMasker``, which must know
/// where the next address starts before it masks anything in front of it.
///
/// Each `@` is looked at once, and an address never reaches back past the previous one, so that
/// finding every address of a text is linear in its length.
struct EmailFinder {
    private var searchFrom = 0

    /// The next address that starts at or after `offset`, or `nil` when there is none.
    mutating func next<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, from offset: Int) -> Range<Int>?
    where Bytes.Index == Int {
        var at = max(searchFrom, offset)
        while at < bytes.count {
            defer { at += 1 }
            guard bytes[at] == UInt8(ascii: "@"),
                let address = EmailScanner.address(around: at, in: bytes, notBefore: offset)
            else { continue }
            searchFrom = address.upperBound
            return address
        }
        searchFrom = bytes.count
        return nil
    }
}
