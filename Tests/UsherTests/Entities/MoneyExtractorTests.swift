import Testing

@testable import Usher

@Suite("MoneyExtractor")
struct MoneyExtractorTests {
    let money = MoneyExtractor()

    @Test(arguments: [
        ("It cost $49.99", "49.99 USD", "$49.99"), ("49.99 USD", "49.99 USD", "49.99 USD"), ("€10", "10 EUR", "€10"),
        ("10 euros", "10 EUR", "10 euros"), ("120 EUR", "120 EUR", "120 EUR"), ("£5", "5 GBP", "£5"),
        ("5 pounds", "5 GBP", "5 pounds"), ("USD 20", "20 USD", "USD 20"), ("20 dollars", "20 USD", "20 dollars"),
        ("10€", "10 EUR", "10€"), ("10\u{A0}€", "10 EUR", "10\u{A0}€"), ("$ 5", "5 USD", "$ 5"),
        ("$1,200.00", "1200 USD", "$1,200.00"), ("$49.90", "49.9 USD", "$49.90"), ("1 dollar", "1 USD", "1 dollar"),
        ("twenty dollars", "20 USD", "twenty dollars"), ("twenty-five euros", "25 EUR", "twenty-five euros"),
        ("$20 USD", "20 USD", "$20 USD"), ("usd20", "20 USD", "usd20"), ("(¥500)", "500 JPY", "¥500"),
        ("5 quid", "5 GBP", "5 quid"), ("₹100", "100 INR", "₹100"), ("I paid 49,99 €", "49.99 EUR", "49,99 €"),
        ("€ 10,5", "10.5 EUR", "€ 10,5"), ("$1,299", "1299 USD", "$1,299"), ("USD1,000", "1000 USD", "USD1,000"),
    ])
    func readsAmountAndCurrency(text: String, value: String, matched: String) {
        let matches = money.extract(from: text, context: mondayContext)
        #expect(matches.map(\.value) == [value])
        #expect(matches.map(\.text) == [matched])
        #expect(matches.allSatisfy { slice(text, $0.range) == $0.text })
    }

    @Test(arguments: [
        "49.99", "I have 20", "USD", "the $ sign", "5$5", "A$5", "euros", "10 eurosx", "$AB12", "€1,2345",
    ])
    func needsBothAnAmountAndACurrency(text: String) {
        #expect(money.values(in: text) == [])
    }

    /// Thousands grouped as customers write them in their language: a point and a decimal
    /// comma, a space (also no-break or narrow no-break), a comma; a group is three digits.
    @Test(arguments: [
        ("1.299,00 €", "1299 EUR"), ("mir wurden 1.299 € abgebucht", "1299 EUR"), ("1 299 Euro", "1299 EUR"),
        ("1 500 рублей", "1500 RUB"), ("2 490,50 ₽", "2490.5 RUB"), ("1\u{A0}299 ₽", "1299 RUB"),
        ("12\u{202F}000 €", "12000 EUR"), ("1.299.000 €", "1299000 EUR"), ("$1,299.50", "1299.5 USD"),
        ("2 items at 500 €", "500 EUR"), ("1234 567 €", "567 EUR"), ("1.29 €", "1.29 EUR"),
    ])
    func readsGroupedThousands(text: String, value: String) {
        let language = text.contains("руб") || text.contains("₽") ? "ru" : "de"
        let context = EntityContext(today: monday, language: language)
        #expect(money.extract(from: text, context: context).map(\.value) == [value])
    }

    /// A number and a scale word, as customers say large amounts in each language: digits or
    /// words, a decimal comma or point, an abbreviation with its point, a scale glued to digits.
    @Test(arguments: [
        ("en", "the TV was 2 thousand dollars", "2000 USD", "2 thousand dollars"),
        ("en", "two thousand five hundred dollars", "2500 USD", "two thousand five hundred dollars"),
        ("en", "a thousand bucks", "1000 USD", "a thousand bucks"), ("en", "$2.5k", "2500 USD", "$2.5k"),
        ("en", "1.5 million dollars", "1500000 USD", "1.5 million dollars"),
        ("de", "der Kühlschrank hat 2 Tausend Euro gekostet", "2000 EUR", "2 Tausend Euro"),
        ("de", "1,5 Tausend Euro", "1500 EUR", "1,5 Tausend Euro"),
        ("de", "anderthalb Millionen Euro", "1500000 EUR", "anderthalb Millionen Euro"),
        ("de", "1,5 Mio. Euro", "1500000 EUR", "1,5 Mio. Euro"),
        ("ru", "полторы тысячи рублей", "1500 RUB", "полторы тысячи рублей"),
        ("ru", "списали 2 тыс. рублей", "2000 RUB", "2 тыс. рублей"),
        ("ru", "5 тысяч рублей", "5000 RUB", "5 тысяч рублей"),
        ("ru", "3 млн рублей", "3000000 RUB", "3 млн рублей"),
        ("zh-TW", "花了3千元", "3000 TWD", "3千元"), ("zh-TW", "1.5萬元", "15000 TWD", "1.5萬元"),
        ("en", "there's a charge of 3 hundred dollars I don't recognize", "300 USD", "3 hundred dollars"),
        ("en", "3 hundred thousand dollars", "300000 USD", "3 hundred thousand dollars"),
        ("en", "2 thousand dollars", "2000 USD", "2 thousand dollars"),
        ("de", "3 hundert Euro", "300 EUR", "3 hundert Euro"), ("de", "2 Tausend Euro", "2000 EUR", "2 Tausend Euro"),
        ("de", "drei hundert Euro", "300 EUR", "drei hundert Euro"),
        ("ru", "3 сотни рублей", "300 RUB", "3 сотни рублей"),
        ("ru", "три сотни рублей", "300 RUB", "три сотни рублей"),
        ("ru", "5 сотен рублей", "500 RUB", "5 сотен рублей"),
    ])
    func readsScaleWords(language: String, text: String, value: String, matched: String) {
        let context = EntityContext(today: monday, language: language)
        let matches = money.extract(from: text, context: context)
        #expect(matches.map(\.value) == [value])
        #expect(matches.map(\.text) == [matched])
    }

    @Test func findsSeveralAmountsInOrder() {
        #expect(money.values(in: "Refund €10 and $5, not 3 pounds") == ["10 EUR", "5 USD", "3 GBP"])
    }
}
