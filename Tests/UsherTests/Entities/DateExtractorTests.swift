import Testing

@testable import Usher

/// Today is Monday 2026-11-23 throughout.
@Suite("DateExtractor")
struct DateExtractorTests {
    let dates = DateExtractor()

    @Test(arguments: [
        ("today", "2026-11-23", "today"), ("Tomorrow please", "2026-11-24", "Tomorrow"),
        ("yesterday", "2026-11-22", "yesterday"), ("the day after tomorrow", "2026-11-25", "the day after tomorrow"),
        ("day after tomorrow", "2026-11-25", "day after tomorrow"),
        ("the day before yesterday", "2026-11-21", "the day before yesterday"),
        ("in 3 days", "2026-11-26", "in 3 days"), ("in three days", "2026-11-26", "in three days"),
        ("3 days ago", "2026-11-20", "3 days ago"), ("a week ago", "2026-11-16", "a week ago"),
        ("in a week", "2026-11-30", "in a week"), ("in two weeks", "2026-12-07", "in two weeks"),
        ("2 months ago", "2026-09-23", "2 months ago"), ("three days from now", "2026-11-26", "three days from now"),
        ("in 1 year", "2027-11-23", "in 1 year"), ("in 40 days", "2027-01-02", "in 40 days"),
        ("in twenty-one days", "2026-12-14", "in twenty-one days"),
        ("an hour ago and 1 day ago", "2026-11-22", "1 day ago"),
        // A booking's everyday words (German had "heute Abend" and English had nothing).
        ("a table for 4 tonight please", "2026-11-23", "tonight"), ("This evening", "2026-11-23", "This evening"),
        ("this morning", "2026-11-23", "this morning"), ("this afternoon", "2026-11-23", "this afternoon"),
    ])
    func resolvesRelativeDays(text: String, value: String, matched: String) {
        expectDate(in: text, value: value, matched: matched)
    }

    @Test(arguments: [
        ("Monday", "2026-11-23", "Monday"), ("on Friday", "2026-11-27", "Friday"), ("sunday", "2026-11-29", "sunday"),
        ("this Sunday", "2026-11-29", "this Sunday"), ("this coming Wednesday", "2026-11-25", "this coming Wednesday"),
        ("next Monday", "2026-11-30", "next Monday"), ("next Tuesday", "2026-11-24", "next Tuesday"),
        ("next Sunday", "2026-11-29", "next Sunday"), ("last Friday", "2026-11-20", "last Friday"),
        ("last Monday", "2026-11-16", "last Monday"), ("last Sunday", "2026-11-22", "last Sunday"),
        ("previous Tuesday", "2026-11-17", "previous Tuesday"),
        ("Monday, 30 November", "2026-11-30", "Monday, 30 November"),
        ("Tuesday March 3rd", "2026-03-03", "Tuesday March 3rd"),
    ])
    func resolvesWeekdays(text: String, value: String, matched: String) {
        expectDate(in: text, value: value, matched: matched)
    }

    @Test func nextIsAWeekAwayAndLastAWeekAgoOnTheSameWeekday() {
        let friday = EntityContext(today: CalendarDate(year: 2026, month: 11, day: 27)!)
        let found = dates.extract(from: "last Friday, Friday or next Friday", context: friday).map(\.value)
        #expect(found == ["2026-11-20", "2026-11-27", "2026-12-04"])
    }

    @Test(arguments: [
        ("3 March", "2026-03-03", "3 March"), ("March 3", "2026-03-03", "March 3"),
        ("March 3rd", "2026-03-03", "March 3rd"),
        ("3rd of March 2026", "2026-03-03", "3rd of March 2026"), ("2026-03-03", "2026-03-03", "2026-03-03"),
        ("03/03/2026", "2026-03-03", "03/03/2026"), ("3/3", "2026-03-03", "3/3"), ("on 4/3.", "2026-03-04", "4/3"),
        ("Mar 3", "2026-03-03", "Mar 3"), ("3 mar. 2027", "2027-03-03", "3 mar. 2027"),
        ("MARCH 3, 2027", "2027-03-03", "MARCH 3, 2027"), ("March the 3rd", "2026-03-03", "March the 3rd"),
        ("December 25th 2026", "2026-12-25", "December 25th 2026"), ("31/12/26", "2026-12-31", "31/12/26"),
        ("25.12.2026", "2026-12-25", "25.12.2026"), ("25-12-2026", "2026-12-25", "25-12-2026"),
        ("29 February 2028", "2028-02-29", "29 February 2028"), ("2026/3/3", "2026-03-03", "2026/3/3"),
        ("Sept 1st", "2026-09-01", "Sept 1st"), ("1 sep", "2026-09-01", "1 sep"),
        ("2026-03-03T10:00", "2026-03-03", "2026-03-03"), ("(3 March)", "2026-03-03", "3 March"),
        ("3 March 2026abc", "2026-03-03", "3 March"),
    ])
    func readsAbsoluteDates(text: String, value: String, matched: String) {
        expectDate(in: text, value: value, matched: matched)
    }

    @Test(arguments: [
        "31 February", "29 Feb 2027", "2026-02-30", "13/13/2026", "32/1", "February 30th", "3.3", "3-3", "1.2.3.4",
        "1/2/3/4", "2026-03-03-01", "in a few days", "mon", "sat", "May I help?", "3rd", "March", "March 2026",
        "3pm March", "AB3 March", "in 9999999 days", "10000 years ago", "",
    ])
    func ignoresImpossibleAndAmbiguousDates(text: String) {
        #expect(dates.values(in: text) == [])
    }

    @Test func findsSeveralDatesInOrder() {
        let text = "Ordered 3 March, delivered next Monday — not 2026-12-01 or tomorrow"
        #expect(dates.values(in: text) == ["2026-03-03", "2026-11-30", "2026-12-01", "2026-11-24"])
    }

    private func expectDate(in text: String, value: String, matched: String) {
        let matches = dates.extract(from: text, context: mondayContext)
        #expect(matches.map(\.value) == [value])
        #expect(matches.map(\.text) == [matched])
        #expect(matches.allSatisfy { slice(text, $0.range) == $0.text && $0.type == "date" })
    }

    /// An ordinal day after "the" is the coming such day, today included; a month without it
    /// is passed over (November has no 31st).
    @Test(arguments: [
        ("the 5th", "2026-12-05", "5th"), ("on the 21st", "2026-12-21", "21st"), ("on the 23rd", "2026-11-23", "23rd"),
        ("the 30th", "2026-11-30", "30th"), ("the 31st", "2026-12-31", "31st"), ("THE 2ND please", "2026-12-02", "2ND"),
        ("on the 5th, at 3pm", "2026-12-05", "5th"), ("the 3rd of March", "2026-03-03", "3rd of March"),
    ])
    func readsAnOrdinalDayAlone(text: String, value: String, matched: String) {
        expectDate(in: text, value: value, matched: matched)
    }

    /// An ordinal word is a day as digits are: after "the", or with its month.
    @Test(arguments: [
        ("on the fifth", "2026-12-05", "fifth"), ("the twenty-first", "2026-12-21", "twenty-first"),
        ("by the twenty first please", "2026-12-21", "twenty first"),
        ("the thirty-first", "2026-12-31", "thirty-first"),
        ("the fifth of March", "2026-03-05", "fifth of March"), ("March fifth", "2026-03-05", "March fifth"),
        ("March the twenty-second, 2027", "2027-03-22", "March the twenty-second, 2027"),
        ("first of May", "2026-05-01", "first of May"), ("May the first", "2026-05-01", "May the first"),
    ])
    func readsAnOrdinalWord(text: String, value: String, matched: String) {
        expectDate(in: text, value: value, matched: matched)
    }

    /// Without "the", or before a word that makes it something else, an ordinal is no date.
    @Test(arguments: [
        "the 5th floor", "for the 2nd time", "5th", "the 5 th", "the 32nd", "the 5thx", "the fifth floor",
        "for the first time", "fifth", "you may first check", "the thirty-second",
    ])
    func anOrdinalThatIsNoDayIsNoDate(text: String) {
        #expect(dates.values(in: text) == [])
    }

    /// When a form asks for a date, an ordinal needs no "the"; before a noun it is still no day.
    @Test(arguments: [
        ("fifth", ["2026-12-05"]), ("5th", ["2026-12-05"]), ("the 21st", ["2026-12-21"]),
        ("twenty-third", ["2026-11-23"]), ("fifth floor", []), ("the 2nd time", []),
    ])
    func anOrdinalAloneIsADayWhenADateIsAsked(text: String, values: [String]) {
        let context = EntityContext(today: monday, dateAsked: true)
        #expect(dates.extract(from: text, context: context).map(\.value) == values)
    }

    @Test func pastDatesReadAnOrdinalDayBackwards() {
        let context = EntityContext(today: monday, pastDates: true)
        #expect(DateExtractor().extract(from: "on the 5th", context: context).map(\.value) == ["2026-11-05"])
        #expect(DateExtractor().extract(from: "the 28th", context: context).map(\.value) == ["2026-10-28"])
    }

    /// For when something happened, a weekday named alone is the last one (today included);
    /// "next" still looks ahead.
    @Test func pastDatesReadABareWeekdayBackwards() {
        var context = EntityContext(today: monday, pastDates: true)
        let dates = DateExtractor()
        #expect(dates.extract(from: "on Sunday", context: context).map(\.value) == ["2026-11-22"])
        #expect(dates.extract(from: "on Monday", context: context).map(\.value) == ["2026-11-23"])
        #expect(dates.extract(from: "next Sunday", context: context).map(\.value) == ["2026-11-29"])
        context.language = "de"
        #expect(dates.extract(from: "am Freitag", context: context).map(\.value) == ["2026-11-20"])
        context.pastDates = false
        #expect(dates.extract(from: "am Freitag", context: context).map(\.value) == ["2026-11-27"])
    }
}
