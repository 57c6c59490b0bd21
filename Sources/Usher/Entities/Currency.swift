/// The currencies every language shares, by symbol or ISO code, each mapped to its ISO 4217
/// code; currency words ("dollars", "рублей", "元") belong to each ``Language``.
///
/// `$` is taken as US dollars and `¥` as yen: a customer-service bot cannot tell a Canadian
/// dollar sign from the text alone, and a bot that needs to can ask.
enum Currency {
    /// The ISO code a symbol or code stands for; `nil` when the token names no currency.
    static func code(of token: EntityToken) -> String? {
        switch token.kind {
        case .symbol: symbols[token.text]
        case .word: codes.contains(token.text) ? token.text.uppercased() : nil
        case .digits, .character: nil
        }
    }

    /// The currency named at token `index`: a shared symbol or code, or one of the language's
    /// words, and the token after it.
    static func named(in message: EntityMessage, at index: Int, language: Language) -> (code: String, end: Int)? {
        guard index < message.tokens.count else { return nil }
        if let code = code(of: message.tokens[index]) { return (code, index + 1) }
        return language.currencies.match(at: index, token: message.anyToken).map { ($0.value, $0.end) }
    }

    /// Whether a token is a symbol such as `$` (written before or after the amount).
    static func isSymbol(_ token: EntityToken) -> Bool {
        token.kind == .symbol && symbols[token.text] != nil
    }

    /// Whether a token is an ISO code such as `EUR` (written before or after the amount).
    static func isCode(_ token: EntityToken) -> Bool {
        token.kind == .word && codes.contains(token.text)
    }

    private static let symbols: [String: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"]

    private static let codes: Set<String> = [
        "usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "nzd", "inr", "cny", "sek", "nok", "dkk", "pln", "mxn", "brl",
        "zar", "sgd", "hkd",
    ]
}
