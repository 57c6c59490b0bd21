import Testing

@testable import Usher

/// How the Russian, German and Chinese lexicons read single messages: stems, negation before and
/// after the verb, and patterns matched character by character. A negator with a weight of its
/// own ("до сих пор не", "still not") is a cue beside the failure it negates, as in English.
@Suite("SentimentAnalyzer in other languages")
struct SentimentLanguagesTests {
    @Test(arguments: [
        ("ru", "Заказ до сих пор не пришёл", ["до сих пор не", "до сих пор не пришел"]),
        ("ru", "Ужасный сервис", ["ужасныи"]), ("ru", "Это ужасно", ["ужасно"]),
        ("de", "Die App funktioniert seit gestern nicht", ["funktioniert nicht"]),
        ("de", "Das Paket ist immer noch nicht angekommen", ["immer noch nicht", "immer noch nicht angekommen"]),
        ("de", "Ich bin sehr enttäuscht", ["enttauscht"]), ("zh-TW", "我還沒收到", ["還 沒", "還 沒 收 到"]),
        ("zh-TW", "服務很差", ["很 差"]), ("zh-TW", "不好", ["不 好"]),
    ])
    func readsComplaints(language: String, text: String, cues: [String]) {
        let sentiment = SentimentAnalyzer(language: language).analyze(text)
        #expect(sentiment.isNegative, "\(sentiment)")
        #expect(sentiment.cues == cues)
    }

    @Test(arguments: [
        ("ru", "Спасибо большое, всё отлично"), ("ru", "Проблему решили"), ("de", "Vielen Dank, alles bestens"),
        ("de", "Das war nicht schlecht"), ("zh-TW", "不錯"), ("zh-TW", "謝謝，問題解決了"),
    ])
    func readsPraise(language: String, text: String) {
        #expect(SentimentAnalyzer(language: language).analyze(text).isPositive)
    }

    @Test(arguments: [
        ("ru", "Где мой заказ?"), ("ru", "Добрый день, нет проблем"), ("de", "Guten Morgen, wo ist meine Bestellung?"),
        ("de", "Wie geht das?"), ("zh-TW", "不好意思，請問運費多少？"), ("zh-TW", "麻煩幫我查一下"),
    ])
    func questionsStayNeutral(language: String, text: String) {
        let sentiment = SentimentAnalyzer(language: language).analyze(text)
        #expect(!sentiment.isNegative && !sentiment.isPositive, "\(sentiment)")
    }

    @Test func aLanguageNeverReadsAnothersWords() {
        #expect(SentimentAnalyzer(language: "en").analyze("Это ужасно").cues.isEmpty)
        #expect(SentimentAnalyzer(language: "ru").analyze("This is terrible").cues.isEmpty)
    }
}
