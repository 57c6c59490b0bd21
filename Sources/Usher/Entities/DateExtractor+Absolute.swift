/// Dates written out: ISO 8601, numeric day-first, and with month names.
extension DateExtractor {
    /// The longest absolute date starting at token `index`.
    func absolute(in message: EntityMessage, at index: Int, today: CalendarDate) -> Found? {
        let candidates = [
            isoDate(in: message, at: index),
            numericDate(in: message, at: index, today: today),
            dayFirst(in: message, at: index, today: today),
            monthFirst(in: message, at: index, today: today),
        ]
        return candidates.compactMap { $0 }.max { $0.end < $1.end }
    }

    /// "2026-03-03", "2026/3/3"; the date of "2026-03-03T10:00".
    func isoDate(in message: EntityMessage, at index: Int) -> Found? {
        guard let year = message.digits(index), year.utf8.count == 4, !startsInsideNumber(message, index),
            let separator = separator(in: message, at: index + 1), separator != ".",
            let month = shortNumber(in: message, at: index + 2), message.touches(index + 2),
            message.isSymbol(index + 3, separator), message.touches(index + 3),
            let day = shortNumber(in: message, at: index + 4), message.touches(index + 4)
        else { return nil }
        let end = index + 5
        let timeFollows = message.word(end) == "t" && message.touches(end) && message.digits(end + 1) != nil
        guard timeFollows || !endsInsideNumber(message, end) else { return nil }
        return CalendarDate(year: Int(year)!, month: month, day: day).map { Found(date: $0, end: end) }
    }

    /// "03/03/2026", "3.3.2026", "3-3-26" (20xx) and "3/3" (today's year): day first.
    func numericDate(in message: EntityMessage, at index: Int, today: CalendarDate) -> Found? {
        guard let day = shortNumber(in: message, at: index), !startsInsideNumber(message, index),
            let separator = separator(in: message, at: index + 1),
            let month = shortNumber(in: message, at: index + 2), message.touches(index + 2)
        else { return nil }
        var year = today.year
        var end = index + 3
        if message.isSymbol(end, separator), message.touches(end), message.touches(end + 1),
            let digits = message.digits(end + 1), digits.utf8.count == 2 || digits.utf8.count == 4
        {
            year = Int(digits)! + (digits.utf8.count == 2 ? 2000 : 0)
            end += 2
        } else if separator != "/" {
            return nil
        }
        guard !endsInsideNumber(message, end) else { return nil }
        return CalendarDate(year: year, month: month, day: day).map { Found(date: $0, end: end) }
    }

    /// "3 March", "3rd of March", "3 Mar. 2026", "3rd March, 2026", "the fifth of March".
    private func dayFirst(in message: EntityMessage, at index: Int, today: CalendarDate) -> Found? {
        guard let (day, dayEnd) = dayOfMonth(in: message, at: index) else { return nil }
        let monthIndex = message.word(dayEnd) == "of" ? dayEnd + 1 : dayEnd
        guard let monthWord = message.word(monthIndex), let month = CalendarWords.month(monthWord) else { return nil }
        var yearIndex = monthIndex + 1
        if message.isSymbol(yearIndex, "."), message.touches(yearIndex), CalendarWords.isMonthAbbreviation(monthWord) {
            yearIndex += 1
        }
        return completed(in: message, day: day, month: month, end: monthIndex + 1, yearAt: yearIndex, today: today)
    }

    /// "March 3", "March 3rd, 2026", "Mar. 3", "March the 3rd", "March fifth".
    private func monthFirst(in message: EntityMessage, at index: Int, today: CalendarDate) -> Found? {
        guard let monthWord = message.word(index), let month = CalendarWords.month(monthWord) else { return nil }
        var dayIndex = index + 1
        if message.isSymbol(dayIndex, "."), message.touches(dayIndex), CalendarWords.isMonthAbbreviation(monthWord) {
            dayIndex += 1
        }
        if message.word(dayIndex) == "the" { dayIndex += 1 }
        // "you may first check" is no date; "May 1st", "May the first" are.
        if monthWord == "may", dayIndex == index + 1, message.digits(dayIndex) == nil { return nil }
        guard let (day, dayEnd) = dayOfMonth(in: message, at: dayIndex) else { return nil }
        return completed(in: message, day: day, month: month, end: dayEnd, yearAt: dayEnd, today: today)
    }

    /// The date with the year written at token `yearAt` (after an optional comma), or today's year.
    private func completed(
        in message: EntityMessage, day: Int, month: Int, end: Int, yearAt index: Int, today: CalendarDate
    ) -> Found? {
        let yearIndex = message.isSymbol(index, ",") ? index + 1 : index
        if let year = message.digits(yearIndex), year.utf8.count == 4, !message.isGluedBefore(yearIndex),
            !message.isGluedAfter(yearIndex + 1)
        {
            return CalendarDate(year: Int(year)!, month: month, day: day).map { Found(date: $0, end: yearIndex + 1) }
        }
        return CalendarDate(year: today.year, month: month, day: day).map { Found(date: $0, end: end) }
    }

    /// A day's one or two digits, with an ordinal suffix if any ("3", "03", "3rd"), standing
    /// alone, or an ordinal word ("third", "twenty-first").
    private func dayOfMonth(in message: EntityMessage, at index: Int) -> (day: Int, end: Int)? {
        if let word = ordinalWord(in: message, at: index, calendar: Language.english.calendar) { return word }
        guard let day = shortNumber(in: message, at: index), !message.isGluedBefore(index) else { return nil }
        var end = index + 1
        if message.touches(end), let suffix = message.word(end), CalendarWords.isOrdinalSuffix(suffix) { end += 1 }
        return message.isGluedAfter(end) ? nil : (day, end)
    }

    /// One or two digits at `index`.
    func shortNumber(in message: EntityMessage, at index: Int) -> Int? {
        guard let digits = message.digits(index), digits.utf8.count <= 2 else { return nil }
        return Int(digits)
    }

    /// The separator of a numeric date at `index`: `/`, `.` or `-`, touching the digits before it.
    func separator(in message: EntityMessage, at index: Int) -> String? {
        guard index < message.tokens.count, message.touches(index) else { return nil }
        let text = message.tokens[index].text
        return message.tokens[index].kind == .symbol && (text == "/" || text == "." || text == "-") ? text : nil
    }

    /// Whether digits at `index` continue a number or date before them ("1.2.3", "2026-03-03-04").
    func startsInsideNumber(_ message: EntityMessage, _ index: Int) -> Bool {
        message.isGluedBefore(index)
            || message.isSymbol(index - 1, "-") && message.touches(index) && message.touches(index - 1)
                && message.digits(index - 2) != nil
    }

    /// Whether the token at `end` continues the number or date before it.
    func endsInsideNumber(_ message: EntityMessage, _ end: Int) -> Bool {
        message.isGluedAfter(end)
            || message.isSymbol(end, "-") && message.touches(end) && message.touches(end + 1)
                && message.digits(end + 1) != nil
    }
}
