import Testing

@testable import Usher

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test(arguments: [
        (2026, 2, 28, true), (2026, 2, 29, false), (2024, 2, 29, true), (2000, 2, 29, true), (2100, 2, 29, false),
        (2026, 4, 30, true), (2026, 4, 31, false), (2026, 12, 31, true), (2026, 13, 1, false), (2026, 0, 1, false),
        (2026, 1, 0, false), (0, 1, 1, false), (9999, 12, 31, true), (10000, 1, 1, false),
    ])
    func acceptsOnlyRealDays(year: Int, month: Int, day: Int, valid: Bool) {
        #expect((CalendarDate(year: year, month: month, day: day) != nil) == valid)
    }

    @Test(arguments: [
        (2026, 3, 3, "2026-03-03"), (987, 1, 5, "0987-01-05"), (1, 1, 1, "0001-01-01"), (2026, 11, 23, "2026-11-23"),
    ])
    func describesAsISO8601(year: Int, month: Int, day: Int, text: String) {
        #expect(CalendarDate(year: year, month: month, day: day)!.description == text)
    }

    @Test(arguments: [
        (2026, 11, 23, 1), (2026, 11, 29, 7), (1970, 1, 1, 4), (2000, 1, 1, 6), (2024, 2, 29, 4), (1600, 3, 1, 3),
        (1, 1, 1, 1),
    ])
    func knowsTheISOWeekday(year: Int, month: Int, day: Int, weekday: Int) {
        #expect(CalendarDate(year: year, month: month, day: day)!.weekday == weekday)
    }

    @Test(arguments: [
        (1, "2026-11-24"), (8, "2026-12-01"), (39, "2027-01-01"), (-1, "2026-11-22"), (-327, "2025-12-31"),
        (0, "2026-11-23"), (-20_780, "1970-01-01"), (36_525, "2126-11-24"),
    ])
    func addsDays(days: Int, result: String) {
        #expect(monday.adding(days: days).description == result)
    }

    @Test func addsDaysAcrossLeapDays() {
        let february = CalendarDate(year: 2028, month: 2, day: 28)!
        #expect(february.adding(days: 1).description == "2028-02-29")
        #expect(february.adding(days: 2).description == "2028-03-01")
        #expect(CalendarDate(year: 2100, month: 2, day: 28)!.adding(days: 1).description == "2100-03-01")
    }

    @Test func addingOneDayIsTheCalendarSuccessorOverCenturies() {
        var date = CalendarDate(year: 1899, month: 12, day: 25)!
        for _ in 0..<80_000 {
            let next = date.adding(days: 1)
            let successor =
                CalendarDate(year: date.year, month: date.month, day: date.day + 1)
                ?? CalendarDate(year: date.year, month: date.month + 1, day: 1)
                ?? CalendarDate(year: date.year + 1, month: 1, day: 1)!
            guard next == successor, next.adding(days: -1) == date, next > date else {
                Issue.record("after \(date) came \(next)")
                return
            }
            date = next
        }
        #expect(date.description == "2119-01-06")
    }

    @Test(arguments: [
        (2026, 1, 31, 1, "2026-02-28"), (2024, 1, 31, 1, "2024-02-29"), (2026, 11, 23, 2, "2027-01-23"),
        (2026, 3, 31, -1, "2026-02-28"), (2026, 1, 15, -13, "2024-12-15"), (2026, 5, 5, 24, "2028-05-05"),
    ])
    func addsMonthsKeepingTheDayWhenItExists(year: Int, month: Int, day: Int, months: Int, result: String) {
        #expect(CalendarDate(year: year, month: month, day: day)!.adding(months: months).description == result)
    }

    @Test func comparesByDay() {
        let dates = ["2026-03-03", "2025-12-31", "2026-03-02", "2026-11-23"].map { text in
            let parts = text.split(separator: "-").map { Int($0)! }
            return CalendarDate(year: parts[0], month: parts[1], day: parts[2])!
        }
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-03-02", "2026-03-03", "2026-11-23"])
    }
}
