/// The linter's checks on files of translations: what would make customers in another language
/// see a blank where a slot should be, or read the bot's own language where theirs was meant.
extension BotLinter {
    /// Every translation's responses checked as the bot's own are (``slotMarkers(_:)``), and the
    /// words its intents and fallback leave out that the bot's own language has: those replies
    /// reach customers in that language in the bot's own.
    static func translations(_ bot: BotDefinition) -> [DefinitionWarning] {
        var warnings: [DefinitionWarning] = []
        var spellings: [String: String] = [:]
        for name in bot.intents.flatMap({ $0.examples.flatMap(\.template.slotNames) }) {
            spellings[spellingKey(name)] = spellings[spellingKey(name)] ?? name
        }
        for translation in bot.translations where translation.language != bot.language {
            for words in translation.intents {
                guard let intent = bot.intent(named: words.name) else { continue }
                warnings += unknownMarkers(in: words, of: intent)
                warnings += unknownExampleMarkers(words.examples, of: intent, in: bot)
                for example in words.examples {
                    for name in example.template.slotNames {
                        guard let first = spellings[spellingKey(name)], first != name else { continue }
                        warnings.append(
                            DefinitionWarning(
                                origin: example.origin,
                                message:
                                    "slot marker {\(name)} differs from {\(first)} used elsewhere; use one spelling"))
                    }
                }
                let missing = untranslated(intent, words)
                if !missing.isEmpty {
                    warnings.append(
                        DefinitionWarning(
                            origin: words.origin,
                            message:
                                "intent \"\(intent.name)\" has \(list(missing)) in \(bot.language) but not in \(translation.language), so customers in \(translation.language) get them in \(bot.language)"
                        ))
                }
            }
            if !bot.fallback.responses.isEmpty, translation.fallback?.responses.isEmpty ?? true,
                let origin = translation.languageOrigin
            {
                warnings.append(
                    DefinitionWarning(
                        origin: origin,
                        message:
                            "the fallback has no responses in \(translation.language), so customers in \(translation.language) get them in \(bot.language)"
                    ))
            }
        }
        return warnings
    }

    /// Translated responses that use a slot the intent has not, and no example or pattern (in
    /// either language) marks: the customer would read a blank there.
    private static func unknownMarkers(in words: IntentTranslation, of intent: IntentDefinition) -> [DefinitionWarning]
    {
        let marked = Set(
            (intent.examples + words.examples).flatMap(\.template.slotNames)
                + (intent.patterns + words.patterns).flatMap(patternCaptures) + intent.slots.map(\.name))
        return unmarkedSlots(in: words.responses, at: words.origin, of: intent.name, marked: marked)
    }

    /// The paths of what `intent` says in the bot's own language that `words` does not translate.
    private static func untranslated(_ intent: IntentDefinition, _ words: IntentTranslation) -> [String] {
        var missing: [String] = []
        if !intent.responses.isEmpty && words.responses.isEmpty { missing.append("responses") }
        for slot in intent.slots {
            let translated = words.slots[slot.name]
            if slot.prompt != nil && translated?.prompt == nil { missing.append("slots.\(slot.name).prompt") }
            if slot.reprompt != nil && translated?.reprompt == nil { missing.append("slots.\(slot.name).reprompt") }
            if slot.validation?.message != nil && translated?.message == nil {
                missing.append("slots.\(slot.name).message")
            }
        }
        if let confirmation = intent.confirmation {
            if words.confirmation == nil { missing.append("confirm") }
            if confirmation.denied != nil, let translated = words.confirmation, translated.denied == nil {
                missing.append("confirm.denied")
            }
        }
        if let action = intent.action {
            if action.waiting != nil && words.actionWaiting == nil { missing.append("action.say") }
            for outcome in action.responses.keys.sorted() where words.actionResponses[outcome] == nil {
                missing.append("action.responses.\(outcome)")
            }
        }
        return missing
    }

    static func spellingKey(_ name: String) -> String {
        name.lowercased().filter { $0 != "_" && $0 != "-" }
    }

    private static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
