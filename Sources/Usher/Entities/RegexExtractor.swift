import Foundation

/// A custom entity type defined by a regular expression, for identifiers with a fixed shape:
/// policy numbers, order ids, postcodes.
///
/// The pattern is `NSRegularExpression` (ICU) syntax, case-sensitive unless it says `(?i)`, and
/// it decides its own word boundaries (`\b`). The value is the matched text; empty matches are
/// ignored.
///
/// ```swift
/// let orders = try RegexExtractor(type: "order_id", pattern: "\\b[A-Z]{2}\\d{6}\\b")
/// ```
public struct RegexExtractor: MessageExtractor {
    public let type: String
    /// The pattern as the bot wrote it.
    public let pattern: String
    private let expression: NSRegularExpression

    public init(type: String, pattern: String) throws(EntityDefinitionError) {
        let invalid = EntityDefinitionError(type: type, message: "invalid regular expression: \"\(pattern)\"")
        guard !pattern.isEmpty else { throw invalid }
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            throw invalid
        }
        self.type = type
        self.pattern = pattern
    }

    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch] {
        let text = message.text
        var matches: [EntityMatch] = []
        // Matches come in text order, so UTF-16 ranges convert to UTF-8 offsets in one pass.
        var cursor = text.startIndex
        var cursorOffset = 0
        for result in expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
        where result.range.length > 0 {
            guard let range = Range(result.range, in: text) else { continue }
            let start = cursorOffset + text.utf8.distance(from: cursor, to: range.lowerBound)
            let end = start + text.utf8.distance(from: range.lowerBound, to: range.upperBound)
            cursor = range.upperBound
            cursorOffset = end
            let matched = message.text(start..<end)
            matches.append(EntityMatch(type: type, value: matched, text: matched, range: start..<end))
        }
        return matches
    }
}
