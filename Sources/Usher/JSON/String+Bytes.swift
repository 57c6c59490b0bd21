extension String {
    /// Calls `body` with the string's UTF-8 bytes in one buffer: a native string lends its own
    /// storage, any other is copied once. Sentiment reads every served message several times
    /// over, and the protocol writes every reply: on a buffer each pass is a plain loop, where
    /// `utf8`'s iterator costs several times as many instructions a byte.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether `needle` occurs in these bytes, as a run of bytes.
    func containsBytes(_ needle: some Collection<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        let length = needle.count
        guard length <= count else { return false }
        var start = 0
        while start + length <= count {
            if self[start] == first && self[start..<(start + length)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
