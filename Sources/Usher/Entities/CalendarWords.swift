/// The English names of months and weekdays, and ordinal suffixes, as lower-case tokens.
enum CalendarWords {
    /// The month (1 to 12) a full name or abbreviation ("mar", "sept") names.
    static func month(_ word: String) -> Int? {
        months[word]
    }

    /// Whether `word` is a shortened month name, which may take a full stop ("Mar.").
    static func isMonthAbbreviation(_ word: String) -> Bool {
        word.utf8.count <= 4 && months[word] != nil && word != "june" && word != "july"
    }

    /// The ISO weekday (1 is Monday) a full weekday name names. Abbreviations are left out: "sat",
    /// "sun" and "wed" are ordinary words more often than days.
    static func weekday(_ word: String) -> Int? {
        weekdays[word]
    }

    /// Whether `word` can follow a day's digits: "1st", "2nd", "3rd", "4th" (any of them, as typed).
    static func isOrdinalSuffix(_ word: String) -> Bool {
        word == "st" || word == "nd" || word == "rd" || word == "th"
    }

    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    private static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]
}
