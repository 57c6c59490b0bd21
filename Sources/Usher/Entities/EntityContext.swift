/// What an extractor needs besides the text: today's date and the message's language.
///
/// Today is injected, never read from a clock, so that "tomorrow" resolves the same way in tests,
/// in replays of old conversations and in every time zone the session's owner decides on.
public struct EntityContext: Sendable {
    /// The day relative dates ("tomorrow", "in 3 days") count from.
    public var today: CalendarDate
    /// The message's language as a BCP 47 tag. The built-in extractors read English words only
    /// for now; digits, symbols and ISO formats work in any language.
    public var language: String

    public init(today: CalendarDate, language: String = "en") {
        self.today = today
        self.language = language
    }
}
