/// A day of the month written as an ordinal, with its month or alone: "5-го марта", "пятого
/// марта", "fünften März", and without a month "the 5th", "on the fifth", "am 5.", "am fünften",
/// "5-го числа", "5 числа", "5號", "五日"; when a form asks for a date, also "5-го" or "fifth" alone.
/// A day alone is the coming such day, today included (with `past`, the last one); a month too
/// short for it is passed over ("the 31st" in November is 31 December).
extension DateExtractor {
    /// The day written at `index` as an ordinal of the language: an ordinal word ("пятого",
    /// "fünften"), or digits with an ending touching them ("5th", "5-го", "5го", "5."); and the
    /// token after it.
    func ordinalDay(in message: EntityMessage, at index: Int, calendar: CalendarVocabulary) -> (day: Int, end: Int)? {
        if let word = ordinalWord(in: message, at: index, calendar: calendar) { return word }
        guard let day = shortNumber(in: message, at: index), !message.isGluedBefore(index), message.touches(index + 1)
        else { return nil }
        if message.isSymbol(index + 1, "."), calendar.ordinalEndings.contains(".") {
            // "5.3." is a day and a month, and "5.30" a time.
            return message.touches(index + 2) && message.digits(index + 2) != nil ? nil : (day, index + 2)
        }
        let endingAt = message.isSymbol(index + 1, "-") && message.touches(index + 2) ? index + 2 : index + 1
        guard let ending = message.word(endingAt), calendar.ordinalEndings.contains(ending),
            !message.isGluedAfter(endingAt + 1)
        else { return nil }
        return (day, endingAt + 1)
    }

    /// The day an ordinal word at `index` names ("fifth", "twenty-first", "пятого", "fünften"),
    /// and the token after it; the hyphen of "twenty-first" is one of its parts.
    func ordinalWord(in message: EntityMessage, at index: Int, calendar: CalendarVocabulary) -> (day: Int, end: Int)? {
        calendar.dayOrdinals.match(at: index, token: { message.word($0) ?? (message.isSymbol($0, "-") ? "-" : nil) })
            .map { ($0.value, $0.end) }
    }

    /// A day alone, with no month: written in words after a word that makes it a date ("the
    /// fifth", "on the twenty-first", "am fünften"), or, when a form's question asks for a date
    /// (`asked`), any ordinal ("5-го", "до пятого", "fifth", "5th", "5."). Either way nothing may
    /// follow it but a symbol or a word that may follow a bare day: "the fifth floor", "5-го
    /// этажа" and "zum ersten Mal" are no dates.
    func loneDay(
        in message: EntityMessage, at index: Int, today: CalendarDate, calendar: CalendarVocabulary, past: Bool,
        asked: Bool
    ) -> Found? {
        guard
            asked
                || message.digits(index) == nil
                    && (message.word(index - 1).map(calendar.bareDayBefore.contains) ?? false),
            let (day, end) = ordinalDay(in: message, at: index, calendar: calendar)
        else { return nil }
        if let next = message.word(end), !calendar.bareDayFollowers.contains(next) { return nil }
        return Self.coming(day: day, today: today, past: past).map { Found(date: $0, end: end) }
    }

    /// "the 5th", "on the 21st", "am 5.": an ordinal day in digits right after one of the words
    /// that make it a date by itself, and before nothing that makes it something else ("the 5th
    /// floor").
    func bareDay(
        in message: EntityMessage, at index: Int, today: CalendarDate, calendar: CalendarVocabulary, past: Bool
    )
        -> Found?
    {
        guard message.digits(index) != nil, let before = message.word(index - 1),
            calendar.bareDayBefore.contains(before),
            let (day, end) = ordinalDay(in: message, at: index, calendar: calendar)
        else { return nil }
        if !calendar.bareDayFollowers.isEmpty, let next = message.word(end), !calendar.bareDayFollowers.contains(next) {
            return nil
        }
        return Self.coming(day: day, today: today, past: past).map { Found(date: $0, end: end) }
    }

    /// "5-го числа", "пятого числа", "5 числа", "к 5 числу": a day, as an ordinal or in plain
    /// digits, and the word that makes it a day of the month (where an ordinal alone, "пятого",
    /// is the fifth of anything, and "5" any number).
    func namedDay(
        in message: EntityMessage, at index: Int, today: CalendarDate, calendar: CalendarVocabulary, past: Bool
    ) -> Found? {
        guard !calendar.dayWordsAfter.isEmpty,
            let (day, end) = ordinalDay(in: message, at: index, calendar: calendar) ?? plainDay(in: message, at: index),
            let next = message.word(end), calendar.dayWordsAfter.contains(next)
        else { return nil }
        return Self.coming(day: day, today: today, past: past).map { Found(date: $0, end: end + 1) }
    }

    /// One or two digits standing alone ("5" of "5 числа"), and the token after them.
    private func plainDay(in message: EntityMessage, at index: Int) -> (day: Int, end: Int)? {
        guard let day = shortNumber(in: message, at: index), !message.isGluedBefore(index),
            !message.isGluedAfter(index + 1)
        else { return nil }
        return (day, index + 1)
    }

    /// "5號", "五日": a number and the day's marker, neither after a month's marker ("3月5日" is
    /// a whole date) nor before a character that makes the number a label ("5號房", room 5).
    func markedDay(in message: EntityMessage, at index: Int, today: CalendarDate, language: Language, past: Bool)
        -> Found?
    {
        let calendar = language.calendar
        guard !calendar.markers.day.isEmpty, !(message.word(index - 1).map(calendar.markers.month.contains) ?? false),
            let (day, end) = markedNumber(in: message, at: index, maximumDigits: 2, language: language),
            let marker = message.word(end), calendar.markers.day.contains(marker),
            !(message.word(end + 1).map(calendar.labelsAfterDayMarker.contains) ?? false)
        else { return nil }
        return Self.coming(day: day, today: today, past: past).map { Found(date: $0, end: end + 1) }
    }

    /// A number in digits (at most `maximumDigits`) or in the language's words, and the token after it.
    func markedNumber(in message: EntityMessage, at index: Int, maximumDigits: Int, language: Language) -> (
        value: Int, end: Int
    )? {
        if let digits = message.digits(index), digits.utf8.count <= maximumDigits, !message.isGluedBefore(index) {
            return (Int(digits)!, index + 1)
        }
        return NumberParser.words(in: message, at: index, language: language)
    }

    /// The coming day `day` of a month, today included, or with `past` the last one; months
    /// without such a day are passed over.
    static func coming(day: Int, today: CalendarDate, past: Bool) -> CalendarDate? {
        guard (1...31).contains(day), let first = CalendarDate(year: today.year, month: today.month, day: 1) else {
            return nil
        }
        for step in 0..<3 {
            let month = first.adding(months: past ? -step : step)
            guard let date = CalendarDate(year: month.year, month: month.month, day: day) else { continue }
            if past ? !(today < date) : !(date < today) { return date }
        }
        return nil
    }
}
