/// The bot's pattern-defined values (order numbers, policy numbers) stand in the matcher's
/// features for their type, not for their characters.
///
/// "hi, order AB123456" is about an order because it carries an order number; yet as text,
/// "AB123456" is a word no example has, and the greeting's "hi" outweighs "order". So before
/// features are made, every match of one of the bot's `regex` entities becomes one placeholder
/// word for its type, in messages and in examples alike, and an example's `{order_id}` marker
/// (a slot that takes such an entity) teaches the same word: "track order {order_id}" learns that
/// an order number goes with tracking. This is how Dialogflow's annotated training phrases and
/// Rasa's entity features let the entity speak for the intent.
///
/// Only regex entities: their values are codes, which say nothing as words. Synonym entities
/// ("router", "modem") and the built-in numbers, dates and money keep their words, which do.
/// Patterns still see the customer's own words, and the explanation shows the placeholder as
/// `{order_id}`.
struct EntityPlaceholders: Sendable {
    /// Finds the regex entities; `nil` when the bot has none, which costs a message nothing.
    private let recognizer: EntityRecognizer?
    private let types: Set<String>

    init(entities: [String: EntityDefinition]) {
        let regexes = entities.filter { if case .regex = $0.value { true } else { false } }
        types = Set(regexes.keys)
        // The bot's definitions were compiled when it loaded; one that fails here is left out.
        recognizer = regexes.isEmpty ? nil : try? EntityRecognizer(custom: regexes)
    }

    /// The word that stands for `type`: its letters and digits between "zqz" marks, a spelling
    /// no customer writes and whose 3-grams few words share ("zqzorderidzqz").
    static func word(for type: String) -> String {
        "zqz" + String(type.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
            + "zqz"
    }

    /// `text` with each regex entity replaced by its type's word, or `nil` when it has none.
    func replacing(_ text: String) -> String? {
        guard let recognizer else { return nil }
        let found = recognizer.entities(ofTypes: types, in: text, context: Self.context)
        guard !found.isEmpty else { return nil }
        var utf8 = Array(text.utf8)
        for match in found.reversed() {
            utf8.replaceSubrange(match.range, with: Array(" \(Self.word(for: match.type)) ".utf8))
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The text an example teaches: its literal text with regex entities replaced, and each
    /// slot marker replaced by its entity's word when the slot takes a regex entity (`entityOf`
    /// gives a slot's entity type), or by a space as before.
    func learningText(_ template: Template, entityOf: (String) -> String?) -> String {
        if recognizer == nil { return template.literalText }
        let text = template.segments.map { segment in
            switch segment {
            case .text(let text): text
            case .slot(let name):
                entityOf(name).flatMap { types.contains($0) ? " \(Self.word(for: $0)) " : nil } ?? " "
            }
        }.joined()
        return replacing(text) ?? text
    }

    /// How the explanation shows a word: a placeholder as `{type}`, any other word as it is.
    func display(_ word: String) -> String {
        guard recognizer != nil, word.hasPrefix("zqz"), word.hasSuffix("zqz"),
            let type = types.first(where: { Self.word(for: $0) == word })
        else { return word }
        return "{\(type)}"
    }

    /// Regex entities do not depend on the date.
    private static let context = EntityContext(today: CalendarDate(year: 2026, month: 1, day: 1)!)
}
