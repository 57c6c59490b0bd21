/// Dates in the words of languages other than English, read from the language's
/// ``CalendarVocabulary``: "завтра", "в следующий понедельник", "через 2 дня", "5 марта",
/// "übermorgen", "nächsten Montag", "vor 3 Tagen", "5. März", "明天", "下週一", "3天後",
/// "2026年3月5日". ISO and numeric day-first dates work as in English.
extension DateExtractor {
    /// The longest date starting at token `index`.
    func localDate(
        in message: EntityMessage, at index: Int, today: CalendarDate, language: Language, past: Bool = false,
        asked: Bool = false
    ) -> Found? {
        guard message.tokens[index].kind != .symbol else { return nil }
        let calendar = language.calendar
        let candidates = [
            relativeDay(in: message, at: index, today: today, calendar: calendar, folding: language.folding),
            localWeekday(in: message, at: index, today: today, language: language, past: past),
            span(in: message, at: index, today: today, language: language),
            dayMonth(in: message, at: index, today: today, calendar: calendar),
            markedDate(in: message, at: index, today: today, language: language),
            bareDay(in: message, at: index, today: today, calendar: calendar, past: past),
            loneDay(in: message, at: index, today: today, calendar: calendar, past: past, asked: asked),
            namedDay(in: message, at: index, today: today, calendar: calendar, past: past),
            markedDay(in: message, at: index, today: today, language: language, past: past),
            dottedDayMonth(in: message, at: index, today: today),
            isoDate(in: message, at: index),
            numericDate(in: message, at: index, today: today),
        ]
        return candidates.compactMap { $0 }.max { $0.end < $1.end }
    }

    /// "завтра", "übermorgen", "明天"; not the "Morgen" of "Guten Morgen".
    private func relativeDay(
        in message: EntityMessage, at index: Int, today: CalendarDate, calendar: CalendarVocabulary,
        folding: WordFolding
    ) -> Found? {
        guard let (days, end) = calendar.relativeDays.match(at: index, token: message.word) else { return nil }
        if let word = message.word(index), let blockers = calendar.notRelativeAfter[folding.fold(word)],
            let previous = message.word(index - 1), blockers.contains(folding.fold(previous))
        {
            return nil
        }
        return Found(date: today.adding(days: days), end: end)
    }

    /// "в пятницу", "следующий понедельник", "nächsten Montag", "Montag, 5. März", "星期五", "下週一".
    private func localWeekday(
        in message: EntityMessage, at index: Int, today: CalendarDate, language: Language, past: Bool
    ) -> Found? {
        let calendar = language.calendar
        let modifier = calendar.weekdayModifiers.match(at: index, token: message.word)
        guard let (weekday, end) = calendar.weekdays.match(at: modifier?.end ?? index, token: message.word) else {
            return nil
        }
        let ahead = (weekday - today.weekday + 7) % 7
        let monday = today.adding(days: 1 - today.weekday)
        switch modifier?.value {
        case .next?: return Found(date: today.adding(days: ahead == 0 ? 7 : ahead), end: end)
        case .last?: return Found(date: today.adding(days: ahead == 0 ? -7 : ahead - 7), end: end)
        case .this?: return Found(date: today.adding(days: ahead), end: end)
        case .thisWeek?: return Found(date: monday.adding(days: weekday - 1), end: end)
        case .nextWeek?: return Found(date: monday.adding(days: weekday + 6), end: end)
        case .lastWeek?: return Found(date: monday.adding(days: weekday - 8), end: end)
        case nil:
            let dateStart = message.isSymbol(end, ",") ? end + 1 : end
            if let written = dayMonth(in: message, at: dateStart, today: today, calendar: calendar) { return written }
            return Found(date: today.adding(days: Self.bareWeekday(ahead: ahead, past: past)), end: end)
        }
    }

    /// "через 2 дня", "через неделю", "3 дня назад", "in drei Wochen", "vor einem Monat", "3天後",
    /// "兩個星期前".
    private func span(in message: EntityMessage, at index: Int, today: CalendarDate, language: Language) -> Found? {
        let calendar = language.calendar
        if let (sign, start) = calendar.spanPrefixes.match(at: index, token: message.word),
            let (count, unit, end) = counted(in: message, at: start, language: language)
        {
            return shifted(today, by: sign * count, unit).map { Found(date: $0, end: end) }
        }
        guard let (count, unit, end) = counted(in: message, at: index, language: language),
            let (sign, after) = calendar.spanSuffixes.match(at: end, token: message.word)
        else { return nil }
        return shifted(today, by: sign * count, unit).map { Found(date: $0, end: after) }
    }

    /// A count and a unit ("3 дня", "drei Wochen", "einem Monat", "兩個月"), or a unit that counts one by itself ("неделю").
    private func counted(in message: EntityMessage, at index: Int, language: Language) -> (
        count: Int, unit: CalendarVocabulary.Unit, end: Int
    )? {
        let calendar = language.calendar
        var count: Int
        var next = index + 1
        if let (unit, end) = calendar.singularUnits.match(at: index, token: message.word) {
            return (1, unit, end)
        } else if let word = message.word(index), let article = language.numbers.articles[language.folding.fold(word)] {
            count = article
        } else if let (value, end) = NumberParser.words(in: message, at: index, language: language) {
            (count, next) = (value, end)
        } else if let digits = message.digits(index), digits.utf8.count <= 6, !message.isGluedBefore(index),
            !message.isGluedAfter(index + 1), let value = Int(digits)
        {
            count = value
        } else {
            return nil
        }
        guard let (unit, end) = calendar.units.match(at: next, token: message.word) else { return nil }
        return (count, unit, end)
    }

    /// "5 марта", "5 марта 2026 года", "5. März", "am 5. März 2026", and with the day an
    /// ordinal: "5-го марта", "пятого марта", "fünften März".
    private func dayMonth(in message: EntityMessage, at index: Int, today: CalendarDate, calendar: CalendarVocabulary)
        -> Found?
    {
        let day: Int
        var monthIndex: Int
        if let ordinal = ordinalDay(in: message, at: index, calendar: calendar) {
            (day, monthIndex) = ordinal
        } else {
            guard let digits = shortNumber(in: message, at: index), !message.isGluedBefore(index) else { return nil }
            (day, monthIndex) = (digits, index + 1)
            if message.isSymbol(monthIndex, "."), message.touches(monthIndex) { monthIndex += 1 }
        }
        guard !message.isGluedAfter(monthIndex),
            let (month, end) = calendar.months.match(at: monthIndex, token: message.word)
        else { return nil }
        let yearIndex = message.isSymbol(end, ",") ? end + 1 : end
        if let year = message.digits(yearIndex), year.utf8.count == 4, !message.isGluedAfter(yearIndex + 1) {
            var yearEnd = yearIndex + 1
            if let (_, after) = calendar.yearWords.match(at: yearEnd, token: message.word) { yearEnd = after }
            return CalendarDate(year: Int(year)!, month: month, day: day).map { Found(date: $0, end: yearEnd) }
        }
        return CalendarDate(year: today.year, month: month, day: day).map { Found(date: $0, end: end) }
    }

    /// "3月5日", "2026年3月5日", "三月五號": numbers each followed by its marker, largest unit first.
    private func markedDate(in message: EntityMessage, at index: Int, today: CalendarDate, language: Language)
        -> Found?
    {
        let markers = language.calendar.markers
        guard !markers.month.isEmpty else { return nil }
        func number(at index: Int, maximumDigits: Int) -> (value: Int, end: Int)? {
            markedNumber(in: message, at: index, maximumDigits: maximumDigits, language: language)
        }
        var year = today.year
        var monthStart = index
        if let (value, end) = number(at: index, maximumDigits: 4), value >= 1000,
            let marker = message.word(end), markers.year.contains(marker)
        {
            year = value
            monthStart = end + 1
        }
        guard let (month, monthEnd) = number(at: monthStart, maximumDigits: 2),
            let monthMarker = message.word(monthEnd), markers.month.contains(monthMarker),
            let (day, dayEnd) = number(at: monthEnd + 1, maximumDigits: 2),
            let dayMarker = message.word(dayEnd), markers.day.contains(dayMarker)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day).map { Found(date: $0, end: dayEnd + 1) }
    }

    /// "5.3." (German and Russian write the day and month with a closing full stop), in today's
    /// year; also "05.03" without it when the month has two digits (a lone "1.5" is a number).
    private func dottedDayMonth(in message: EntityMessage, at index: Int, today: CalendarDate) -> Found? {
        guard let day = shortNumber(in: message, at: index), !startsInsideNumber(message, index),
            message.isSymbol(index + 1, "."), message.touches(index + 1), message.touches(index + 2),
            let month = shortNumber(in: message, at: index + 2)
        else { return nil }
        let closed = message.isSymbol(index + 3, ".") && message.touches(index + 3)
        if closed, message.digits(index + 4) == nil || !message.touches(index + 4) {
            return CalendarDate(year: today.year, month: month, day: day).map { Found(date: $0, end: index + 4) }
        }
        // Nothing glued after it but a symbol: "05.03," is a date, "05.03.2026" and "05.03x" are not.
        guard !closed, message.digits(index + 2)?.utf8.count == 2,
            !message.touches(index + 3) || message.tokens[index + 3].kind == .symbol
        else { return nil }
        return CalendarDate(year: today.year, month: month, day: day).map { Found(date: $0, end: index + 3) }
    }
}
