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

    public init(today: CalendarDate, language: String = "en", pastDates: Bool = false) {
        self.today = today
        self.pastDates = pastDates
        self.language = language
        resolvedLanguage = Self.resolve(language)
    }

    private static func resolve(_ language: String) -> Language {
        Language.named(language) ?? .english
    }
}
