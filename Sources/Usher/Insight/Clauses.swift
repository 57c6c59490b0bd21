/// Splits a message at sentence and clause punctuation.
///
/// Negation and intensifiers stop at a comma or a full stop ("Not sure, it's great" is not
/// "not great"), and key phrases never span two sentences.
enum Clauses {
    static func split(_ text: String) -> [Substring] {
        if let clauses = splitASCII(text) { return clauses }
        return text.split(whereSeparator: isBoundary).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// The same split for ASCII text, on its bytes: comparing `Character`s with the boundary
    /// literals was a fifth of a served turn on real customer text. `nil` for other text.
    private static func splitASCII(_ text: String) -> [Substring]? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var clauses: [Substring] = []
        var start = utf8.startIndex
        var index = start
        var blank = true
        while index != utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            var boundaryEnd: String.Index?
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                UInt8(ascii: "?"), UInt8(ascii: "\n"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""):
                boundaryEnd = next
            case UInt8(ascii: "\r") where next != utf8.endIndex && utf8[next] == UInt8(ascii: "\n"):
                boundaryEnd = utf8.index(after: next)  // "\r\n" is one character, and a boundary
            default:
                // A lone "\r" is whitespace, not a boundary, as with `Character`.
                if byte != UInt8(ascii: " ") && !(9...13).contains(byte) { blank = false }
            }
            if let boundaryEnd {
                if !blank { clauses.append(text[start..<index]) }
                start = boundaryEnd
                blank = true
                index = boundaryEnd
            } else {
                index = next
            }
        }
        if !blank { clauses.append(text[start..<utf8.endIndex]) }
        return clauses
    }

    private static func isBoundary(_ character: Character) -> Bool {
        switch character {
        case ".", ",", ";", ":", "!", "?", "\n", "\r\n", "…", "(", ")", "\"", "“", "”": true
        default: false
        }
    }
}
