extension Pattern {
    /// One piece of a pattern, as written: the matcher normalises words the way it normalises messages.
    public enum Element: Sendable, Hashable {
        case words(String)
        case wildcard
        case capture(String)
    }

    /// Splits a pattern into words, `*` wildcards and `{name}` captures.
    ///
    /// A pattern must hold at least one word, and two captures may not touch (the split between
    /// them would be a guess).
    public static func parseElements(_ source: String) throws(Template.ParseError) -> [Element] {
        var elements: [Element] = []
        for segment in try Template.parse(source).segments {
            switch segment {
            case .slot(let name):
                if case .capture = elements.last {
                    throw Template.ParseError(
                        message: "captures {\(name)} and the one before it need words between them")
                }
                elements.append(.capture(name))
            case .text(let text):
                elements.append(contentsOf: splitWildcards(text))
            }
        }
        guard elements.contains(where: { if case .words = $0 { true } else { false } }) else {
            throw Template.ParseError(message: "a pattern needs at least one word besides * and {slot} markers")
        }
        return elements
    }

    private static func splitWildcards(_ text: String) -> [Element] {
        var elements: [Element] = []
        for (offset, part) in text.split(separator: "*", omittingEmptySubsequences: false).enumerated() {
            if offset > 0, elements.last != .wildcard { elements.append(.wildcard) }
            if part.hasWordCharacter { elements.append(.words(String(part))) }
        }
        return elements
    }
}
