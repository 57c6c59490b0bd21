/// A custom entity type as a bot defines it: a regular expression, or canonical values with synonyms.
///
/// ```swift
/// let types: [String: EntityDefinition] = [
///     "policy_number": .regex("\\bPN-\\d{6}\\b"),
///     "device": .values(["router": ["wifi box", "modem"], "tv": ["television"]]),
/// ]
/// let recognizer = try EntityRecognizer(custom: types)
/// ```
public enum EntityDefinition: Sendable, Equatable {
    /// A regular expression, case-sensitive unless it says `(?i)`; the value is the matched text,
    /// in `letterCase` when one is given: a pattern that accepts "ab123456" as an order number
    /// must hand the business's systems "AB123456", or they answer "not found".
    case regex(String, letterCase: LetterCase? = nil)
    /// Canonical values, each with the other ways customers say it. Matching is whole words,
    /// ignoring case and accents; the value is the canonical key.
    case values([String: [String]])
}

/// The letter case a regex entity's value is given in (`"case": "upper"`).
public enum LetterCase: String, Sendable, Equatable, CaseIterable {
    case upper, lower

    func apply(_ text: String) -> String {
        switch self {
        case .upper: text.uppercased()
        case .lower: text.lowercased()
        }
    }
}
