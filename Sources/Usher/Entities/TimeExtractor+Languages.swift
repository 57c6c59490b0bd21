/// Times of day in the words of languages other than English, read from the language's
/// ``CalendarVocabulary``: an hour with an hour word ("часа", "Uhr", "點"), minutes, and a part
/// of the day before or after it ("утра", "abends", "下午").
extension TimeExtractor {
    /// The time starting at token `index`: hour, minute and the token after it.
    func localTime(in message: EntityMessage, at index: Int, language: Language) -> (Int, Int, Int)? {
        let named = language.calendar.namedTimes.match(at: index, token: message.word).map {
            ($0.value / 60, $0.value % 60, $0.end)
        }
        let clock = clockWords(in: message, at: index, language: language)
        return [named, clock].compactMap { $0 }.max { $0.2 < $1.2 }
    }

    /// "в 3 часа дня", "10 утра", "15 Uhr 30", "下午3點半".
    private func clockWords(in message: EntityMessage, at index: Int, language: Language) -> (Int, Int, Int)? {
        let calendar = language.calendar
        var next = index
        var part = calendar.dayParts.match(at: next, token: message.word).map(\.value)
        var partNeedsHourWord = false
        if let (_, end) = calendar.dayParts.match(at: next, token: message.word) { next = end }
        guard let (hour, afterHour) = number(in: message, at: next, language: language), hour <= 24 else { return nil }
        next = afterHour
        var minute = 0
        // Any token, not only words: "o'clock" is written with its apostrophe.
        let hourWord = calendar.hourWords.match(at: next, token: message.anyToken)
        if let hourWord {
            next = hourWord.end
            if let (value, end) = calendar.minuteWords.match(at: next, token: message.word), value > 0 {
                (minute, next) = (value, end)
            } else if let (value, end) = number(in: message, at: next, language: language), value < 60,
                calendar.dayParts.match(at: next, token: message.word) == nil
            {
                (minute, next) = (value, end)
                if let (_, after) = calendar.minuteWords.match(at: next, token: message.word) { next = after }
            }
        }
        if part == nil, let (value, end) = calendar.dayParts.match(at: next, token: message.word) {
            // Without the hour word a part after the number is no time where the part comes first
            // ("初五下午"), nor where it is also a unit: "3 дня" is three days as often as 3 p.m.
            partNeedsHourWord =
                !calendar.dayPartsFollowBareHours || calendar.units.match(at: next, token: message.word) != nil
            part = value
            next = end
        }
        switch (part, hourWord?.value) {
        case (let offset?, _) where hourWord != nil || !partNeedsHourWord:
            guard (0...12).contains(hour) else { return nil }
            if offset == 12 && hour < 12 { return (hour + 12, minute, next) }
            return (offset == 0 && hour == 12 ? 0 : hour, minute, next)
        case (nil, 1?):
            return hour < 24 ? (hour, minute, next) : nil
        case (nil, 0?):
            return hour > 12 && hour < 24 ? (hour, minute, next) : nil
        default:
            return nil
        }
    }

    /// An hour or minute count in digits (one or two, standing alone) or in words.
    private func number(in message: EntityMessage, at index: Int, language: Language) -> (Int, Int)? {
        if let digits = message.digits(index), digits.utf8.count <= 2, !message.isGluedBefore(index),
            !message.isSymbol(index + 1, ":")
        {
            return (Int(digits)!, index + 1)
        }
        return NumberParser.words(in: message, at: index, language: language)
    }
}
