import Testing

@testable import Usher

/// Replies show dates and money as each language writes them; slots keep canonical values.
@Suite("ValueFormat")
struct ValueFormatTests {
    @Test(arguments: [
        ("en", "date", "2026-11-30", "2026-11-30"), ("en", "money", "1299.5 EUR", "1299.5 EUR"),
        ("de", "date", "2026-03-05", "05.03.2026"), ("de", "money", "1299.5 EUR", "1.299,50 €"),
        ("de", "money", "20 USD", "20 $"), ("de", "money", "1000000 JPY", "1.000.000 JPY"),
        ("ru", "date", "2026-11-30", "30.11.2026"), ("ru", "money", "2490.5 RUB", "2\u{00A0}490,50 ₽"),
        ("zh-TW", "date", "2026-03-05", "2026年3月5日"), ("zh-TW", "money", "1299 TWD", "NT$1,299"),
        ("zh-TW", "money", "300 CNY", "人民幣300"),
        // Not a date or an amount after all, or another type: shown as it is.
        ("de", "date", "next week", "next week"), ("de", "money", "lots", "lots"), ("de", "number", "1299.5", "1299.5"),
    ])
    func showsValuesAsTheLanguageWritesThem(language: String, type: String, value: String, shown: String) throws {
        let formats = try #require(Language.named(language)).formats
        #expect(formats.display(value, type: type) == shown)
    }

    /// A German form's read-back shows the date as Germans write it; the slot stays ISO.
    @Test func aReplyShowsTheDateTheSlotKeepsIt() throws {
        let json = """
            {"language": "de", "intents": [
              {"name": "claim", "examples": ["Schaden melden", "ich möchte einen Schaden melden"],
               "slots": {"when": {"entity": "date", "required": true, "prompt": "Wann?"}},
               "responses": ["Vorfall am {when} notiert."]}]}
            """
        let bot = try BotLoader.load(sources: [BotLoader.Source(name: "de.json", bytes: Array(json.utf8))])
        let engine = try DialogEngine(bot: bot)
        let first = engine.respond(to: CustomerMessage(session: "s", text: "Schaden melden"), state: nil, now: 0)
        let second = engine.respond(
            to: CustomerMessage(session: "s", text: "am 5. März 2026"), state: first.state, now: 0)
        #expect(second.replies == ["Vorfall am 05.03.2026 notiert."])
        #expect(second.state.slots["when"] == "2026-03-05")
    }
}
