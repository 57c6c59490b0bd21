import Testing

@testable import Usher

/// German numbers, dates, times and money; today is Monday 2026-11-23.
@Suite("Entities in German")
struct GermanEntityTests {
    @Test(arguments: [
        ("fünfundzwanzig", "25"), ("Einundzwanzig", "21"), ("zweihundertzwölf", "212"),
        ("dreitausendvierhundert", "3400"), ("hundert", "100"), ("eins", "1"), ("fuenf", "5"),
        ("dreißig", "30"), ("dreissig", "30"), ("siebzehn", "17"), ("hundertundeins", "101"),
    ])
    func readsNumberWords(text: String, value: String) {
        #expect(found("number", in: text, language: "de") == [Pair(value, text)])
    }

    @Test(arguments: [("3 hundert", "300"), ("2 Tausend", "2000"), ("drei hundert", "300")])
    func readsScaleWordsAfterANumber(text: String, value: String) {
        #expect(found("number", in: text, language: "de") == [Pair(value, text)])
    }

    @Test(arguments: ["ein Paket", "eine Stunde", "Hundertwasser", "Stunde", "zehnmal"])
    func articlesAndLookalikesAreNoNumbers(text: String) {
        #expect(found("number", in: text, language: "de").isEmpty)
    }

    @Test(arguments: [
        ("morgen", "2026-11-24", "morgen"), ("übermorgen", "2026-11-25", "übermorgen"),
        ("uebermorgen", "2026-11-25", "uebermorgen"), ("gestern", "2026-11-22", "gestern"),
        ("vorgestern", "2026-11-21", "vorgestern"), ("heute", "2026-11-23", "heute"),
        ("am Freitag", "2026-11-27", "Freitag"), ("nächsten Montag", "2026-11-30", "nächsten Montag"),
        ("naechsten Montag", "2026-11-30", "naechsten Montag"), ("letzten Freitag", "2026-11-20", "letzten Freitag"),
        ("kommenden Mittwoch", "2026-11-25", "kommenden Mittwoch"), ("in 3 Tagen", "2026-11-26", "in 3 Tagen"),
        ("in einer Woche", "2026-11-30", "in einer Woche"), ("vor 3 Tagen", "2026-11-20", "vor 3 Tagen"),
        ("vor einem Monat", "2026-10-23", "vor einem Monat"), ("in zwei Wochen", "2026-12-07", "in zwei Wochen"),
        ("5. März", "2026-03-05", "5. März"), ("am 5. März 2027", "2027-03-05", "5. März 2027"),
        ("bis 5.3.", "2026-03-05", "5.3."), ("am 05.03", "2026-03-05", "05.03"), ("5. Marz", "2026-03-05", "5. Marz"),
        ("3.12.2026", "2026-12-03", "3.12.2026"),
        ("Montag, 30. November", "2026-11-30", "Montag, 30. November"),
    ])
    func readsDates(text: String, value: String, matched: String) {
        #expect(found("date", in: text, language: "de") == [Pair(value, matched)])
    }

    /// The day as an ordinal word before its month, and a day in digits alone after "am",
    /// "zum" or "vom": the coming such day.
    @Test(arguments: [
        ("fünften März", "2026-03-05", "fünften März"), ("am funften Marz", "2026-03-05", "funften Marz"),
        ("am ersten Dezember", "2026-12-01", "ersten Dezember"), ("der dritte Mai", "2026-05-03", "dritte Mai"),
        ("einunddreißigsten Dezember 2027", "2027-12-31", "einunddreißigsten Dezember 2027"),
        ("zwanzigsten Januar", "2026-01-20", "zwanzigsten Januar"), ("am 5.", "2026-12-05", "5."),
        ("zum 21. bitte", "2026-12-21", "21."), ("am 23.", "2026-11-23", "23."),
        ("am 5. März", "2026-03-05", "5. März"), ("am fünften", "2026-12-05", "fünften"),
        ("bis zum einundzwanzigsten", "2026-12-21", "einundzwanzigsten"),
    ])
    func readsOrdinalDays(text: String, value: String, matched: String) {
        #expect(found("date", in: text, language: "de") == [Pair(value, matched)])
    }

    /// Without "am" (or a month) "5." ends a sentence; "am 5.30" is a time; "fünften" alone is
    /// any fifth, and so is an ordinal word before a noun ("am fünften Tag", "zum ersten Mal").
    @Test(arguments: ["Ich habe 5.", "am 5.30 Uhr", "fünften", "am fünften Tag", "zum ersten Mal"])
    func anOrdinalThatIsNoDayIsNoDate(text: String) {
        #expect(found("date", in: text, language: "de") == [])
    }

    /// When a form asks for a date, an ordinal alone is the coming such day.
    @Test(arguments: [("fünften", "2026-12-05"), ("den 21.", "2026-12-21")])
    func anOrdinalAloneIsADayWhenADateIsAsked(text: String, value: String) {
        let context = EntityContext(today: monday, language: "de", dateAsked: true)
        #expect(DateExtractor().extract(from: text, context: context).map(\.value) == [value])
    }

    /// An impossible day written with dots (30 February, 29 February of a common year) is no
    /// date, and no phone number either.
    @Test(arguments: ["30.02.2026", "am 29.02.2027", "bis 31.04.2026"])
    func impossibleDatesAreNothing(text: String) {
        #expect(everything(in: text, language: "de") == [])
    }

    @Test func goodMorningIsNoDate() {
        #expect(
            found("date", in: "Guten Morgen, heute Morgen kam nichts", language: "de") == [
                Pair("2026-11-23", "heute")
            ])
    }

    @Test(arguments: [
        ("um 15 Uhr", "15:00", "15 Uhr"), ("9 Uhr 30", "09:30", "9 Uhr 30"),
        ("3 Uhr nachmittags", "15:00", "3 Uhr nachmittags"), ("um 8 Uhr abends", "20:00", "8 Uhr abends"),
        ("zu Mittag", "12:00", "Mittag"), ("um 15:30 Uhr", "15:30", "15:30"), ("um 9 Uhr", "09:00", "9 Uhr"),
    ])
    func readsTimes(text: String, value: String, matched: String) {
        #expect(found("time", in: text, language: "de") == [Pair(value, matched)])
    }

    @Test(arguments: [
        ("20 €", "20 EUR", "20 €"), ("zwanzig Euro", "20 EUR", "zwanzig Euro"),
        ("49,99 Euro", "49.99 EUR", "49,99 Euro"),
        ("100 Franken", "100 CHF", "100 Franken"), ("€ 15", "15 EUR", "€ 15"),
    ])
    func readsMoney(text: String, value: String, matched: String) {
        #expect(found("money", in: text, language: "de") == [Pair(value, matched)])
    }
}
