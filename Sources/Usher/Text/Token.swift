/// One unit of a normalised message: a word, a number, or a single character of a script that is
/// written without spaces (Chinese, Japanese, Thai, ...).
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable {
        /// Letters, possibly with digits (`ab123`).
        case word
        /// Digits only.
        case number
        /// One character of a script without word spaces; the matcher pairs neighbours into bigrams.
        case character
    }

    public var kind: Kind
    /// The bytes of the token within ``NormalizedText/utf8``.
    public var range: Range<Int>

    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// A message after normalisation: lower-case, accent-free, compatibility-folded UTF-8, and its tokens.
///
/// Tokens are byte ranges into one buffer, so normalising a message allocates two arrays however
/// many words it has.
public struct NormalizedText: Sendable, Hashable {
    public var utf8: [UInt8]
    public var tokens: [Token]

    public init(utf8: [UInt8], tokens: [Token]) {
        self.utf8 = utf8
        self.tokens = tokens
    }

    /// The text of one token.
    public func text(of token: Token) -> String {
        String(decoding: utf8[token.range], as: UTF8.self)
    }

    /// Every token's text, in order.
    public var words: [String] { tokens.map(text(of:)) }
}
