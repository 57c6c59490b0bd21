/// One piece of a message as the entity extractors read it: a word, a run of digits, a single
/// symbol or a single Han or kana character.
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
        /// One character of a script written without spaces (Chinese, Japanese): such text has
        /// no word boundaries to find, so extractors match their phrases character by character
        /// ("明天" is 明 then 天) and a character glues to nothing, so "300元" is an amount.
        case character
        /// One scalar that is neither a letter, a digit nor white space: `$`, `-`, `/`, `€`, ...
        case symbol
    }

    var kind: Kind
    /// UTF-8 byte offsets in the message.
    var range: Range<Int>
    /// Words lower-cased; digits, symbols and characters as written.
    var text: String
}
