/// Reads the numbers inside other entities too: amounts of money, "in 3 days", "twenty dollars".
///
/// Digits may group thousands with commas ("1,200") and take a decimal point ("3.5"). A comma is
/// a decimal separator only where the caller allows it, for prices ("49,99 €"): in "1,5" on its
/// own it could be either. Words follow the language's ``NumberWords``: English zero to nine
/// hundred and ninety-nine, Russian, German and Chinese to 999,999 (see
/// `NumberParser+Languages.swift`).
enum NumberParser {
    /// A number read from the tokens `start..<end`.
    struct Reading: Sendable, Equatable {
        /// Canonical decimal text, as ``canonical(integer:fraction:negative:)`` makes it.
        var value: String
        /// The token after the number.
        var end: Int
    }

    /// The number written in digits that starts at token `index`, without its sign; with
    /// `decimalComma`, one or two digits after a comma are decimals ("49,99").
    ///
    /// Whether it is glued to what surrounds it is left to the caller.
    ///
    /// Prices group thousands as their writers do (`decimalComma`): "1,299" (English), "1.299,00"
    /// (German: a point groups, a comma then takes the decimals) and "1 299" or "2 490,50"
    /// (Russian and German: a space, also a no-break or thin one). Elsewhere only commas group:
    /// "3.5" is a decimal and "2 500" two numbers.
    static func digits(in message: EntityMessage, at index: Int, decimalComma: Bool = false) -> Reading? {
        guard let first = message.digits(index) else { return nil }
        var integer = first
        var end = index + 1
        var grouping: Grouping?
        if first.utf8.count <= 3 {
            while let separator = groupSeparator(in: message, at: end, money: decimalComma),
                grouping == nil || grouping == separator,
                let group = message.digits(end + (separator == .space ? 0 : 1)), group.utf8.count == 3,
                separator == .space || message.touches(end + 1),
                // A space-grouped run ends where digits follow without a space ("1 2345").
                !(separator == .space && message.touches(end + 1) && message.digits(end + 1) != nil)
            {
                grouping = separator
                integer += group
                end += separator == .space ? 1 : 2
            }
        }
        var fraction = ""
        let decimalPoint = grouping == .point ? "," : "."
        let commaDecimals = decimalComma && (grouping == nil ? end == index + 1 : grouping != .comma)
        if message.isSymbol(end, decimalPoint) || (commaDecimals && message.isSymbol(end, ",")),
            message.touches(end), message.touches(end + 1), let decimals = message.digits(end + 1),
            message.tokens[end].text == "." || decimals.utf8.count <= 2
        {
            fraction = decimals
            end += 2
        }
        return Reading(value: canonical(integer: integer, fraction: fraction), end: end)
    }

    /// How a number's thousands are grouped.
    private enum Grouping { case comma, point, space }

    /// The separator of a group of thousands that would start at token `index`: a comma glued to
    /// the digits on both sides; in prices also a point so glued when exactly three digits follow
    /// (no price has three decimals), or a single space before three digits.
    private static func groupSeparator(in message: EntityMessage, at index: Int, money: Bool) -> Grouping? {
        guard index < message.tokens.count else { return nil }
        if message.isSymbol(index, ","), message.touches(index) { return .comma }
        guard money else { return nil }
        if message.isSymbol(index, "."), message.touches(index),
            message.digits(index + 1)?.utf8.count == 3
        {
            return .point
        }
        if message.tokens[index].kind == .digits, !message.touches(index) {
            let gap = message.tokens[index - 1].range.upperBound..<message.tokens[index].range.lowerBound
            if Self.singleSpaces.contains(message.text(gap)) { return .space }
        }
        return nil
    }

    /// One space between groups: plain, no-break, thin or narrow no-break.
    private static let singleSpaces: Set<String> = [" ", "\u{00A0}", "\u{2009}", "\u{202F}"]

    /// The number written in words of `language` that starts at token `index`.
    static func words(in message: EntityMessage, at index: Int, language: Language) -> (value: Int, end: Int)? {
        switch language.numbers.grammar {
        case .english: englishWords(in: message, at: index)
        case .spaced: spacedWords(in: message, at: index, language: language)
        case .compound: compoundWord(in: message, at: index, language: language)
        case .characters: characterNumber(in: message, at: index, language: language)
        }
    }

    /// The number written in English words that starts at token `index`: "seven", "twenty-five",
    /// "three hundred and twelve", "hundred".
    static func englishWords(in message: EntityMessage, at index: Int) -> (value: Int, end: Int)? {
        var value = 0
        var end = index
        if let unit = message.word(index).flatMap({ units[$0] }), unit > 0, message.word(index + 1) == "hundred" {
            value = unit * 100
            end = index + 2
        } else if message.word(index) == "hundred" {
            value = 100
            end = index + 1
        } else {
            return belowHundred(in: message, at: index)
        }
        let rest = message.word(end) == "and" ? end + 1 : end
        if let tail = belowHundred(in: message, at: rest), tail.value > 0 {
            return (value + tail.value, tail.end)
        }
        return (value, end)
    }

    /// "zero" to "ninety-nine" (with or without the hyphen).
    private static func belowHundred(in message: EntityMessage, at index: Int) -> (value: Int, end: Int)? {
        guard let word = message.word(index) else { return nil }
        if let unit = units[word] { return (unit, index + 1) }
        guard let ten = tens[word] else { return nil }
        let hyphenated = message.isSymbol(index + 1, "-") && message.touches(index + 1) && message.touches(index + 2)
        let next = hyphenated ? index + 2 : index + 1
        if let unit = message.word(next).flatMap({ units[$0] }), (1...9).contains(unit) {
            return (ten + unit, next + 1)
        }
        return (ten, index + 1)
    }

    /// Plain decimal text: no thousands separators, no leading zeros, no trailing zeros after the
    /// point ("007" is "7", "49.90" is "49.9", "10.00" is "10"), and no minus on zero.
    static func canonical(integer: String, fraction: String, negative: Bool = false) -> String {
        let digits = integer.drop { $0 == "0" }
        var text = digits.isEmpty ? "0" : String(digits)
        var decimals = Substring(fraction)
        while decimals.last == "0" { decimals.removeLast() }
        if !decimals.isEmpty { text += "." + decimals }
        return negative && text != "0" ? "-" + text : text
    }

    /// English "zero" to "nineteen", from ``Language/english``.
    private static let units = Language.english.numbers.values.filter { $0.value < 20 }

    /// English "twenty" to "ninety".
    private static let tens = Language.english.numbers.values.filter { $0.value >= 20 }
}
