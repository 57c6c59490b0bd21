/// Finds calendar days, relative or absolute, and resolves them against ``EntityContext/today``.
///
/// Relative: "today", "tomorrow", "yesterday", "the day after tomorrow", "the day before
/// yesterday", "in 3 days", "in a week", "2 months ago", "three days from now".
///
/// Weekdays (full names only): "Monday" and "this Monday" are the coming one, today included;
/// "next Monday" is the first Monday after today, so on a Monday it is a week away; "last
/// Friday" is the most recent Friday before today, so on a Friday it is a week ago.
///
/// Absolute (see `DateExtractor+Absolute.swift`): "2026-03-03", "3 March", "3rd of March 2026",
/// "March 3rd, 2026", "Mar 3", and numeric dates in European order, day first: "03/03/2026",
/// "3.3.2026", "3-3-26", "3/3". A date written without a year is in today's year, even when it is
/// already past. Impossible dates (31 February) are not dates. The value is ISO 8601, `2026-03-03`.
///
/// A day alone, as an ordinal after "the" (`DateExtractor+Days.swift`): "the 5th", "on the 21st",
/// "on the fifth", "the twenty-first" are the coming such day, today included; "the 5th floor"
/// is no date. When a form asks for a date (``EntityContext/dateAsked``), an ordinal needs no
/// "the": "5th", "fifth".
///
/// These are the English words; a message in another served language is read with that
/// language's words instead (`DateExtractor+Languages.swift`: "завтра", "nächsten Montag", "3天後").
public struct DateExtractor: MessageExtractor {
    public let type = "date"

    public init() {}

    /// A date read from the message, and the token after its last word.
    struct Found {
        var date: CalendarDate
        var end: Int
    }

    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch] {
        let language = context.resolvedLanguage
        guard language.tag == .english else {
            return message.scanTokens(type) { index in
                localDate(
                    in: message, at: index, today: context.today, language: language, past: context.pastDates,
                    asked: context.dateAsked
                ).map { ($0.date.description, $0.end) }
            }
        }
        return message.scanTokens(type) { index in
            date(in: message, at: index, today: context.today, past: context.pastDates, asked: context.dateAsked).map {
                ($0.date.description, $0.end)
            }
        }
    }

    /// The longest date starting at token `index`.
    private func date(
        in message: EntityMessage, at index: Int, today: CalendarDate, past: Bool = false, asked: Bool = false
    ) -> Found? {
        guard message.tokens[index].kind != .symbol else { return nil }
        let calendar = Language.english.calendar
        let candidates = [
            relativeDay(in: message, at: index, today: today),
            weekday(in: message, at: index, today: today, past: past),
            counted(in: message, at: index, today: today),
            absolute(in: message, at: index, today: today),
            bareDay(in: message, at: index, today: today, calendar: calendar, past: past),
            loneDay(in: message, at: index, today: today, calendar: calendar, past: past, asked: asked),
        ]
        return candidates.compactMap { $0 }.max { $0.end < $1.end }
    }

    /// "today", "tomorrow", "tonight", "this evening", "the day after tomorrow": English's
    /// ``CalendarVocabulary/relativeDays``, the one list of them.
    private func relativeDay(in message: EntityMessage, at index: Int, today: CalendarDate) -> Found? {
        guard let (days, end) = Language.english.calendar.relativeDays.match(at: index, token: message.word) else {
            return nil
        }
        return Found(date: today.adding(days: days), end: end)
    }

    /// "Monday", "this Monday", "next Monday", "last Friday", and "Monday, 3 March" (the date wins).
    private func weekday(in message: EntityMessage, at index: Int, today: CalendarDate, past: Bool) -> Found? {
        let modifier = message.word(index).flatMap { Self.weekdayModifiers.contains($0) ? $0 : nil }
        var next = modifier == nil ? index : index + 1
        if modifier == "this" && message.word(next) == "coming" { next += 1 }
        guard let weekday = message.word(next).flatMap(CalendarWords.weekday) else { return nil }
        let ahead = (weekday - today.weekday + 7) % 7
        switch modifier {
        case "next": return Found(date: today.adding(days: ahead == 0 ? 7 : ahead), end: next + 1)
        case "last", "past", "previous":
            return Found(date: today.adding(days: ahead == 0 ? -7 : ahead - 7), end: next + 1)
        case nil:
            let dateStart = message.isSymbol(next + 1, ",") ? next + 2 : next + 1
            if let written = absolute(in: message, at: dateStart, today: today) { return written }
            return Found(date: today.adding(days: Self.bareWeekday(ahead: ahead, past: past)), end: next + 1)
        default: return Found(date: today.adding(days: ahead), end: next + 1)
        }
    }

    private static let weekdayModifiers: Set<String> = ["next", "last", "this", "coming", "past", "previous"]

    /// Days from today to a weekday named alone, `ahead` days away going forward: the coming one
    /// (today included), or with `past` the last one (today included), as for when something
    /// happened ("it was on Sunday").
    static func bareWeekday(ahead: Int, past: Bool) -> Int {
        past && ahead > 0 ? ahead - 7 : ahead
    }

    /// "in 3 days", "in a week", "2 months ago", "three days from now".
    private func counted(in message: EntityMessage, at index: Int, today: CalendarDate) -> Found? {
        if message.word(index) == "in", let span = span(in: message, at: index + 1) {
            return shifted(today, by: span.count, span.unit).map { Found(date: $0, end: span.end) }
        }
        guard let span = span(in: message, at: index) else { return nil }
        if message.word(span.end) == "ago" {
            return shifted(today, by: -span.count, span.unit).map { Found(date: $0, end: span.end + 1) }
        }
        if message.word(span.end) == "from" && message.word(span.end + 1) == "now" {
            return shifted(today, by: span.count, span.unit).map { Found(date: $0, end: span.end + 2) }
        }
        return nil
    }

    /// A count and a unit: "3 days", "a week", "twenty-one days".
    private func span(in message: EntityMessage, at index: Int) -> (
        count: Int, unit: CalendarVocabulary.Unit, end: Int
    )? {
        var count: Int
        var next = index + 1
        if let word = message.word(index), word == "a" || word == "an" {
            count = 1
        } else if let words = NumberParser.englishWords(in: message, at: index) {
            (count, next) = words
        } else if let digits = message.digits(index), digits.utf8.count <= 6, !message.isGluedBefore(index),
            !message.isGluedAfter(index + 1), let value = Int(digits)
        {
            count = value
        } else {
            return nil
        }
        guard let unit = message.word(next).flatMap(Language.english.calendar.units.value(of:)) else { return nil }
        return (count, unit, next + 1)
    }

    /// `today` moved by `count` units; `nil` outside years 1 to 9999.
    func shifted(_ today: CalendarDate, by count: Int, _ unit: CalendarVocabulary.Unit) -> CalendarDate? {
        let date =
            switch unit {
            case .day: today.adding(days: count)
            case .week: today.adding(days: count * 7)
            case .month: today.adding(months: count)
            case .year: today.adding(months: count * 12)
            }
        return (1...9999).contains(date.year) ? date : nil
    }
}
