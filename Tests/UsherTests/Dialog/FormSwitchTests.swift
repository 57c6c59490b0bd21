import Testing

@testable import Usher

/// A shop bot in four languages: a return and an address change share the order number, and
/// each asks a free-text question (trial 8).
enum ShopBot {
    static let bot = """
        {"language": "en",
         "entities": {
          "order_number": {"regex": "(?i)\\\\bSO-?[0-9]{6}\\\\b", "case": "upper"},
          "payment_method": {"values": {"credit_card": ["credit card", "card"], "paypal": ["pay pal"],
                                        "line_pay": ["line pay", "linepay"]}}},
         "intents": [
          {"name": "return_product", "examples": ["I want to return something", "return an item", "start a return"],
           "slots": {"order_number": {"entity": "order_number", "required": true, "prompt": "Which order?"},
                     "reason": {"entity": "text", "required": true, "prompt": "Why are you returning it?"}},
           "responses": ["Return of {order_number}: {reason}."]},
          {"name": "change_address", "examples": ["I want to change my delivery address", "change the address"],
           "slots": {"order_number": {"entity": "order_number", "required": true, "prompt": "For which order?"},
                     "new_address": {"entity": "text", "required": true, "prompt": "What is the new address?"}},
           "responses": ["Order {order_number} goes to {new_address}."]},
          {"name": "thanks", "examples": ["thanks", "thank you"], "responses": ["You're welcome!"]},
          {"name": "payment_problem", "examples": ["my payment failed", "my {payment_method} payment failed"],
           "slots": {"payment_method": {"entity": "payment_method"}},
           "responses": ["Trouble with your {payment_method} payment."]}]}
        """
    static let german = """
        {"language": "de", "synonyms": {"payment_method": {"credit_card": ["Kreditkarte", "Karte"]}},
         "translations": [
          {"name": "return_product", "examples": ["Ich möchte etwas zurückgeben", "Rücksendung starten"],
           "slots": {"order_number": {"prompt": "Welche Bestellung?"}, "reason": {"prompt": "Warum senden Sie es zurück?"}}},
          {"name": "change_address", "examples": ["Ich möchte meine Lieferadresse ändern", "Adresse ändern"],
           "slots": {"order_number": {"prompt": "Für welche Bestellung?"}, "new_address": {"prompt": "Wie lautet die neue Adresse?"}},
           "responses": ["Bestellung {order_number} geht an {new_address}."]},
          {"name": "thanks", "examples": ["danke", "vielen Dank"], "responses": ["Gern geschehen!"]},
          {"name": "payment_problem", "examples": ["meine Zahlung hat nicht geklappt", "Zahlung mit {payment_method} fehlgeschlagen"],
           "responses": ["Probleme mit Ihrer Zahlung per {payment_method}."]}]}
        """
    static let russian = """
        {"language": "ru", "synonyms": {"payment_method": {"credit_card": ["кредитная карта", "картой"]}},
         "translations": [
          {"name": "return_product", "examples": ["я хочу вернуть товар", "оформить возврат"],
           "slots": {"order_number": {"prompt": "Какой заказ?"}, "reason": {"prompt": "Почему вы возвращаете товар?"}}},
          {"name": "change_address", "examples": ["я хочу изменить адрес доставки", "изменить адрес"],
           "slots": {"order_number": {"prompt": "Для какого заказа?"}, "new_address": {"prompt": "Какой новый адрес?"}},
           "responses": ["Заказ {order_number} поедет на {new_address}."]},
          {"name": "thanks", "examples": ["спасибо", "большое спасибо"], "responses": ["Пожалуйста!"]},
          {"name": "payment_problem", "examples": ["оплата не прошла", "оплата {payment_method} не прошла"],
           "responses": ["Проблема с оплатой: {payment_method}."]}]}
        """
    static let chinese = """
        {"language": "zh-TW", "synonyms": {"payment_method": {"credit_card": ["信用卡"], "line_pay": ["LINE Pay"]}},
         "translations": [
          {"name": "return_product", "examples": ["我想退貨", "申請退貨"],
           "slots": {"order_number": {"prompt": "哪一筆訂單？"}, "reason": {"prompt": "退貨的原因是什麼？"}}},
          {"name": "change_address", "examples": ["我想修改收件地址", "修改地址"],
           "slots": {"order_number": {"prompt": "哪一筆訂單要改地址？"}, "new_address": {"prompt": "新的地址是？"}},
           "responses": ["訂單{order_number}會寄到{new_address}。"]},
          {"name": "thanks", "examples": ["謝謝", "感謝"], "responses": ["不客氣！"]},
          {"name": "payment_problem", "examples": ["付款失敗", "{payment_method}付款失敗"],
           "responses": ["您的{payment_method}付款有問題。"]}]}
        """

    static let engine: DialogEngine = {
        let files = [("bot.json", bot), ("de.json", german), ("ru.json", russian), ("zh-TW.json", chinese)]
        let sources = files.map { BotLoader.Source(name: $0.0, bytes: Array($0.1.utf8)) }
        return try! DialogEngine(bot: BotLoader.load(sources: sources))
    }()

    /// Plays `messages` in one session in `language`.
    static func converse(_ messages: [String], language: String) -> [TurnResult] {
        var state: SessionState?
        return messages.enumerated().map { offset, text in
            let turn = engine.respond(
                to: CustomerMessage(session: "s", text: text, language: language), state: state,
                now: mondayMorning + Double(offset))
            state = turn.state
            return turn
        }
    }
}

/// "Meine Zahlung mit Kreditkarte hat nicht geklappt" was answered "…Ihrer Zahlung per
/// credit_card…" (trial 8): a reply shows a value by its name in the session's language.
@Suite("Values shown in replies")
struct ValueNameTests {
    @Test(arguments: [
        ("en", "my credit card payment failed", "Trouble with your credit card payment."),
        ("en", "my line pay payment failed", "Trouble with your line pay payment."),
        ("en", "my paypal payment failed", "Trouble with your paypal payment."),
        ("de", "Meine Zahlung mit Kreditkarte hat nicht geklappt", "Probleme mit Ihrer Zahlung per Kreditkarte."),
        ("de", "Zahlung mit paypal fehlgeschlagen", "Probleme mit Ihrer Zahlung per paypal."),
        ("ru", "оплата картой не прошла", "Проблема с оплатой: кредитная карта."),
        ("zh-TW", "我的信用卡付款失敗", "您的信用卡付款有問題。"),
        ("zh-TW", "LINE Pay付款失敗", "您的LINE Pay付款有問題。"),
    ])
    func aReplyShowsTheValuesName(language: String, message: String, reply: String) {
        let turn = ShopBot.converse([message], language: language)[0]
        #expect(turn.replies == [reply])
        // Slots, actions and the protocol keep the key.
        #expect(turn.state.slots["payment_method"] != nil)
        #expect(turn.state.slots["payment_method"].map { !$0.contains(" ") && $0 == $0.lowercased() } == true)
    }

    @Test func theNameComesFromTheLanguagesFirstSynonymElseTheKey() {
        let entities: [String: EntityDefinition] = [
            "payment": .values(["credit_card": ["credit card"], "bank_transfer": [], "paypal": ["pay pal"]]),
            "order": .regex("SO-[0-9]+"),
        ]
        let own = ValueNames(entities: entities)
        #expect(own.name(of: "credit_card", type: "payment") == "credit card")
        #expect(own.name(of: "bank_transfer", type: "payment") == "bank transfer")
        #expect(own.name(of: "paypal", type: "payment") == nil)
        #expect(own.name(of: "SO-1", type: "order") == nil)
        let german = ValueNames(entities: entities, translated: ["payment": ["credit_card": ["Kreditkarte", "Karte"]]])
        #expect(german.name(of: "credit_card", type: "payment") == "Kreditkarte")
        #expect(german.name(of: "bank_transfer", type: "payment") == "bank transfer")
    }
}

/// "I want to return something" → "actually, I want to change my delivery address instead" →
/// … → "thanks" filed a return "because: thanks" (trial 8): a request said to replace the form
/// drops it, and a resumed form's free-text question takes no thanks.
@Suite("Switching from a form")
struct FormSwitchTests {
    @Test(arguments: [
        (
            "en", "I want to return something", "actually, I want to change my delivery address instead",
            "Order SO-123456 goes to Main Street 1."
        ),
        (
            "de", "Ich möchte etwas zurückgeben", "Ich möchte stattdessen meine Lieferadresse ändern",
            "Bestellung SO-123456 geht an Main Street 1."
        ),
        (
            "ru", "я хочу вернуть товар", "я хочу вместо этого изменить адрес доставки",
            "Заказ SO-123456 поедет на Main Street 1."
        ),
        ("zh-TW", "我想退貨", "改成修改收件地址", "訂單SO-123456會寄到Main Street 1。"),
    ])
    func aRequestSaidInsteadDropsTheForm(language: String, start: String, instead: String, done: String) {
        let turns = ShopBot.converse([start, instead, "SO-123456", "Main Street 1"], language: language)
        #expect(turns[1].intent == "change_address")
        #expect(turns[1].state.forms.map(\.intent) == ["change_address"])
        #expect(turns[1].formEvents.contains(FormEvent(form: "return_product", kind: .dropped, slot: "order_number")))
        #expect(turns[3].replies == [done])
        #expect(turns[3].state.forms.isEmpty)
    }

    @Test(arguments: [
        (
            "en", "I want to return something", "I want to change my delivery address", "thanks",
            ["You're welcome!", "Back to your earlier request.", "Why are you returning it?"]
        ),
        (
            "de", "Ich möchte etwas zurückgeben", "Ich möchte meine Lieferadresse ändern", "danke",
            ["Gern geschehen!", "Zurück zu Ihrem vorherigen Anliegen.", "Warum senden Sie es zurück?"]
        ),
        (
            "ru", "я хочу вернуть товар", "я хочу изменить адрес доставки", "спасибо",
            ["Пожалуйста!", "Вернёмся к вашему предыдущему вопросу.", "Почему вы возвращаете товар?"]
        ),
        ("zh-TW", "我想退貨", "我想修改收件地址", "謝謝", ["不客氣！", "我們回到您剛才的事項。", "退貨的原因是什麼？"]),
    ])
    func aResumedFormSaysSoAndTakesNoThanks(
        language: String, start: String, other: String, thanks: String, replies: [String]
    ) throws {
        let turns = ShopBot.converse([start, other, "SO-123456", "Main Street 1", thanks, "ok"], language: language)
        // The address change is done; the return says it is back, then asks its next question.
        #expect(Array(turns[3].replies.dropFirst()) == Array(replies.dropFirst()))
        #expect(turns[3].state.forms.map(\.intent) == ["return_product"])
        // "thanks" is answered, not filed as the reason; the question comes again.
        #expect(turns[4].replies == replies)
        #expect(turns[4].state.slots["reason"] == nil)
        // A bare "ok" answers nothing either.
        #expect(turns[5].replies == [try #require(replies.last)])
        #expect(turns[5].state.slots["reason"] == nil)
    }
}
