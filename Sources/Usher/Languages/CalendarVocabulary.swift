/// The words a language uses for days, weeks and months, and where it puts them relative to a
/// count: "через 2 дня" (prefix), "3 дня назад" (suffix), "vor 3 Tagen", "3天後".
struct CalendarVocabulary: Sendable {
    /// A unit of a counted span: "3 days", "2 Wochen", "兩個月".
    enum Unit: Sendable {
        case day, week, month, year
    }

    /// What a word before a weekday does to it.
    enum WeekdayModifier: Sendable {
        /// "this Monday", "эту пятницу": the coming one, today included.
        case this
        /// "next Monday", "nächsten Montag": the first one after today.
        case next
        /// "last Friday", "letzten Freitag": the most recent one before today.
        case last
        /// Chinese "下週一": the Monday of next week.
        case nextWeek
        /// Chinese "上週五": the Friday of last week.
        case lastWeek
        /// Chinese "這週五", "本週五": the Friday of this week.
        case thisWeek
    }

    /// Days named relative to today: "завтра" is 1, "vorgestern" -2, "明天" 1.
    var relativeDays: PhraseTable<Int>
    /// Words before which a relative day is something else: German "Guten Morgen" is a greeting.
    var notRelativeAfter: [String: Set<String>] = [:]
    /// Weekday names (ISO: 1 is Monday) in the forms customers write them.
    var weekdays: PhraseTable<Int>
    var weekdayModifiers: PhraseTable<WeekdayModifier>
    /// Month names and abbreviations, in the cases dates put them ("5 марта").
    var months: PhraseTable<Int>
    var units: PhraseTable<Unit>
    /// Units that mean one of themselves without a count, after a prefix or before a suffix:
    /// Russian "через неделю", "месяц назад".
    var singularUnits = PhraseTable<Unit>([:], folding: .none)
    /// Words before a span and the direction they give it: "через" and "in" 1, "vor" -1.
    var spanPrefixes: PhraseTable<Int>
    /// Words after a span: "назад" and "前" -1, "後" 1.
    var spanSuffixes: PhraseTable<Int>
    /// Words that may follow a year: "года", "г".
    var yearWords: PhraseTable<Int>
    /// Chinese dates: the characters after a year, a month and a day ("2026年3月5日").
    var markers: (year: Set<String>, month: Set<String>, day: Set<String>) = ([], [], [])
    /// Named times of day and the minutes after midnight they stand for: "полдень", "Mitternacht".
    var namedTimes: PhraseTable<Int>
    /// Words after an hour that make it a time of day: "Uhr", "часа", "點". A value of 1 means the
    /// word makes a 24-hour clock time by itself (German "9 Uhr" is 09:00); 0 that an hour up to
    /// 12 needs a part of the day too ("3 часа дня"), since "3 часа" could be either.
    var hourWords: PhraseTable<Int>
    /// Words after hour words for the minutes ("Uhr 30", "3點半" gives 30 as its value, "分" 0).
    var minuteWords: PhraseTable<Int>
    /// Parts of the day, before or after the hour, and the hours they add to 1 to 12:
    /// "вечера" and "下午" 12, "утра" and "上午" 0.
    var dayParts: PhraseTable<Int>
    /// Whether a part of the day may follow an hour with no hour word between them ("10 утра",
    /// "9 abends"). Chinese puts the part first ("下午3點"), so there a number before a part of
    /// the day is no hour ("初五下午" is the fifth, then an afternoon); "3點下午" still is one.
    var dayPartsFollowBareHours = true
    /// Ordinal words for a day of the month, in the forms a date puts them before its month:
    /// "пятого" and "двадцать пятого" (марта), "fünften" (März).
    var dayOrdinals = PhraseTable<Int>([:], folding: .none)
    /// What follows a day's digits, touching them, to make an ordinal: "th" ("5th"), "го"
    /// ("5-го", after an optional hyphen), "." ("5.").
    var ordinalEndings: Set<String> = []
    /// Words just before an ordinal day (in digits) that make it a date without a month, the
    /// coming such day: "the" ("the 5th"), "am" ("am 5.").
    var bareDayBefore: Set<String> = []
    /// Words after an ordinal day (in digits or in words) that make it a date without a month,
    /// the coming such day: "числа" ("5-го числа", "пятого числа": the fifth of the month).
    var dayWordsAfter: Set<String> = []
    /// When not empty, the only words that may follow such a day: "the 5th at noon" is a date,
    /// "the 5th floor" is not.
    var bareDayFollowers: Set<String> = []
    /// Characters after a number and its day marker that make the number a label, not a day:
    /// "5號房" is room 5, "3號線" line 3, "5日元" five yen, "5日內" within five days.
    var labelsAfterDayMarker: Set<String> = []
    /// Words that only place a date or time ("until", "on", "до", "bis", "到"): a message of them
    /// and entities alone ("bis zum 5.", "by Friday") says no more than its entities
    /// (``EntityOnlyMessages``). Lower-cased, as the entity reader's tokens are.
    var placeWords: Set<String> = []
}
