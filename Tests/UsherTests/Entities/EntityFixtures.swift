@testable import Usher

/// Monday 23 November 2026: the "today" of every entity test.
let monday = CalendarDate(year: 2026, month: 11, day: 23)!
let mondayContext = EntityContext(today: monday)

extension EntityExtractor {
    /// The canonical values found in `text`, in order.
    func values(in text: String) -> [String] {
        extract(from: text, context: mondayContext).map(\.value)
    }

    /// The words matched in `text`, in order.
    func texts(in text: String) -> [String] {
        extract(from: text, context: mondayContext).map(\.text)
    }
}

/// The bytes of `range` in `text`, decoded: what a match's `text` must equal.
func slice(_ text: String, _ range: Range<Int>) -> String {
    String(decoding: Array(text.utf8)[range], as: UTF8.self)
}
