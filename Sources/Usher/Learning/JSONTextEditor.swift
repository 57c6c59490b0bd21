/// Inserts values into JSON text without rewriting it: the author's layout, key order, comments
/// in neighbouring values and indentation stay as they were, so a `git diff` after `usher learn`
/// shows exactly the lines it added.
struct JSONTextEditor {
    private(set) var bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The byte offset of a parser location (line and column count from 1; columns in characters).
    func offset(of location: SourceLocation) -> Int {
        var line = 1
        var index = 0
        while line < location.line, index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
        var column = 1
        while column < location.column, index < bytes.count {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index
    }

    /// The offset just past the JSON value starting at `start`.
    func end(ofValueAt start: Int) -> Int {
        var index = start
        guard index < bytes.count else { return index }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            return min(bytes.count, index + 1)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index = end(ofValueAt: index)
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            return index
        default:
            while index < bytes.count, !",]} \t\r\n".utf8.contains(bytes[index]) { index += 1 }
            return index
        }
    }

    /// The whitespace that starts the line holding `offset`.
    func indentation(at offset: Int) -> [UInt8] {
        var start = offset
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = start
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        return Array(bytes[start..<end])
    }

    /// Appends `items` (JSON texts) to the array whose `[` is at `open` and whose elements start
    /// at `elements`: one per line at the elements' indentation when the array spans lines,
    /// else on its line.
    mutating func append(_ items: [String], toArrayAt open: Int, elements: [Int]) {
        guard !items.isEmpty else { return }
        let close = end(ofValueAt: open) - 1
        if let first = elements.first, let last = elements.last {
            let multiline = bytes[open..<first].contains(UInt8(ascii: "\n"))
            let indent = multiline ? String(decoding: indentation(at: first), as: UTF8.self) : ""
            let separator = multiline ? ",\n" + indent : ", "
            let text = items.map { separator + $0 }.joined()
            bytes.insert(contentsOf: Array(text.utf8), at: end(ofValueAt: last))
        } else {
            let base = String(decoding: indentation(at: open), as: UTF8.self)
            let text = "\n" + items.map { base + "  " + $0 }.joined(separator: ",\n") + "\n" + base
            bytes.insert(contentsOf: Array(text.utf8), at: close)
        }
    }
}
