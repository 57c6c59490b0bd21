@testable import Usher

/// The entities of one type the recognizer keeps in `text`, read in `language` on Monday
/// 2026-11-23, as (value, the customer's words) pairs.
func found(_ type: String, in text: String, language: String) -> [Pair] {
    let recognizer = try! EntityRecognizer()
    let context = EntityContext(today: monday, language: language)
    return recognizer.entities(of: type, in: text, context: context).map { Pair($0.value, $0.text) }
}

/// Every entity the recognizer keeps in `text`, read in `language` on Monday 2026-11-23, in text
/// order, as "type value ← words".
func everything(in text: String, language: String) -> [String] {
    let recognizer = try! EntityRecognizer()
    let context = EntityContext(today: monday, language: language)
    return recognizer.entities(in: text, context: context).map { "\($0.type) \($0.value) ← \($0.text)" }
}

/// A value and the words it was read from; a struct so that tests compare with `==`.
struct Pair: Equatable, CustomStringConvertible, Sendable {
    var value: String
    var text: String

    init(_ value: String, _ text: String) {
        self.value = value
        self.text = text
    }

    var description: String { "\(value) ← \(text)" }
}
