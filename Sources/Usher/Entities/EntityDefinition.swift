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
    /// An `NSRegularExpression` pattern, case-sensitive unless it says `(?i)`; the value is the matched text.
    case regex(String)
    /// Canonical values, each with the other ways customers say it. Matching is whole words,
    /// ignoring case and accents; the value is the canonical key.
    case values([String: [String]])
}
