/// A request's `id` comes back exactly as it was sent, or the request is refused: a client
/// matches answers to requests by it.
extension ProtocolCodec {
    /// Why `id` (at its place in `line`) cannot be echoed with the value it was sent with, or
    /// `nil` when it can. Numbers are read as doubles, which hold neither every digit of a long
    /// number (`0.1000000000000000000001`) nor the smallest ones (`1e-400` is 0): such an id
    /// would come back as another value and could be taken for another request's.
    static func idProblem(_ id: JSONNode, in line: [UInt8]) -> String? {
        switch id.value {
        case .number(let number):
            guard let written = numberText(at: id.location, in: line), !isEchoedExactly(written, number) else {
                return nil
            }
            var shown = String(decoding: written.prefix(40), as: UTF8.self)
            if written.count > 40 { shown += "…" }
            return
                "\"id\" has the number \(shown), which cannot be echoed exactly (it would come back as \(JSONWriter.value(.number(number)))); send it as a string"
        case .array(let elements):
            return elements.lazy.compactMap { idProblem($0, in: line) }.first
        case .object(let members):
            return members.lazy.compactMap { idProblem($0.value, in: line) }.first
        case .null, .bool, .string:
            return nil
        }
    }

    /// Whether a number written as `text` comes back as written, in value, once read.
    static func isEchoedExactly(_ text: ArraySlice<UInt8>, _ number: Double) -> Bool {
        // The usual id, a short integer, is read exactly and written back digit for digit.
        var digits = text.startIndex
        if digits < text.endIndex, text[digits] == UInt8(ascii: "-") { digits += 1 }
        if text.endIndex - digits <= 15, text[digits...].allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
            return true
        }
        return DecimalValue(text) == DecimalValue(Array(JSONWriter.value(.number(number)).utf8))
    }

    /// The text of the number that starts at `location` (line and column in Unicode scalars,
    /// as the parser counts them) in `line`. Every request with a numeric id comes here, so it
    /// reads bytes, not strings.
    private static func numberText(at location: SourceLocation, in line: [UInt8]) -> ArraySlice<UInt8>? {
        let byteOrderMark = line.count >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF
        var index = byteOrderMark ? 3 : 0
        var (row, column) = (1, 1)
        while index < line.count, row != location.line || column != location.column {
            if line[index] == 0x0A {
                (row, column) = (row + 1, 1)
            } else {
                column += 1
            }
            index += 1
            // A scalar's continuation bytes belong to it.
            while index < line.count, line[index] & 0xC0 == 0x80 { index += 1 }
        }
        let start = index
        while index < line.count, isNumberByte(line[index]) { index += 1 }
        return index > start ? line[start..<index] : nil
    }

    /// A digit, sign, point or exponent mark.
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }
}
