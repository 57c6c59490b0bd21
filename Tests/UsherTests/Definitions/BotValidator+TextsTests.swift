import Testing

@testable import Usher

/// Every text the bot says is checked against what can fill its markers when it is said: the
/// new-user trial's `Return order {ordernumber} because…` passed `check --strict`, and the
/// customer read "Return order  because: "too big"".
@Suite("BotValidator: texts")
struct BotValidatorTextsTests {
    /// A marker in each kind of text that nothing fills, each at its own line.
    static let mistakes = #"""
        {"intents": [
          {"name": "return_product",
           "examples": ["I want to return order {order_number}", "start a return", "send it back"],
           "slots": {
             "order_number": {"entity": "number", "required": true,
               "prompt": "Which order do you want to return?",
               "reprompt": "Which order? It looks like {order_nr}."},
             "reason": {"entity": "text", "required": true, "prompt": "Why are you returning order {order_number}?",
               "validate": {"regex": "..+", "message": "Tell me more than {reason}."}}},
           "confirm": {"prompt": "Return order {ordernumber} because: \"{reason}\"?",
             "denied": "What should I change about {result.status}?"},
           "responses": ["Your return for order {order_number} is registered.", "The return of {order_numbr} is registered."]},
          {"name": "lookup", "examples": ["look up {order_number}", "find my order", "check my order"],
           "slots": {"order_number": {"entity": "number", "required": true, "prompt": "Which order?"}},
           "action": {"name": "lookup_order", "say": "Looking up {order_number} for {customer}.",
             "responses": {"found": ["Order {order_number} is {result.status}."], "not_found": ["No order {oder_number}."]}},
           "responses": ["Order {order_number}: {result.status}."]},
          {"name": "thanks", "examples": ["thanks", "thank you", "cheers"], "responses": ["You're welcome, {name}!"]}
         ],
         "fallback": {"responses": ["Sorry, I did not get that about order {order_numbre}.", "Sorry?"]}}
        """#

    static let english = #"""
        {"intents": [
          {"name": "return_product",
           "examples": ["I want to return order {order_number}", "start a return", "send it back"],
           "slots": {
             "order_number": {"entity": "number", "required": true, "prompt": "Which order do you want to return?"},
             "reason": {"entity": "text", "required": true, "prompt": "Why are you returning order {order_number}?"}},
           "confirm": {"prompt": "Return order {order_number} because: \"{reason}\"?"},
           "responses": ["Your return for order {order_number} is registered."]},
          {"name": "lookup", "examples": ["look up {order_number}", "find my order", "check my order"],
           "slots": {"order_number": {"entity": "number", "required": true, "prompt": "Which order?"}},
           "action": {"name": "lookup_order", "responses": {"found": ["Order {order_number} is {result.status}."]}}}
         ]}
        """#

    static let german = #"""
        {"language": "de", "translations": [
          {"name": "return_product",
           "examples": ["Bestellung {order_number} zurückgeben", "Rücksendung starten", "zurückschicken"],
           "slots": {
             "order_number": {"prompt": "Welche Bestellung?"},
             "reason": {"prompt": "Warum geben Sie Bestellung {order_no} zurück?"}},
           "confirm": {"prompt": "Bestellung {ordernumber} zurückgeben, Grund: \"{reason}\"?"},
           "responses": ["Ihre Rücksendung für {order_numbr} ist angelegt."]},
          {"name": "lookup", "examples": ["Bestellung {order_number} suchen", "meine Bestellung finden", "Bestellung prüfen"],
           "action": {"say": "Ich suche {result.status}.",
                      "responses": {"found": ["Bestellung {order_number} ist {result.status}."]}}}
         ],
         "fallback": {"responses": ["Wie bitte, {bestellung}?"]}}
        """#

    static func errors(_ files: [(String, String)]) -> [String] {
        do {
            _ = try BotLoader.load(sources: files.map { BotLoader.Source(name: $0.0, bytes: Array($0.1.utf8)) })
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// Responses, slots' prompts, reprompts and validation messages, the read-back and its
    /// answer to a no, an action's waiting line and replies, and the fallback: each marker that
    /// names no slot is an error at the text's own line (not the intent's), with the slot meant.
    @Test func aMarkerNothingFillsIsAnErrorAtItsText() {
        #expect(
            Self.errors([("bot.json", Self.mistakes)]) == [
                #"bot.json:7:20: intents[0].slots.order_number.reprompt: {order_nr} is no slot of intent "return_product", so the customer would read a blank there; did you mean {order_number}?"#,
                #"bot.json:9:48: intents[0].slots.reason.validate.message: {reason} is the slot this question asks for: it has no value while the question is asked, so the customer would read a blank there"#,
                #"bot.json:10:26: intents[0].confirm.prompt: {ordernumber} is no slot of intent "return_product", so the customer would read a blank there; did you mean {order_number}?"#,
                #"bot.json:11:16: intents[0].confirm.denied: {result.…} is filled only in an action's replies ("action": {"responses": …})"#,
                #"bot.json:12:73: intents[0].responses[1]: {order_numbr} is no slot of intent "return_product", so the customer would read a blank there; did you mean {order_number}?"#,
                #"bot.json:15:46: intents[1].action.say: {customer} is no slot of intent "lookup", so the customer would read a blank there; its slots are order_number"#,
                #"bot.json:16:89: intents[1].action.responses.not_found[0]: {oder_number} is no slot of intent "lookup", so the customer would read a blank there; did you mean {order_number}?"#,
                #"bot.json:18:83: intents[2].responses[0]: {name} is no slot of intent "thanks", so the customer would read a blank there; it has no slots (declare {name} under "slots" to fill it)"#,
                #"bot.json:20:29: fallback.responses[0]: {order_numbre} is no slot of any intent, so the customer would read a blank there; did you mean {order_number}?"#,
            ])
    }

    /// What every marker of the English bot names can hold a value when its text is said: a
    /// question names slots asked before it, a result's values stand in the action's replies.
    @Test func markersThatCanBeFilledPass() {
        #expect(Self.errors([("bot.json", Self.english)]) == [])
    }

    /// A translation's texts are checked against the intent's slots as the bot's own are.
    @Test func aTranslationsMarkersAreCheckedAgainstTheIntentsSlots() {
        #expect(
            Self.errors([("bot.json", Self.english), ("de.json", Self.german)]) == [
                #"de.json:6:27: translations[0].slots.reason.prompt: {order_no} is no slot of intent "return_product", so the customer would read a blank there; did you mean {order_number}?"#,
                #"de.json:7:26: translations[0].confirm.prompt: {ordernumber} is no slot of intent "return_product", so the customer would read a blank there; did you mean {order_number}?"#,
                #"de.json:8:18: translations[0].responses[0]: {order_numbr} is no slot of intent "return_product", so the customer would read a blank there; did you mean {order_number}?"#,
                #"de.json:10:22: translations[1].action.say: {result.…} is filled only in an action's replies ("action": {"responses": …})"#,
                #"de.json:13:29: fallback.responses[0]: {bestellung} is no slot of any intent, so the customer would read a blank there"#,
            ])
    }

    /// A file of translations that does not name its language is an error, and its other
    /// mistakes are told in the same pass rather than after it is fixed.
    @Test func aTranslationWithoutALanguageIsCheckedToo() {
        let unnamed = Self.german.replacingOccurrences(of: #""language": "de", "#, with: "")
        let errors = Self.errors([("bot.json", Self.english), ("de.json", unnamed)])
        #expect(
            errors.first
                == #"de.json:1:18: translations: a file of translations needs "language": the language they are in"#)
        #expect(errors.count == 6, "\(errors)")
        #expect(
            errors.contains(
                #"de.json:8:18: translations[0].responses[0]: {order_numbr} is no slot of intent "return_product", so the customer would read a blank there; did you mean {order_number}?"#
            ))
    }

    /// `order_nr` and `order_no` are too far from `order_number` by edits, but begin as it does.
    @Test(arguments: [
        ("order_nr", "order_number"), ("order_no", "order_number"), ("ordernumber", "order_number"),
        ("orderNumber", "order_number"), ("reasn", "reason"),
    ])
    func slotNamesCutShortAreRecognised(written: String, meant: String) {
        #expect(Spelling.closestName(to: written, among: ["order_number", "order_date", "reason"]) == meant)
    }

    @Test func namesThatShareTooLittleGetNoGuess() {
        #expect(Spelling.closestName(to: "customer", among: ["order_number", "reason"]) == nil)
        // "order" begins both alike: no guess rather than a wrong one.
        #expect(Spelling.closestName(to: "order_x", among: ["order_number", "order_date"]) == nil)
    }
}
