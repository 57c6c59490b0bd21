extension Template {
    /// Why a template could not be parsed; the text is shown to the author as is.
    public struct ParseError: Error, Sendable, Equatable {
        public var message: String
    }

    /// Parses `text`, where `{name}` is a slot marker and `{{`/`}}` are literal braces.
    public static func parse(_ text: String) throws(ParseError) -> Template {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else {
            return Template(segments: text.isEmpty ? [] : [.text(text)])
        }
        var segments: [Segment] = []
        var literal: [UInt8] = []
        var index = 0
        func flushLiteral() {
            if !literal.isEmpty { segments.append(.text(String(decoding: literal, as: UTF8.self))) }
            literal.removeAll()
        }
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            if byte == UInt8(ascii: "{") && next == UInt8(ascii: "{")
                || byte == UInt8(ascii: "}") && next == UInt8(ascii: "}")
            {
                literal.append(byte)
                index += 2
            } else if byte == UInt8(ascii: "{") {
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else {
                    throw ParseError(message: "unclosed '{' (write {{ for a literal brace)")
                }
                let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                try validateSlotName(name)
                flushLiteral()
                segments.append(.slot(name))
                index = close + 1
            } else if byte == UInt8(ascii: "}") {
                throw ParseError(message: "unmatched '}' (write }} for a literal brace)")
            } else {
                literal.append(byte)
                index += 1
            }
        }
        flushLiteral()
        return Template(segments: segments)
    }

    private static func validateSlotName(_ name: String) throws(ParseError) {
        guard !name.isEmpty else { throw ParseError(message: "empty slot marker {}") }
        // `{result.status}`: a value of an action's result, filled only in the action's replies.
        let bare =
            name.hasPrefix(ActionDefinition.resultPrefix)
            ? String(name.dropFirst(ActionDefinition.resultPrefix.count)) : name
        guard SlotName.isValid(bare) else {
            throw ParseError(
                message: "invalid slot name \"\(name)\" in {\(name)}: use letters, digits and _, starting with a letter"
            )
        }
    }
}

/// The rule for slot and entity names, shared by every place that declares or uses one.
public enum SlotName {
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
