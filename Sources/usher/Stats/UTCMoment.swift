import Foundation

/// A date or a moment as `--since`/`--until` take them: `2026-11-30` (the whole day),
/// `2026-11-30T14:00`, `2026-11-30 14:00:05` or with a trailing `Z`; always UTC.
struct UTCMoment {
    /// Seconds since 1970 where it begins and ends (a day ends at the next midnight).
    var start: Double
    var end: Double

    static func parse(_ text: String) -> UTCMoment? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.hasSuffix("Z") { rest = rest.dropLast() }
        let parts = rest.split(maxSplits: 1, whereSeparator: { $0 == "T" || $0 == " " })
        guard let datePart = parts.first else { return nil }
        let date = datePart.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard date.count == 3, let year = date[0], let month = date[1], let day = date[2], (1...12).contains(month),
            (1...31).contains(day), (1970...9999).contains(year), datePart.count == 10
        else { return nil }
        var components = DateComponents(
            calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: year,
            month: month, day: day)
        guard components.isValidDate, let midnight = components.date?.timeIntervalSince1970 else { return nil }
        guard parts.count == 2 else { return UTCMoment(start: midnight, end: midnight + 86_400) }
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(time.count), let hour = time[0], let minute = time[1], (0...23).contains(hour),
            (0...59).contains(minute)
        else { return nil }
        let second = time.count == 3 ? time[2] : 0
        guard let second, (0...59).contains(second) else { return nil }
        components.hour = hour
        let moment = midnight + Double(hour * 3_600 + minute * 60 + second)
        return UTCMoment(start: moment, end: moment)
    }

    static func usage(_ option: String, _ text: String) -> String {
        "\(option) \"\(text)\" is not a date; write 2026-11-30 or 2026-11-30T14:00 (UTC)"
    }
}
