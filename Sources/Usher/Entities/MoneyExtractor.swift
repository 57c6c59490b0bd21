/// Finds amounts of money: "$49.99", "€10", "10 €", "49.99 USD", "USD 20", "10 euros", "twenty dollars".
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
        message.scanTokens(type) { currencyFirst(in: message, at: $0) ?? amountFirst(in: message, at: $0) }
    }

    /// "$49.99", "USD 20", "$20 USD".
    private func currencyFirst(in message: EntityMessage, at index: Int) -> (String, Int)? {
        let token = message.tokens[index]
        guard Currency.isSymbol(token) || Currency.isCode(token), let code = Currency.code(of: token),
            !message.isGluedBefore(index),
            let amount = NumberParser.digits(in: message, at: index + 1, decimalComma: true)
        else { return nil }
        if amount.end < message.tokens.count, Currency.code(of: message.tokens[amount.end]) == code,
            !message.isGluedAfter(amount.end + 1)
        {
            return ("\(amount.value) \(code)", amount.end + 1)
        }
        guard !message.isGluedAfter(amount.end) else { return nil }
        return ("\(amount.value) \(code)", amount.end)
    }

    /// "49.99 USD", "10€", "10 euros", "twenty dollars".
    private func amountFirst(in message: EntityMessage, at index: Int) -> (String, Int)? {
        let amount: NumberParser.Reading
        if let words = NumberParser.words(in: message, at: index) {
            amount = NumberParser.Reading(value: String(words.value), end: words.end)
        } else if !message.isGluedBefore(index),
            let digits = NumberParser.digits(in: message, at: index, decimalComma: true)
        {
            amount = digits
        } else {
            return nil
        }
        guard amount.end < message.tokens.count, let code = Currency.code(of: message.tokens[amount.end]),
            !message.isGluedAfter(amount.end + 1)
        else { return nil }
        return ("\(amount.value) \(code)", amount.end + 1)
    }
}
