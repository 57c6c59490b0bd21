/// Which language each learned text is in, and adding texts to a language's translation of an
/// intent: a Russian customer's words belong in the bot's Russian examples, never its English ones.
extension BotLearner {
    /// The group's texts by the bot language each goes to: the group's `language` when the inbox
    /// names one, else each text's as ``Language/read(_:clearly:)`` reads it, else (nothing to
    /// tell by) the bot's own. `nil` (after `fail`) when a text is in a language the bot does not
    /// serve, whether Usher serves it or not: French is never taken for the bot's own.
    func languages(of entry: UnmatchedInbox.Entry, fail: (String, String) -> Void) -> [String: [String]]? {
        var byLanguage: [String: [String]] = [:]
        if let named = entry.language {
            guard let served = bot.servedLanguage(for: named) else {
                fail(bot.notServed(named), "language")
                return nil
            }
            byLanguage[served] = entry.texts
            return byLanguage
        }
        for (offset, text) in entry.texts.enumerated() {
            let detected: String
            switch Language.read(text) {
            case .served(let tag): detected = tag.rawValue
            case .unserved(let tag): detected = tag
            case .unknown: detected = bot.language
            }
            guard let served = bot.servedLanguage(for: detected) else {
                fail(
                    "\"\(text)\" reads as \(detected), which the bot does not serve (it serves \(bot.languages.joined(separator: ", "))); set the group's \"language\" to add it anyway",
                    "texts[\(offset)]")
                return nil
            }
            byLanguage[served, default: []].append(text)
        }
        return byLanguage
    }

    /// Adds `texts` to `intent`'s translation into `language`: to its examples where the
    /// translation has the intent, else as a new translation in the language's first file.
    func translate(_ intent: String, into language: String, adding texts: [String], in plan: inout Plan)
        throws(DefinitionErrors)
    {
        guard let translation = bot.translations.first(where: { $0.language == language }) else { return }
        let plural = texts.count == 1 ? "" : "s"
        if let words = translation.intents.first(where: { $0.name == intent }) {
            guard
                try appendExamples(
                    texts, toObjectNamed: intent, list: "translations", in: words.origin.file, plan: &plan)
            else {
                throw Self.cannotEdit(
                    words.origin.file, "the translation of \"\(intent)\" is not where the bot says it is")
            }
            plan.report.append("\(words.origin.file): \(intent) (\(language)) + \(texts.count) example\(plural)")
            return
        }
        guard let file = translation.languageOrigin?.file, let bytes = plan.files[file] ?? sources[file] else { return }
        let node = try parse(bytes, file: file)
        guard case .object(let members) = node.value,
            let list = members.first(where: { $0.key == "translations" })?.value, case .array(let items) = list.value
        else { throw Self.cannotEdit(file, "it has no \"translations\" list to add to") }
        var editor = JSONTextEditor(bytes)
        let object =
            "{\"name\": \(JSONWriter.string(intent)), \"examples\": ["
            + texts.map(Self.example).joined(separator: ", ") + "]}"
        editor.append(
            [object], toArrayAt: editor.offset(of: list.location),
            elements: items.map { editor.offset(of: $0.location) })
        plan.files[file] = editor.bytes
        plan.report.append("\(file): \(intent) (\(language)) + \(texts.count) example\(plural), a new translation")
    }
}
