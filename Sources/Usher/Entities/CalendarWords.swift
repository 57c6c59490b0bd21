/// The English names of months and weekdays, from ``Language/english``, and ordinal suffixes, as
/// lower-case tokens: what the English date grammar reads.
enum CalendarWords {
    /// The month (1 to 12) a full name or abbreviation ("mar", "sept") names.
    static func month(_ word: String) -> Int? {
        Language.english.calendar.months.value(of: word)
    }

    /// Whether `word` is a shortened month name, which may take a full stop ("Mar.").
    static func isMonthAbbreviation(_ word: String) -> Bool {
        word.utf8.count <= 4 && month(word) != nil && word != "june" && word != "july"
    }

    /// The ISO weekday (1 is Monday) a full weekday name names. Abbreviations are left out: "sat",
    /// "sun" and "wed" are ordinary words more often than days.
    static func weekday(_ word: String) -> Int? {
        Language.english.calendar.weekdays.value(of: word)
    }

    /// Whether `word` can follow a day's digits: "1st", "2nd", "3rd", "4th" (any of them, as typed).
    static func isOrdinalSuffix(_ word: String) -> Bool {
        Language.english.calendar.ordinalEndings.contains(word)
    }
}
