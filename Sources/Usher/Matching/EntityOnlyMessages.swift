import Synchronization

/// Messages that are nothing but built-in entities and the words that place them: "bis zum 5.",
/// "5/12", "5號", "12:30", "by Friday".
///
/// A customer who writes only a date, with no form asking for one, has not said what they want.
/// Yet as features its digits and the words around it may sit close to any intent: "5/12" once
/// matched `billing_question` at 0.91 for the digits of a price, "bis zum 5." `goodbye` at 0.82
/// for the "bis" of "bis dann", "5號" `account_access` at 0.85 for the "號" of "帳號". So the
/// matcher declines such a message, unless the intent it would choose was taught one like it: an
/// example of that intent is itself only entities (German "morgen" greets, and the dates read it
/// as "tomorrow"). A form that asks for a date reads the answer before the matcher is asked.
///
/// Only the built-in types count: the bot's own codes already stand for their type in the
/// features (``EntityPlaceholders``), where an example such as "{order_id}" can teach them.
///
/// A class, so that the matcher, which dialog engines and turns copy, holds one reference
/// rather than a recognizer and a language's vocabulary to retain on every copy.
final class EntityOnlyMessages: Sendable {
    private let recognizer: EntityRecognizer
    /// Per intent (by the matcher's index), whether one of its examples is only entities, read
    /// the first time a message of entities alone would go to it: reading every example of an
    /// intent is too much to do again for each such message, and too much to do at load.
    private let taughtAlone = Mutex<[Int: Bool]>([:])
    private let context: EntityContext
    private let placeWords: Set<String>

    /// Longer messages are never read: no date takes more tokens ("on the 31st of December 2026"),
    /// nor more bytes ("тридцать первого декабря 2027 года" has 58).
    static let longestMessage = 8
    static let longestText = 120
    /// Words besides place words that a message without digits may have and still be only
    /// entities ("next Monday", "twenty dollars", "the twenty-first"); four Han characters
    /// ("下週一", "明天"). Messages of more are not read, which keeps the extractors off most
    /// requests ("where is my order"); a date in more words ("the first of next month") is
    /// left to the matcher as before.
    static let mostWordsWithoutDigits = 2
    static let mostCharactersWithoutDigits = 4

    init(language: String) {
        // Built-in types only: this cannot throw.
        recognizer = try! EntityRecognizer()
        // Which words are entities does not depend on the day; their values are not used.
        context = EntityContext(today: CalendarDate(year: 2026, month: 1, day: 1)!, language: language)
        placeWords = (Language.named(language) ?? .english).calendar.placeWords
    }

    /// The types of the entities that make up the whole of `text`, in text order, or `nil` when
    /// it holds anything else (or nothing, or more than ``longestMessage`` tokens). `thorough`
    /// reads a text without digits whatever its number of words: an example, read only when a
    /// message is declined, teaches its intent whatever it holds ("um sieben Uhr morgens").
    func types(of text: String, thorough: Bool = false) -> [String]? {
        guard text.utf8.count <= Self.longestText else { return nil }
        // Most messages are ASCII words without a digit ("where is my order"): counted from the
        // bytes, as the entity reader would split them, before a message is built to read them.
        if !thorough, let words = asciiWordsWithoutDigits(text), words > Self.mostWordsWithoutDigits { return nil }
        let message = EntityMessage(text)
        guard message.tokens.count <= Self.longestMessage else { return nil }
        let content = message.tokens.filter { $0.kind != .symbol && !placeWords.contains($0.text) }
        guard !content.isEmpty else { return nil }
        if !thorough, !content.contains(where: { $0.kind == .digits }) {
            let characters = content.count { $0.kind == .character }
            let words = content.count - characters
            guard words <= Self.mostWordsWithoutDigits, characters <= Self.mostCharactersWithoutDigits else {
                return nil
            }
        }
        let found = recognizer.entities(in: message, context: context)
        guard !found.isEmpty else { return nil }
        for token in content {
            guard found.contains(where: { $0.range.contains(token.range.lowerBound) }) else { return nil }
        }
        var types: [String] = []
        for match in found where !types.contains(match.type) { types.append(match.type) }
        return types
    }

    /// Whether `intent` was taught a message of entities alone, `read` from its examples once.
    func isTaughtAlone(_ intent: Int, read: () -> Bool) -> Bool {
        if let known = taughtAlone.withLock({ $0[intent] }) { return known }
        let taught = read()
        taughtAlone.withLock { $0[intent] = taught }
        return taught
    }

    /// For ASCII text without a digit, a count that is more than `limit` exactly when its words
    /// that are not place words are, counted the way ``EntityMessage`` tokenises it (a word is a
    /// run of ASCII letters; anything else but a space is a symbol of its own): the runs of
    /// letters when there are no more than `limit`, else the words that are not place words up
    /// to `limit` + 1 (place words are looked up only then); `nil` for any other text.
    func asciiWordsWithoutDigits(_ text: String, limit: Int = mostWordsWithoutDigits) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            // First the runs of letters, and whether anything rules the text out.
            var runs: [Range<Int>] = []
            var start = -1
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 || (0x30...0x39).contains(byte) { return nil }
                if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    runs.append(start..<index)
                    start = -1
                }
            }
            if start >= 0 { runs.append(start..<bytes.count) }
            guard runs.count > limit else { return runs.count }
            var words = 0
            for run in runs {
                let word = String(decoding: bytes[run].lazy.map { $0 | 0x20 }, as: UTF8.self)
                if !placeWords.contains(word) {
                    words += 1
                    if words > limit { return words }
                }
            }
            return words
        } ?? nil
    }
}
