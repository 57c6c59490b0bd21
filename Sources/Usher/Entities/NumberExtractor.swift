/// Finds numbers: "3", "-4", "3.5", "1,200", and numbers in words of the message's language:
/// English "zero" to "nine hundred and ninety-nine", "двадцать пять", "fünfundzwanzig", "二十五",
/// and either times a scale word: "2 thousand", "1,5 Tausend", "полторы тысячи", "3千".
///
/// The value is plain decimal text without grouping or trailing zeros: "1,200" is `1200`,
/// "3.50" is `3.5`, "twenty-five" is `25`. The point is the decimal separator; "1,5" is no
/// number at all, since it could be one and a half or a list. Digits glued to letters
/// ("AB123456", "3pm", "5kg") or part of a dotted sequence ("1.2.3") are not numbers; digits
/// inside dates, times, money and phone numbers are found here too, and ``EntityRecognizer``
/// gives them to the longer entity. A lone "一" is no number in Chinese: it is part of too many
/// words ("一直", "一下", "一起").
public struct NumberExtractor: MessageExtractor {
    public let type = "number"

    public init() {}

    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch] {
        let language = context.resolvedLanguage
        return message.scanTokens(type) { number(in: message, at: $0, language: language) }
    }

    /// The number starting at token `index` and the token after it.
    private func number(in message: EntityMessage, at index: Int, language: Language) -> (String, Int)? {
        if let words = NumberParser.scaledWords(in: message, at: index, language: language) {
            let loneOne = language.numbers.grammar == .characters && words.value == "1" && words.end == index + 1
            return loneOne ? nil : (words.value, words.end)
        }
        let signed = isMinusSign(in: message, at: index)
        let start = signed ? index + 1 : index
        guard !message.isGluedBefore(signed ? index : start),
            let reading = NumberParser.scaledDigits(in: message, at: start, language: language),
            !message.isGluedAfter(reading.end)
        else { return nil }
        if signed {
            let magnitude = reading.value
            return (magnitude == "0" ? magnitude : "-" + magnitude, reading.end)
        }
        return (reading.value, reading.end)
    }

    /// A minus (or hyphen) directly before digits, and not joining them to a word or number before it ("3-4").
    private func isMinusSign(in message: EntityMessage, at index: Int) -> Bool {
        (message.isSymbol(index, "-") || message.isSymbol(index, "\u{2212}"))
            && message.digits(index + 1) != nil && message.touches(index + 1)
    }
}
