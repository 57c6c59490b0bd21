/// A strict JSON parser (RFC 8259) over UTF-8 bytes that records the location of every value.
///
/// It never traps: malformed input, invalid UTF-8, lone surrogates and nesting deeper than
/// ``maximumDepth`` all become a ``JSONSyntaxError`` with a line and column.
///
/// ```swift
/// let root = try JSONParser.parse(Array(#"{"a": [1, 2]}"#.utf8))
/// ```
public struct JSONParser {
    /// Deeper documents are refused instead of exhausting the stack.
    public static let maximumDepth = 512

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Where the last column was counted to, on which line, and the column there.
    private var columnMark: (lineStart: Int, offset: Int, column: Int) = (0, 0, 0)
    private var depth = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark is allowed and ignored.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    /// Parses one JSON document; only white space may follow it.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        if parser.index >= bytes.count { throw parser.error("the file is empty; expected a JSON value") }
        let root = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the JSON value")
        }
        return root
    }

    /// Parses a JSON document held in a string.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8))
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        let start = location()
        guard index < bytes.count else { throw error("unexpected end of input; expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(try parseObject(), at: start)
        case UInt8(ascii: "["): return JSONNode(try parseArray(), at: start)
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), at: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONNode(.bool(true), at: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONNode(.bool(false), at: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONNode(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONNode(try parseNumber(), at: start)
        default: throw error("unexpected \(describeCurrent()); expected a value")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        index += 1
        var members: [JSONMember] = []
        // Keys already read, hashed only once an object has many: for the handful of keys most
        // objects have (a protocol request has three), comparing with each is cheaper than
        // hashing every key. Both compare keys as Swift strings do.
        var seen: Set<String> = []
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { depth -= 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()); expected a key in double quotes")
            }
            let keyLocation = location()
            let key = try parseString()
            if members.count < Self.keysCompared {
                if members.contains(where: { $0.key == key }) {
                    throw JSONSyntaxError("duplicate key \"\(key)\" in the same object", at: keyLocation)
                }
            } else {
                if members.count == Self.keysCompared { seen = Set(members.map(\.key)) }
                if !seen.insert(key).inserted {
                    throw JSONSyntaxError("duplicate key \"\(key)\" in the same object", at: keyLocation)
                }
            }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else {
                throw error("unexpected \(describeCurrent()); expected ':' after the key")
            }
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { depth -= 1; return .object(members) }
            throw error("unexpected \(describeCurrent()); expected ',' or '}' in an object")
        }
    }

    /// Up to this many keys, a new key is compared with each earlier one; past it they are hashed.
    static let keysCompared = 8

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { depth -= 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { depth -= 1; return .array(elements) }
            throw error("unexpected \(describeCurrent()); expected ',' or ']' in an array")
        }
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting is deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected in
            index + count <= bytes.count && bytes[index..<index + count].elementsEqual(expected)
        }
        guard matches else { throw error("unexpected \(describeCurrent()); expected a value") }
        index += count
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        _ = consume(UInt8(ascii: "-"))
        if consume(UInt8(ascii: "0")) {
            if index < bytes.count, isDigit(bytes[index]) { throw error("a number cannot have a leading zero") }
        } else if try !consumeDigits() {
            throw error("unexpected \(describeCurrent()); expected a digit")
        }
        if consume(UInt8(ascii: ".")), try !consumeDigits() {
            throw error("unexpected \(describeCurrent()); expected a digit after '.'")
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            if try !consumeDigits() { throw error("unexpected \(describeCurrent()); expected a digit in the exponent") }
        }
        let digits = bytes[start] == UInt8(ascii: "-") ? start + 1 : start
        if index - digits <= 15,
            bytes[digits..<index].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        {
            // An integer of up to 15 digits (ids, counts) is exact in a double: computed here
            // instead of through a string and `Double(_:)`, with the same value ("-0" included).
            var magnitude = 0
            for byte in bytes[digits..<index] { magnitude = magnitude * 10 + Int(byte - UInt8(ascii: "0")) }
            return .number(digits > start ? -Double(magnitude) : Double(magnitude))
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONSyntaxError("the number \(text) is out of range", at: location(of: start))
        }
        return .number(value)
    }

    private mutating func consumeDigits() throws(JSONSyntaxError) -> Bool {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index > start
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: - Strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let open = index
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try decodeUTF8(start..<index, stringStart: open)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacterError(byte) }
            index += 1
        }
        var scalars = try decodeUTF8(start..<index, stringStart: open).unicodeScalars.map { $0 }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                var result = String.UnicodeScalarView()
                result.append(contentsOf: scalars)
                return String(result)
            case UInt8(ascii: "\\"):
                scalars.append(try parseEscape())
            case ..<0x20:
                throw controlCharacterError(byte)
            default:
                let runStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"),
                    bytes[index] >= 0x20
                {
                    index += 1
                }
                scalars.append(contentsOf: try decodeUTF8(runStart..<index, stringStart: open).unicodeScalars)
            }
        }
        throw JSONSyntaxError("unterminated string", at: location(of: open))
    }

    private mutating func controlCharacterError(_ byte: UInt8) -> JSONSyntaxError {
        byte == UInt8(ascii: "\n")
            ? error("unterminated string (a line break must be written \\n)")
            : error("control character U+\(hex(UInt32(byte))) must be escaped in a string")
    }

    private mutating func decodeUTF8(_ range: Range<Int>, stringStart: Int) throws(JSONSyntaxError) -> String {
        if let text = String(validating: bytes[range], as: UTF8.self) { return text }
        var offset = range.lowerBound
        // Find the first bad byte so the error points at it.
        var iterator = bytes[range].makeIterator()
        var decoder = UTF8()
        var consumed = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): consumed += UTF8.width(scalar)
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        offset += consumed
        throw JSONSyntaxError("invalid UTF-8 byte 0x\(hex(UInt32(bytes[offset]), width: 2))", at: location(of: offset))
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw error("unterminated string") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): return try parseUnicodeEscape(escapeStart: escapeStart)
        default:
            throw JSONSyntaxError("invalid escape sequence in a string", at: location(of: escapeStart))
        }
    }

    private mutating func parseUnicodeEscape(escapeStart: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try parseHex4(escapeStart: escapeStart)
        if (0xDC00...0xDFFF).contains(high) {
            throw JSONSyntaxError("lone low surrogate \\u\(hex(high)) in a string", at: location(of: escapeStart))
        }
        if (0xD800...0xDBFF).contains(high) {
            let lowStart = index
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
                throw JSONSyntaxError("lone high surrogate \\u\(hex(high)) in a string", at: location(of: escapeStart))
            }
            index += 2
            let low = try parseHex4(escapeStart: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONSyntaxError("lone high surrogate \\u\(hex(high)) in a string", at: location(of: escapeStart))
            }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        return Unicode.Scalar(high)!
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                throw JSONSyntaxError("\\u must be followed by four hex digits", at: location(of: escapeStart))
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    // MARK: - Positions and errors

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// The location of the current byte. Strings cannot span lines, so the line counter kept by
    /// `skipWhitespace` is always the current one.
    private mutating func location() -> SourceLocation { location(of: index) }

    /// Columns count characters from the line's start. Values come in order, so the count goes
    /// on from the last one asked for instead of starting again: a 60 KB line of 30,000 values
    /// costs its length once, not once per value.
    private mutating func location(of offset: Int) -> SourceLocation {
        let end = min(offset, bytes.count)
        if columnMark.lineStart != lineStart || columnMark.offset > end {
            columnMark = (lineStart, lineStart, 0)
        }
        var column = columnMark.column
        for byte in bytes[columnMark.offset..<end] where byte & 0xC0 != 0x80 { column += 1 }
        columnMark = (lineStart, end, column)
        return SourceLocation(line: line, column: column + 1)
    }

    private mutating func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message, at: location())
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == UInt8(ascii: "\n") { return "line break" }
        if byte < 0x80 { return "character U+\(hex(UInt32(byte)))" }
        let end = min(index + 4, bytes.count)
        if let scalar = String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first, scalar != "\u{FFFD}" {
            return "character U+\(hex(scalar.value))"
        }
        return "invalid UTF-8 byte 0x\(hex(UInt32(byte), width: 2))"
    }

    private func hex(_ value: UInt32, width: Int = 4) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
