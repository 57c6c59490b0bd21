/// The linter's checks on files of translations: what would make customers in another language
/// read the bot's own language where theirs was meant, or miss an intent altogether.
extension BotLinter {
    /// Every translation's examples checked as the bot's own are (``slotMarkers(_:)``), the
    /// intents it leaves out or gives nothing to match (customers in that language cannot reach
    /// them), and the words its intents and fallback leave out that the bot's own language has:
    /// those replies reach customers in that language in the bot's own.
    static func translations(_ bot: BotDefinition) -> [DefinitionWarning] {
        var warnings: [DefinitionWarning] = []
        var spellings: [String: String] = [:]
        for name in bot.intents.flatMap({ $0.examples.flatMap(\.template.slotNames) }) {
            spellings[spellingKey(name)] = spellings[spellingKey(name)] ?? name
        }
        for translation in bot.translations where translation.language != bot.language {
            warnings += unreachableIntents(bot, translation)
            for words in translation.intents {
                guard let intent = bot.intent(named: words.name) else { continue }
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

    /// The intents customers in the translation's language cannot reach: those it does not
    /// translate (at the file's `language`), and those it translates with no example or pattern.
    /// Each language's matcher learns that language's words only, so their messages get the
    /// fallback. A translation is often written before intents are added to the bot's own files.
    private static func unreachableIntents(_ bot: BotDefinition, _ translation: BotTranslation)
        -> [DefinitionWarning]
    {
        let translated = Dictionary(translation.intents.map { ($0.name, $0) }) { first, _ in first }
        let language = translation.language
        return bot.intents.compactMap { intent in
            guard let words = translated[intent.name] else {
                guard let origin = translation.languageOrigin else { return nil }
                return DefinitionWarning(
                    origin: origin,
                    message:
                        "intent \"\(intent.name)\" has no translation into \(language), so customers writing \(language) cannot reach it and get the fallback"
                )
            }
            guard words.examples.isEmpty, words.patterns.isEmpty else { return nil }
            return DefinitionWarning(
                origin: words.origin,
                message:
                    "intent \"\(intent.name)\" has no examples or patterns in \(language), so customers writing \(language) cannot reach it and get the fallback"
            )
        }
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
