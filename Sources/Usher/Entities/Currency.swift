/// The currencies customers name, by symbol, ISO code or word, each mapped to its ISO 4217 code.
///
/// `$` is taken as US dollars and `¥` as yen: a customer-service bot cannot tell a Canadian
/// dollar sign from the text alone, and a bot that needs to can ask.
enum Currency {
    /// The ISO code a symbol, code or word stands for; `nil` when the token names no currency.
    static func code(of token: EntityToken) -> String? {
        switch token.kind {
        case .symbol: symbols[token.text]
        case .word: codes.contains(token.text) ? token.text.uppercased() : words[token.text]
        case .digits: nil
        }
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

    private static let words: [String: String] = [
        "dollar": "USD", "dollars": "USD", "buck": "USD", "bucks": "USD",
        "euro": "EUR", "euros": "EUR",
        "pound": "GBP", "pounds": "GBP", "quid": "GBP",
        "yen": "JPY",
        "rupee": "INR", "rupees": "INR",
    ]
}
