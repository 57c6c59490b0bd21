/// Writes JSON text: compact for protocol lines, indented for files people read.
///
/// Strings are escaped per RFC 8259, so customer text can never break out of a value.
public enum JSONWriter {
    /// Appends `text` as a JSON string literal, quotes included.
    public static func appendString(_ text: String, to output: inout String) {
        output.append("\"")
        // Read from the string's own buffer: `utf8`'s iterator costs several times as much a byte.
        let plain = text.withUTF8Bytes { bytes in
            bytes.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != 0xE2 }
        }
        if plain {
            // Nothing to escape (0xE2 starts U+2028 and U+2029): the common case, copied whole.
            output.append(text)
        } else {
            appendEscaped(text, to: &output)
        }
        output.append("\"")
    }

    private static func appendEscaped(_ text: String, to output: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{2028}": output.append("\\u2028")
            case "\u{2029}": output.append("\\u2029")
            default:
                if scalar.value < 0x20 {
                    output.append("\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16))
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
    }

    /// A JSON string literal for `text`.
    public static func string(_ text: String) -> String {
        var output = ""
        appendString(text, to: &output)
        return output
    }

    /// The largest integer a double holds without a neighbour rounding to it (2^53 - 1): up to
    /// it, integers are written as integers.
    public static let largestExactInteger = 9_007_199_254_740_991.0

    /// A JSON number: integers without a fraction, others with up to `digits` decimals.
    public static func number(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return "null" }
        if let integer = exactInteger(value) { return integer }
        let scale = pow10(digits)
        let rounded = (value * scale).rounded() / scale
        return exactInteger(rounded) ?? String(rounded)
    }

    /// `value` as an integer's digits, when it is one a double holds exactly.
    static func exactInteger(_ value: Double) -> String? {
        value == value.rounded() && abs(value) <= largestExactInteger ? String(Int64(value)) : nil
    }

    private static func pow10(_ digits: Int) -> Double {
        (0..<digits).reduce(1.0) { value, _ in value * 10 }
    }

    /// A JSON value written compactly, with object keys in their original order.
    public static func value(_ value: JSONValue) -> String {
        var output = ""
        append(value, to: &output)
        return output
    }

    /// Appends `value` written compactly, in place.
    static func append(_ value: JSONValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number):
            output += exactInteger(number) ?? String(number)
        case .string(let text): appendString(text, to: &output)
        case .array(let elements):
            output += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output += ", " }
                append(element.value, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { output += ", " }
                appendString(member.key, to: &output)
                output += ": "
                append(member.value.value, to: &output)
            }
            output += "}"
        }
    }
}
