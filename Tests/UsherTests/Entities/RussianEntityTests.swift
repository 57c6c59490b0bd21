import Testing

@testable import Usher

/// Russian numbers, dates, times and money; today is Monday 2026-11-23.
@Suite("Entities in Russian")
struct RussianEntityTests {
    @Test(arguments: [
        ("двадцать пять", "25", "двадцать пять"), ("сто двенадцать", "112", "сто двенадцать"),
        ("две тысячи двадцать шесть", "2026", "две тысячи двадцать шесть"), ("тысяча", "1000", "тысяча"),
        ("Пять штук", "5", "Пять"), ("для трёх человек", "3", "трёх"),
        (
            "девятьсот девяносто девять", "999",
            "девятьсот девяносто девять"
        ), ("заказ 12345", "12345", "12345"),
    ])
    func readsNumbers(text: String, value: String, matched: String) {
        #expect(found("number", in: text, language: "ru") == [Pair(value, matched)])
    }

    @Test(arguments: [
        ("3 сотни", "300"), ("пять сотен", "500"), ("две сотни пятьдесят", "250"), ("5 тысяч", "5000"),
    ])
    func readsScaleWordsAfterANumber(text: String, value: String) {
        #expect(found("number", in: text, language: "ru") == [Pair(value, text)])
    }

    @Test func hundredsAloneAreNoNumber() {
        #expect(found("number", in: "сотни людей", language: "ru").isEmpty)
    }

    /// An impossible day written with dots is no date, and no phone number either.
    @Test(arguments: ["31.02.2026", "до 31.02.2026", "29.02.2027", "31.06.2026"])
    func impossibleDatesAreNothing(text: String) {
        #expect(everything(in: text, language: "ru") == [])
    }

    @Test func numbersInARowStayApart() {
        #expect(found("number", in: "один два", language: "ru") == [Pair("1", "один"), Pair("2", "два")])
    }

    @Test(arguments: [
        ("завтра", "2026-11-24", "завтра"), ("Послезавтра утром", "2026-11-25", "Послезавтра"),
        ("вчера", "2026-11-22", "вчера"), ("позавчера", "2026-11-21", "позавчера"),
        ("сегодня", "2026-11-23", "сегодня"), ("в пятницу", "2026-11-27", "пятницу"),
        ("в следующий понедельник", "2026-11-30", "следующий понедельник"),
        ("в прошлую пятницу", "2026-11-20", "прошлую пятницу"), ("в эту среду", "2026-11-25", "эту среду"),
        ("через 2 дня", "2026-11-25", "через 2 дня"), ("через неделю", "2026-11-30", "через неделю"),
        ("через три недели", "2026-12-14", "через три недели"), ("3 дня назад", "2026-11-20", "3 дня назад"),
        ("месяц назад", "2026-10-23", "месяц назад"), ("через 2 года", "2028-11-23", "через 2 года"),
        ("5 марта", "2026-03-05", "5 марта"), ("5 марта 2027 года", "2027-03-05", "5 марта 2027 года"),
        ("до 31 декабря", "2026-12-31", "31 декабря"), ("05.03.2026", "2026-03-05", "05.03.2026"),
        ("Ещё в ПЯТНИЦУ", "2026-11-27", "ПЯТНИЦУ"), ("это было 05.03", "2026-03-05", "05.03"),
        ("05.03, утром", "2026-03-05", "05.03"), ("5.3.", "2026-03-05", "5.3."),
    ])
    func readsDates(text: String, value: String, matched: String) {
        #expect(found("date", in: text, language: "ru") == [Pair(value, matched)])
    }

    /// The day as an ordinal, in digits with its ending or in words: "5-го марта", "пятого марта".
    @Test(arguments: [
        ("5-го марта", "2026-03-05", "5-го марта"), ("5го марта", "2026-03-05", "5го марта"),
        ("приеду 21-е декабря", "2026-12-21", "21-е декабря"), ("пятого марта", "2026-03-05", "пятого марта"),
        ("двадцать пятого марта", "2026-03-25", "двадцать пятого марта"),
        ("тридцать первого декабря 2027 года", "2027-12-31", "тридцать первого декабря 2027 года"),
        ("четвертого мая", "2026-05-04", "четвертого мая"), ("на первое марта", "2026-03-01", "первое марта"),
    ])
    func readsOrdinalDays(text: String, value: String, matched: String) {
        #expect(found("date", in: text, language: "ru") == [Pair(value, matched)])
    }

    /// "числа" makes an ordinal the day of the month, the coming one (today is 23 November).
    @Test(arguments: [
        ("до 5-го числа", "2026-12-05", "5-го числа"), ("пятого числа", "2026-12-05", "пятого числа"),
        ("25-го числа", "2026-11-25", "25-го числа"),
        ("двадцать третьего числа", "2026-11-23", "двадцать третьего числа"),
        ("5 числа", "2026-12-05", "5 числа"), ("до 5 числа", "2026-12-05", "5 числа"),
        ("к 5 числу", "2026-12-05", "5 числу"), ("к 5-му числу", "2026-12-05", "5-му числу"),
        ("к пятому числу", "2026-12-05", "пятому числу"), ("третьему числу", "2026-12-03", "третьему числу"),
    ])
    func anOrdinalWithChislaIsTheComingDay(text: String, value: String, matched: String) {
        #expect(found("date", in: text, language: "ru") == [Pair(value, matched)])
    }

    /// Without its month an ordinal is no date here ("пятого" is also "the fifth" of anything),
    /// nor is a number before any other word ("5 этажей").
    @Test(arguments: ["пятого", "5-го", "до 5-го", "на 5-м этаже", "5 этажей", "15числа"])
    func anOrdinalWithoutAMonthIsNoDate(text: String) {
        #expect(found("date", in: text, language: "ru") == [])
    }

    /// When a form asks for a date, an ordinal alone is the coming such day; before a noun it is
    /// still the fifth of that ("5-го этажа").
    @Test(arguments: [
        ("5-го", ["2026-12-05"]), ("пятого", ["2026-12-05"]), ("до 5-го", ["2026-12-05"]),
        ("5-го, утром", ["2026-12-05"]), ("5-го этажа", []), ("на 5-м этаже", []),
    ])
    func anOrdinalAloneIsADayWhenADateIsAsked(text: String, values: [String]) {
        let context = EntityContext(today: monday, language: "ru", dateAsked: true)
        #expect(DateExtractor().extract(from: text, context: context).map(\.value) == values)
    }

    @Test(arguments: [
        ("в 3 часа дня", "15:00", "3 часа дня"), ("в 10 утра", "10:00", "10 утра"),
        ("в 15 часов", "15:00", "15 часов"), ("в 9 вечера", "21:00", "9 вечера"), ("в 15:30", "15:30", "15:30"),
        ("в полдень", "12:00", "полдень"), ("в 12 ночи", "00:00", "12 ночи"),
        ("в 9 часов 30 минут утра", "09:30", "9 часов 30 минут утра"),
    ])
    func readsTimes(text: String, value: String, matched: String) {
        #expect(found("time", in: text, language: "ru") == [Pair(value, matched)])
    }

    @Test(arguments: ["в 3 часа", "доставка 3 дня", "через 3 дня"])
    func anHourWithoutPartOfDayIsNoTime(text: String) {
        #expect(found("time", in: text, language: "ru").isEmpty)
    }

    @Test(arguments: [
        ("500 рублей", "500 RUB", "500 рублей"), ("500 ₽", "500 RUB", "500 ₽"),
        ("99,90 руб.", "99.9 RUB", "99,90 руб"), ("двадцать долларов", "20 USD", "двадцать долларов"),
        ("10 евро", "10 EUR", "10 евро"), ("$15", "15 USD", "$15"), ("сто рублей", "100 RUB", "сто рублей"),
    ])
    func readsMoney(text: String, value: String, matched: String) {
        #expect(found("money", in: text, language: "ru") == [Pair(value, matched)])
    }
}
