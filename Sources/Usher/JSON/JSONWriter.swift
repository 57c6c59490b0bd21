/// Writes JSON text: compact for protocol lines, indented for files people read.
///
/// Strings are escaped per RFC 8259, so customer text can never break out of a value.
public enum JSONWriter {
    /// Appends `text` as a JSON string literal, quotes included.
    public static func appendString(_ text: String, to output: inout String) {
        output.append("\"")
        var run = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = run
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String? =
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                case "\u{2028}": "\\u2028"
                case "\u{2029}": "\\u2029"
                default:
                    scalar.value < 0x20
                        ? "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16) : nil
                }
            if let escape {
                output.unicodeScalars.append(contentsOf: scalars[run..<index])
                output.append(escape)
                run = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[run..<scalars.endIndex])
        output.append("\"")
    }

    /// A JSON string literal for `text`.
    public static func string(_ text: String) -> String {
        var output = ""
        appendString(text, to: &output)
        return output
    }

    /// A JSON number: integers without a fraction, others with up to `digits` decimals.
    public static func number(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let scale = pow10(digits)
        let rounded = (value * scale).rounded() / scale
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
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

    private static func append(_ value: JSONValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number):
            output += number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
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
