/// One text of an intent that the bot says to customers (a response, a slot's question, a
/// read-back, an action's reply), with what can fill its markers when it is said.
///
/// ``BotValidator`` checks every marker of every such text, in the bot's own language and in
/// each translation, against what can hold a value at that point: a marker that nothing fills
/// is a blank the customer reads ("Return order  because: …").
struct SaidText {
    /// Where the text is written, below the intent or translation: `responses[0]`,
    /// `slots.reason.prompt`, `confirm.prompt`, `action.responses.found[1]`.
    var path: String
    var template: Template
    /// The slot the text asks for: it has no value whenever the text is said.
    var asks: String?
    /// Whether `{result.NAME}` markers are filled: in the replies to an action's result.
    var results: Bool

    /// A slot's questions as written: where its validation message stands differs between the
    /// bot's own files (`validate.message`) and a translation's (`message`).
    struct Questions {
        var slot: String
        var prompt: Template?
        var reprompt: Template?
        var message: Template?
        var messageKey: String
    }

    /// The texts of an intent or of its translation, in the order they are written.
    static func texts(
        responses: [Template], slots: [Questions], confirmation: FormConfirmation?, waiting: Template?,
        outcomes: [String: [Template]], hasAction: Bool
    ) -> [SaidText] {
        var texts = responses.enumerated().map {
            SaidText(path: "responses[\($0)]", template: $1, results: hasAction)
        }
        for slot in slots {
            let questions = [("prompt", slot.prompt), ("reprompt", slot.reprompt), (slot.messageKey, slot.message)]
            for case (let key, let template?) in questions {
                texts.append(
                    SaidText(path: "slots.\(slot.slot).\(key)", template: template, asks: slot.slot, results: false))
            }
        }
        if let confirmation {
            texts.append(SaidText(path: "confirm.prompt", template: confirmation.prompt, results: false))
            if let denied = confirmation.denied {
                texts.append(SaidText(path: "confirm.denied", template: denied, results: false))
            }
        }
        if let waiting { texts.append(SaidText(path: "action.say", template: waiting, results: false)) }
        for outcome in outcomes.keys.sorted() {
            for (offset, reply) in outcomes[outcome]!.enumerated() {
                texts.append(SaidText(path: "action.responses.\(outcome)[\(offset)]", template: reply, results: true))
            }
        }
        return texts
    }
}

extension IntentDefinition {
    /// Every text of the intent a customer may read, in the bot's own language.
    var saidTexts: [SaidText] {
        SaidText.texts(
            responses: responses,
            slots: slots.map {
                SaidText.Questions(
                    slot: $0.name, prompt: $0.prompt, reprompt: $0.reprompt, message: $0.validation?.message,
                    messageKey: "validate.message")
            },
            confirmation: confirmation, waiting: action?.waiting, outcomes: action?.responses ?? [:],
            hasAction: action != nil)
    }
}

extension IntentTranslation {
    /// Every text of the translation a customer may read; `hasAction` says whether the intent
    /// it translates calls an action, whose result its responses may then show.
    func saidTexts(hasAction: Bool) -> [SaidText] {
        SaidText.texts(
            responses: responses,
            slots: slots.keys.sorted().map { name in
                let slot = slots[name]!
                return SaidText.Questions(
                    slot: name, prompt: slot.prompt, reprompt: slot.reprompt, message: slot.message,
                    messageKey: "message")
            },
            confirmation: confirmation, waiting: actionWaiting, outcomes: actionResponses, hasAction: hasAction)
    }
}
