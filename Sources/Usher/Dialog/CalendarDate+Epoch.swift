extension CalendarDate {
    /// The UTC calendar day of a moment given as seconds since 1970.
    public static func fromEpoch(seconds: Double) -> CalendarDate {
        CalendarDate(dayNumber: Int((seconds / 86_400).rounded(.down)))
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int { dayNumber }
}
