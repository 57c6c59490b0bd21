/// A value found in a customer message: what kind it is, what it means and where it stands.
///
/// `value` is canonical so that dialog code can compare and store it without parsing again
/// ("next Monday" and "30 Nov" both become `2026-11-30`); `text` and `range` keep the customer's
/// own words, for echoing them back or highlighting them.
public struct EntityMatch: Sendable, Hashable {
    /// The entity type: a built-in one (`date`, `money`, ...) or one the bot defines.
    public var type: String
    /// The canonical value; its format depends on the type (see ``EntityRecognizer``).
    public var value: String
    /// The words as the customer wrote them.
    public var text: String
    /// UTF-8 byte offsets of ``text`` in the message.
    public var range: Range<Int>

    public init(type: String, value: String, text: String, range: Range<Int>) {
        self.type = type
        self.value = value
        self.text = text
        self.range = range
    }
}
