extension Template {
    /// Why a template could not be parsed; the text is shown to the author as is.
    public struct ParseError: Error, Sendable, Equatable {
        public var message: String
    }

    /// Parses `text`, where `{name}` is a slot marker and `{{`/`}}` are literal braces.
    public static func parse(_ text: String) throws(ParseError) -> Template {
        var segments: [Segment] = []
        var literal = ""
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "{":
                if scalars.first == "{" {
                    scalars.removeFirst()
                    literal.unicodeScalars.append("{")
                    continue
                }
                guard let close = scalars.firstIndex(of: "}") else {
                    throw ParseError(message: "unclosed '{' (write {{ for a literal brace)")
                }
                let name = String(scalars[..<close])
                try validateSlotName(name)
                scalars = scalars[scalars.index(after: close)...]
                if !literal.isEmpty { segments.append(.text(literal)) }
                literal = ""
                segments.append(.slot(name))
            case "}":
                guard scalars.first == "}" else { throw ParseError(message: "unmatched '}' (write }} for a literal brace)") }
                scalars.removeFirst()
                literal.unicodeScalars.append("}")
            default:
                literal.unicodeScalars.append(scalar)
            }
        }
        if !literal.isEmpty { segments.append(.text(literal)) }
        return Template(segments: segments)
    }

    private static func validateSlotName(_ name: String) throws(ParseError) {
        guard !name.isEmpty else { throw ParseError(message: "empty slot marker {}") }
        guard SlotName.isValid(name) else {
            throw ParseError(
                message: "invalid slot name \"\(name)\" in {\(name)}: use letters, digits and _, starting with a letter")
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
