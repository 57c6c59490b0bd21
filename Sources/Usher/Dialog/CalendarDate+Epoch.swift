extension CalendarDate {
    /// The UTC calendar day of a moment given as seconds since 1970.
    public static func fromEpoch(seconds: Double) -> CalendarDate {
        let days = Int((seconds / 86_400).rounded(.down))
        return CalendarDate(year: 1970, month: 1, day: 1)!.adding(days: days)
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        var low = -1_000_000
        var high = 1_000_000
        let epoch = CalendarDate(year: 1970, month: 1, day: 1)!
        while low < high {
            let middle = (low + high) / 2
            if epoch.adding(days: middle) < self { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
