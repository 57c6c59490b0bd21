/// How replies show the values of a bot's `values` entities in one language: the customer reads
/// "credit card", "Kreditkarte" or "信用卡", never the key `credit_card` that slots, actions and
/// the protocol carry.
///
/// A value's name is its first synonym in a translation's `synonyms` for that language; in the
/// bot's own language (and where a translation gives the value no words) it is the key itself
/// when the key is a word customers write ("paypal"), or else (a key such as `credit_card`) the
/// value's first synonym, or the key with spaces for its underscores. So the bot's author
/// chooses how a value is shown by the order of its synonyms.
///
/// ```swift
/// let names = ValueNames(
///     entities: ["payment": .values(["credit_card": ["credit card", "visa"]])],
///     translated: ["payment": ["credit_card": ["Kreditkarte"]]])
/// names.name(of: "credit_card", type: "payment")  // "Kreditkarte"
/// ```
public struct ValueNames: Sendable {
    /// Names by entity type, then by key; only values whose name differs from the key.
    private let names: [String: [String: String]]

    /// The names for a bot's own language (`translated` empty) or for a translation's, whose
    /// `synonyms` are `translated`.
    public init(entities: [String: EntityDefinition], translated: [String: [String: [String]]] = [:]) {
        var names: [String: [String: String]] = [:]
        for (type, definition) in entities {
            guard case .values(let values) = definition else { continue }
            for (key, synonyms) in values {
                let name = translated[type]?[key]?.first ?? Self.ownName(key: key, synonyms: synonyms)
                if name != key { names[type, default: [:]][key] = name }
            }
        }
        self.names = names
    }

    /// The key when customers would write it, else the first synonym, else the key with spaces.
    private static func ownName(key: String, synonyms: [String]) -> String {
        guard key.contains("_") else { return key }
        return synonyms.first ?? String(key.map { $0 == "_" ? " " : $0 })
    }

    /// How a reply shows `value`, a key of the entity `type`; `nil` when the key is shown as it is
    /// (or the type is no `values` entity).
    public func name(of value: String, type: String) -> String? {
        names[type]?[value]
    }
}
