/// All the entity types of a bot, built-in and custom, and the one place that decides between
/// them when their matches overlap.
///
/// Each extractor reports what it sees; the recognizer keeps the longest matches and drops any
/// that overlap one already kept, so the "3" of "3 March" is part of a date and not a number.
/// On equal length a bot's own type wins over a built-in one (a policy number written as eight
/// digits is a policy number, not a phone number), and between built-ins the more specific type
/// wins: email, phone, money, date, time, then number (between two of the bot's own types, the
/// name that sorts first). A custom type named like a built-in one replaces it.
///
/// Canonical values of the built-in types: `number` plain decimal (`1200`, `3.5`); `money`
/// amount and ISO code (`49.99 USD`); `date` ISO 8601 (`2026-03-03`); `time` 24-hour
/// (`15:30`); `email` lower-cased; `phone` digits after an optional `+` (`+18005550199`).
///
/// ```swift
/// let recognizer = try EntityRecognizer(custom: ["policy_number": .regex("\\bPN-\\d{6}\\b")])
/// let context = EntityContext(today: CalendarDate(year: 2026, month: 11, day: 23)!)
/// recognizer.entities(in: "PN-123456 was charged $49.99 yesterday", context: context)
/// // policy_number "PN-123456", money "49.99 USD", date "2026-11-22"
/// ```
public struct EntityRecognizer: Sendable {
    /// The types every bot knows without defining them.
    public static let builtInTypes = ["number", "money", "date", "time", "email", "phone"]
    private static let builtInTypeSet = Set(builtInTypes)

    private let extractors: [any MessageExtractor]
    /// How strongly each type holds on to text another type of the same length also matched.
    private let priorities: [String: Int]

    /// Compiles the bot's own types; the first bad definition, in order of type name, is thrown.
    public init(custom: [String: EntityDefinition] = [:]) throws(EntityDefinitionError) {
        let builtIns: [any MessageExtractor] = [
            NumberExtractor(), MoneyExtractor(), DateExtractor(), TimeExtractor(), EmailExtractor(), PhoneExtractor(),
        ]
        var extractors = builtIns.filter { custom[$0.type] == nil }
        for (type, definition) in custom.sorted(by: { $0.key < $1.key }) {
            guard !type.isEmpty else { throw EntityDefinitionError(type: type, message: "empty entity type name") }
            switch definition {
            case .regex(let pattern, let letterCase):
                extractors.append(try RegexExtractor(type: type, pattern: pattern, letterCase: letterCase))
            case .values(let values): extractors.append(try SynonymExtractor(type: type, values: values))
            }
        }
        var priorities = Dictionary(uniqueKeysWithValues: Self.builtInPriority.enumerated().map { ($1, $0 + 1) })
        for type in custom.keys { priorities[type] = Self.builtInPriority.count + 1 }
        self.extractors = extractors
        self.priorities = priorities
    }

    /// From least to most specific, for matches of equal length.
    private static let builtInPriority = ["number", "time", "date", "money", "phone", "email"]

    /// Every entity in `text`, without overlaps, in text order.
    public func entities(in text: String, context: EntityContext) -> [EntityMatch] {
        entities(in: EntityMessage(text), context: context)
    }

    /// Every entity in a message already split into tokens.
    func entities(in message: EntityMessage, context: EntityContext) -> [EntityMatch] {
        let found = extractors.flatMap { $0.extract(from: message, context: context) }
        return resolve(found, byteCount: message.utf8.count, preferring: nil)
    }

    /// The entities of one type, to fill a slot that asks for it.
    ///
    /// Every type is still extracted, so that a number slot does not take the "5" of "March 5";
    /// but the requested type wins any tie, so a slot that asks for a number gets "12345678"
    /// rather than losing it to an equally long phone number.
    public func entities(of type: String, in text: String, context: EntityContext) -> [EntityMatch] {
        guard knows(type) else { return [] }
        let message = EntityMessage(text)
        let found = extractors.flatMap { $0.extract(from: message, context: context) }
        return resolve(found, byteCount: message.utf8.count, preferring: type).filter { $0.type == type }
    }

    /// Whether `type` is a built-in type or one the bot defines.
    /// Only the entities of `types`. Built-in extractors run only when a built-in type is asked
    /// for (they settle overlaps among themselves), so a form waiting for a custom type reads
    /// the message with that type's extractor alone.
    public func entities(ofTypes types: Set<String>, in text: String, context: EntityContext) -> [EntityMatch] {
        guard !types.isEmpty else { return [] }
        let builtIns = Self.builtInTypeSet
        let needsBuiltIns = !types.isDisjoint(with: builtIns)
        let chosen = extractors.filter { types.contains($0.type) || needsBuiltIns && builtIns.contains($0.type) }
        guard !chosen.isEmpty else { return [] }
        let message = EntityMessage(text)
        let found = chosen.flatMap { $0.extract(from: message, context: context) }
        return resolve(found, byteCount: message.utf8.count, preferring: nil).filter { types.contains($0.type) }
    }

    public func knows(_ type: String) -> Bool {
        priorities[type] != nil
    }

    /// The longest matches that do not overlap, ties going to the preferred type, then to the
    /// higher priority, then to the earlier match; in text order.
    private func resolve(_ matches: [EntityMatch], byteCount: Int, preferring preferred: String?) -> [EntityMatch] {
        func priority(_ type: String) -> Int {
            type == preferred ? Int.max : priorities[type] ?? 0
        }
        let ranked = matches.sorted { lhs, rhs in
            if lhs.range.count != rhs.range.count { return lhs.range.count > rhs.range.count }
            let (left, right) = (priority(lhs.type), priority(rhs.type))
            if left != right { return left > right }
            if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
            return lhs.type < rhs.type
        }
        var taken = [Bool](repeating: false, count: byteCount)
        var kept: [EntityMatch] = []
        for match in ranked where !taken[match.range].contains(true) {
            for offset in match.range { taken[offset] = true }
            kept.append(match)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
