/// Numbers times a scale word: "2 Tausend", "1,5 Tausend", "5 тысяч", "2 тыс.", "3千", "1.5萬",
/// "2k", "two thousand five hundred", "полторы тысячи", "a million".
///
/// Customers say large amounts this way far more often than they write them out ("the fridge
/// was 2 thousand euros"), so the number and money entities read them through here; a bare
/// number without a scale word is read as before.
extension NumberParser {
    /// The number in words of `language` at token `index`, times a scale word after it.
    ///
    /// "полторы" and "anderthalb" (one and a half) and an article ("a thousand", "eine Million")
    /// are numbers here only before a scale word.
    static func scaledWords(in message: EntityMessage, at index: Int, language: Language) -> Reading? {
        if let word = message.word(index).map(language.folding.fold),
            let lead = language.numbers.halves.contains(word)
                ? "1.5" : language.numbers.articles[word].map(String.init),
            let scaled = scale(Reading(value: lead, end: index + 1), in: message, language: language)
        {
            return scaled
        }
        guard let (value, end) = words(in: message, at: index, language: language) else { return nil }
        let reading = Reading(value: String(value), end: end)
        return scale(reading, in: message, language: language) ?? reading
    }

    /// The number in digits at token `index`, times a scale word after it. Outside prices a
    /// decimal comma counts only before a scale word ("1,5 Tausend"), where it cannot be a list.
    static func scaledDigits(
        in message: EntityMessage, at index: Int, language: Language, decimalComma: Bool = false
    ) -> Reading? {
        if !decimalComma, let withComma = digits(in: message, at: index, decimalComma: true),
            let scaled = scale(withComma, in: message, language: language)
        {
            return scaled
        }
        guard let reading = digits(in: message, at: index, decimalComma: decimalComma) else { return nil }
        return scale(reading, in: message, language: language) ?? reading
    }

    /// `reading` times the scale word right after it, and times a larger one after that ("3
    /// hundred thousand", "две сотни тысяч"), with a smaller number in words after them added
    /// when `reading` was in words ("two thousand five hundred"), or `nil` when no scale word
    /// follows. A scale word may be glued to digits ("2k", "3千").
    private static func scale(_ reading: Reading, in message: EntityMessage, language: Language) -> Reading? {
        guard var (places, end) = scaleWord(in: message, at: reading.end, language: language) else { return nil }
        if let (larger, after) = scaleWord(in: message, at: end, language: language), larger > places {
            (places, end) = (places + larger, after)
        }
        let value = shifted(reading.value, by: places)
        let inWords = message.digits(reading.end - 1) == nil
        if inWords, let base = Int(value), let rest = words(in: message, at: end, language: language),
            rest.value > 0, String(rest.value).utf8.count <= places,
            language.numbers.articles[message.word(end) ?? ""] == nil
        {
            return Reading(value: String(base + rest.value), end: rest.end)
        }
        return Reading(value: value, end: end)
    }

    /// The power of ten of the scale word at token `index`, and the token after it: "тыс." takes its point.
    private static func scaleWord(in message: EntityMessage, at index: Int, language: Language) -> (
        places: Int, end: Int
    )? {
        guard let word = message.word(index).map(language.folding.fold),
            let places = language.numbers.scales[word]
        else { return nil }
        let abbreviated =
            message.isSymbol(index + 1, ".") && message.touches(index + 1)
            && language.numbers.abbreviations.contains(word)
        return (places, abbreviated ? index + 2 : index + 1)
    }

    /// Canonical decimal text times 10^`places`: "1.5" and 3 make "1500".
    static func shifted(_ value: String, by places: Int) -> String {
        let parts = value.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        let moved = min(places, fraction.count)
        integer += fraction.prefix(moved)
        fraction.removeFirst(moved)
        integer += String(repeating: "0", count: places - moved)
        return canonical(integer: integer, fraction: fraction)
    }
}
