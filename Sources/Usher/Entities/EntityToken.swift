/// One piece of a message as the entity extractors read it: a word, a run of digits or a single symbol.
///
/// Letters and digits are separate tokens even when written together ("3pm", "AB123"), and
/// ``range`` tells whether two tokens touch, so extractors can ask for "3" followed by "pm" and
/// still refuse digits glued into an order id.
struct EntityToken: Sendable, Hashable {
    enum Kind: UInt8, Sendable, Hashable {
        /// Letters (any script) with their combining marks, and digits of scripts other than ASCII.
        case word
        /// ASCII digits.
        case digits
        /// One scalar that is neither a letter, a digit nor white space: `$`, `-`, `/`, `€`, ...
        case symbol
    }

    var kind: Kind
    /// UTF-8 byte offsets in the message.
    var range: Range<Int>
    /// Words with ASCII letters lower-cased; digits and symbols as written.
    var text: String
}
