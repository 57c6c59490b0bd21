/// Finds amounts of money: "$49.99", "€10", "10 €", "49.99 USD", "USD 20", "10 euros", "twenty dollars",
/// and in the words of the message's language: "500 рублей", "zwanzig Euro", "NT$300", "300元",
/// "新台幣三百元", with scale words: "2 Tausend Euro", "5 тысяч рублей", "$2.5k", "3千元".
///
/// A comma followed by one or two digits is a decimal comma, as European customers write prices:
/// "49,99 €" is `49.99 EUR`; followed by three it groups thousands: "$1,299" is `1299 USD`.
///
/// The value is the amount and the ISO 4217 code, `49.99 USD`. The amount is canonical as for
/// numbers, so "$49.90" is `49.9 USD` and "€10.00" is `10 EUR`: compare amounts as decimals, not
/// as text with a fixed number of cents. A number without a currency is not money.
public struct MoneyExtractor: MessageExtractor {
    public let type = "money"

    public init() {}

    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch] {
        let language = context.resolvedLanguage
        return message.scanTokens(type) {
            currencyFirst(in: message, at: $0, language: language)
                ?? amountFirst(in: message, at: $0, language: language)
        }
    }

    /// "$49.99", "USD 20", "$20 USD", "NT$300", "新台幣300元".
    private func currencyFirst(in message: EntityMessage, at index: Int, language: Language) -> (String, Int)? {
        let token = message.tokens[index]
        let prefix: (code: String, end: Int)?
        var isLocal = false
        if Currency.isSymbol(token) || Currency.isCode(token), let code = Currency.code(of: token) {
            prefix = (code, index + 1)
        } else if let (code, end) = language.currencyPrefixes.match(at: index, token: message.word) {
            // "NT$": the dollar sign only says which dollar.
            prefix = (code, message.isSymbol(end, "$") && message.touches(end) ? end + 1 : end)
            isLocal = true
        } else {
            prefix = nil
        }
        guard let (code, start) = prefix, !message.isGluedBefore(index),
            let amount = amount(in: message, at: start, wordsIn: isLocal ? language : nil)
        else { return nil }
        // "$20 USD", "新台幣300元": the currency named again after the amount belongs to the match.
        let after =
            isLocal
            ? Currency.named(in: message, at: amount.end, language: language)
            : amount.end < message.tokens.count
                ? Currency.code(of: message.tokens[amount.end]).map { ($0, amount.end + 1) } : nil
        if let (repeated, end) = after, repeated == code, !message.isGluedAfter(end) {
            return ("\(amount.value) \(code)", end)
        }
        guard !message.isGluedAfter(amount.end) else { return nil }
        return ("\(amount.value) \(code)", amount.end)
    }

    /// The amount after a currency: digits, or words of `language` when given ("新台幣三百元").
    private func amount(in message: EntityMessage, at index: Int, wordsIn language: Language?) -> NumberParser.Reading?
    {
        if let digits = NumberParser.scaledDigits(
            in: message, at: index, language: language ?? .english, decimalComma: true)
        {
            return digits
        }
        guard let language else { return nil }
        return NumberParser.scaledWords(in: message, at: index, language: language)
    }

    /// "49.99 USD", "10€", "10 euros", "twenty dollars", "500 рублей", "300元", "500元人民幣".
    private func amountFirst(in message: EntityMessage, at index: Int, language: Language) -> (String, Int)? {
        let amount: NumberParser.Reading
        if let words = NumberParser.scaledWords(in: message, at: index, language: language) {
            amount = words
        } else if !message.isGluedBefore(index),
            let digits = NumberParser.scaledDigits(in: message, at: index, language: language, decimalComma: true)
        {
            amount = digits
        } else {
            return nil
        }
        guard var (code, end) = Currency.named(in: message, at: amount.end, language: language) else { return nil }
        // "500元人民幣", "五百塊美金": a currency named right after the unit says which one it is.
        if let (named, namedEnd) = Currency.named(in: message, at: end, language: language) {
            (code, end) = (named, namedEnd)
        }
        guard !message.isGluedAfter(end) else { return nil }
        return ("\(amount.value) \(code)", end)
    }
}
