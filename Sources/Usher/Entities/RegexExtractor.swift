/// A custom entity type defined by a regular expression, for identifiers with a fixed shape:
/// policy numbers, order ids, postcodes.
///
/// The pattern is Usher's own regular expressions (``RegexParser`` lists the syntax: the usual
/// literals, classes, groups, alternation, quantifiers, `^ $ \b`, and `(?i)`), matched by a
/// ``RegexProgram`` in time linear in the message whatever the pattern, so no customer message
/// can stall the server. Features that need backtracking (back-references, look-around) are
/// refused when the bot loads. The value is the matched text; empty matches are ignored.
///
/// ```swift
/// let orders = try RegexExtractor(type: "order_id", pattern: "\\b[A-Z]{2}\\d{6}\\b")
/// ```
public struct RegexExtractor: MessageExtractor {
    public let type: String
    /// The pattern as the bot wrote it.
    public let pattern: String
    private let program: RegexProgram
    /// The case the value is given in, when the bot asked for one.
    public let letterCase: LetterCase?

    public init(type: String, pattern: String, letterCase: LetterCase? = nil) throws(EntityDefinitionError) {
        guard !pattern.isEmpty else {
            throw EntityDefinitionError(type: type, message: "invalid regular expression: \"\"")
        }
        do {
            program = try RegexProgram(pattern)
        } catch {
            throw EntityDefinitionError(
                type: type, message: "invalid regular expression: \"\(pattern)\": \(error.message)")
        }
        self.type = type
        self.pattern = pattern
        self.letterCase = letterCase
    }

    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch] {
        let (scalars, offsets) = message.scalars
        return program.matches(in: scalars).map { range in
            let bytes = offsets[range.lowerBound]..<offsets[range.upperBound]
            // The value in ASCII forms, as the pattern read it; the text as the customer typed it.
            var value = String.UnicodeScalarView()
            value.append(contentsOf: scalars[range])
            let text = String(value)
            return EntityMatch(
                type: type, value: letterCase?.apply(text) ?? text, text: message.text(bytes), range: bytes)
        }
    }
}
