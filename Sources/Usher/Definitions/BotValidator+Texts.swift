/// The checks on what the bot says: a `{name}` marker that nothing can fill when the text is
/// said is a blank the customer reads ("Return order  because: …"), so it is an error at the
/// text's own line, in the bot's own language and in every translation alike.
extension BotValidator {
    /// The markers of every intent's texts, in the bot's own language.
    func intentTextErrors() -> [DefinitionError] {
        bot.intents.flatMap { intent in
            markerErrors(intent.saidTexts, at: intent.origin, textOrigins: intent.textOrigins, of: intent)
        }
    }

    /// The markers of `texts`, written at `origin` (an intent or its translation) for `intent`:
    /// each must name a slot of the intent (not the one a question asks for), or a value of an
    /// action's result in the replies to it.
    func markerErrors(
        _ texts: [SaidText], at origin: DefinitionOrigin, textOrigins: [String: DefinitionOrigin],
        of intent: IntentDefinition
    ) -> [DefinitionError] {
        let slots = intent.slots.map(\.name)
        let errors = texts.flatMap { text in
            let path = "\(origin.path).\(text.path)"
            let at = textOrigins[path] ?? DefinitionOrigin(file: origin.file, path: path, location: origin.location)
            return text.template.slotNames.compactMap { name -> DefinitionError? in
                if name.hasPrefix(ActionDefinition.resultPrefix) {
                    return text.results ? nil : error(at: at, ActionDefinition.resultsOutsideReplies)
                }
                if name == text.asks {
                    return error(
                        at: at,
                        "{\(name)} is the slot this question asks for: it has no value while the question is asked, so the customer would read a blank there"
                    )
                }
                guard !slots.contains(name) else { return nil }
                let hint =
                    Spelling.closestName(to: name, among: slots).map { "; did you mean {\($0)}?" }
                    ?? (slots.isEmpty
                        ? "; it has no slots (declare {\(name)} under \"slots\" to fill it)"
                        : "; its slots are \(slots.joined(separator: ", "))")
                return error(
                    at: at,
                    "{\(name)} is no slot of intent \"\(intent.name)\", so the customer would read a blank there\(hint)"
                )
            }
        }
        // In the order they are written, as the author reads the file (a text's markers in theirs).
        let places = errors.enumerated().map { offset, error in
            (error.location?.line ?? 0, error.location?.column ?? 0, offset)
        }
        return places.sorted(by: <).map { errors[$0.2] }
    }

    /// The markers of a fallback's responses (the bot's own or a translation's): said after any
    /// turn, they can show only a value some intent's slot holds.
    func fallbackMarkerErrors(_ fallback: FallbackDefinition) -> [DefinitionError] {
        let slots = Set(bot.intents.flatMap { $0.slots.map(\.name) })
        return fallback.responses.enumerated().flatMap { offset, response in
            let path = "fallback.responses[\(offset)]"
            return response.slotNames.filter { !slots.contains($0) }.map { name in
                let hint = Spelling.closestName(to: name, among: slots.sorted()).map { "; did you mean {\($0)}?" } ?? ""
                return error(
                    at: fallback.textOrigins[path],
                    "{\(name)} is no slot of any intent, so the customer would read a blank there\(hint)")
            }
        }
    }
}
