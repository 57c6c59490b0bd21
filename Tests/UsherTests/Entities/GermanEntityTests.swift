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
