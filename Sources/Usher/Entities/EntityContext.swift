/// What an extractor needs besides the text: today's date and the message's language.
///
/// Today is injected, never read from a clock, so that "tomorrow" resolves the same way in tests,
/// in replays of old conversations and in every time zone the session's owner decides on.
public struct EntityContext: Sendable {
    /// The day relative dates ("tomorrow", "in 3 days") count from.
    public var today: CalendarDate
    /// The message's language as a BCP 47 tag. The built-in extractors read the words of
    /// ``resolvedLanguage``; digits, symbols and ISO formats work in any language.
    public var language: String {
        didSet { resolvedLanguage = Self.resolve(language) }
    }

    /// The language whose words the built-in extractors read: the one ``language`` names, or
    /// English for a language Usher has no data for (as every language was read before).
    /// Resolved once here rather than by every extractor for every message.
    private(set) var resolvedLanguage: Language

    /// Whether a weekday named alone ("Sunday", "am Sonntag", "星期天") means the last one rather
    /// than the coming one: a slot for when something happened, which cannot be in the future.
    public var pastDates: Bool
    /// Whether a form's question asks for a date, so that a day written alone is one: "5-го",
    /// "пятого", "fifth", "am 5." answer "когда?" and "when?", but elsewhere "5-го этажа" and
    /// "the fifth floor" are no dates, and a bare ordinal is too often the fifth of something
    /// else to be read as a day without such a question.
    public var dateAsked: Bool

    public init(today: CalendarDate, language: String = "en", pastDates: Bool = false, dateAsked: Bool = false) {
        self.today = today
        self.pastDates = pastDates
        self.dateAsked = dateAsked
        self.language = language
        resolvedLanguage = Self.resolve(language)
    }

    private static func resolve(_ language: String) -> Language {
        Language.named(language) ?? .english
    }
}
