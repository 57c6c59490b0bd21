/// Forms: asking for required slots one by one, reading answers, and letting the customer cancel
/// or ask something else in between.
extension TurnBuilder {
    mutating func continueForm(_ form: FormProgress) {
        if form.isConfirming, let definition = engine.intent(named: form.intent),
            let confirmation = definition.confirmation
        {
            return answerConfirmation(definition, confirmation)
        }
        guard let definition = engine.intent(named: form.intent), let slot = definition.slot(named: form.pendingSlot)
        else {
            session.forms.removeLast()
            let result = matched()
            return result.intent.map { serve($0, result) } ?? fallback(result)
        }
        if isCancel() { return cancelForm() }
        if slot.isFreeText {
            // The whole answer, as written: no intent may take it over but a request for a
            // person ("I want to talk to a human" is not a name).
            if let person = requestForPerson() { return interrupt(definition, with: person.intent, person.result) }
            if isResumed(form) {
                // The question came back after another request: "thanks" or "ok" is said to
                // what went before, not an answer to it.
                if DialogEngine.acknowledgements.contains(messageWords()) {
                    return retry(definition, slot, matched())
                }
                if let other = clearlyMeant(probe(), other: definition.name) {
                    return interrupt(definition, with: other, matched())
                }
            }
            let answer = message.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard accepts(slot, answer) else { return retry(definition, slot, matched()) }
            session.slots[slot.name] = answer
            filled[slot.name] = answer
            intent = definition.name
            confidence = 1
            return advance(definition)
        }
        if fill(slot, from: found(for: definition)) != nil {
            intent = definition.name
            confidence = 1
            fillSlots(of: definition)
            // "PN-123456, but I'd rather speak to a person": the value is kept (the agent sees
            // it), and the customer goes to a person rather than being asked the next question.
            if let person = requestForPerson() { return interrupt(definition, with: person.intent, person.result) }
            return advance(definition)
        }
        let result = matched()
        // A value of the right type that failed validation was an answer, not a digression; so
        // is "I don't know" ("weiß ich nicht mehr" once matched a login question), and a bare
        // "ok" answers nothing ("alles" once matched a goodbye and ended the form).
        if rejected.contains(slot.name) || Self.saysDontKnow(words: messageWords())
            || DialogEngine.acknowledgements.contains(messageWords())
        {
            return retry(definition, slot, result)
        }
        // Another intent interrupts only when it is clearly meant; else the question comes again.
        if let other = clearlyMeant(result, other: definition.name) {
            return interrupt(definition, with: other, result)
        }
        retry(definition, slot, result)
    }

    /// The intent `result` names when it is another than `other` and clearly meant (a pattern,
    /// or a confidence of `digression_threshold`): a message that barely matches something else
    /// is a poor answer to a form's question, not a new request.
    func clearlyMeant(_ result: MatchResult, other: String) -> String? {
        guard let intent = result.intent, intent != other,
            result.confidence >= bot.settings.digressionThreshold || isPattern(result)
        else { return nil }
        return intent
    }

    /// Whether `form` asks a question it asked before another request came between: the last
    /// turn answered something else. Its free-text slot then takes no "thanks" meant for that.
    func isResumed(_ form: FormProgress) -> Bool {
        guard let last = session.history.last(where: { $0.agent == nil && $0.action == nil }) else { return false }
        return last.intent != form.intent
    }

    /// After a slot is filled: ask for the next missing one, or complete the form.
    mutating func advance(_ definition: IntentDefinition) {
        if let missing = firstMissingSlot(of: definition) {
            session.forms[session.forms.count - 1] = FormProgress(intent: definition.name, pendingSlot: missing.name)
            ask(missing, again: false)
        } else if definition.confirmation != nil && session.forms.last?.isConfirming == false {
            session.forms[session.forms.count - 1] = FormProgress(
                intent: definition.name, pendingSlot: FormProgress.confirmation)
            readBack(definition)
        } else {
            session.forms.removeLast()
            complete(definition)
            resumeWaitingForm()
        }
    }

    /// The form's question before it completes, with the values as they are now.
    mutating func readBack(_ definition: IntentDefinition) {
        guard let confirmation = definition.confirmation else { return }
        replies.append(render(confirmation.prompt, session.slots))
    }

    /// The answer to a read-back: a yes completes the form; a new value (with a no or without)
    /// replaces the old one and the bot reads back again; a bare no asks what to change.
    /// Anything else is a digression if clearly meant, or the question again.
    mutating func answerConfirmation(_ definition: IntentDefinition, _ confirmation: FormConfirmation) {
        if isCancel() { return cancelForm() }
        intent = definition.name
        confidence = 1
        let answer = FormConfirmation.answer(messageWords())
        fillSlots(of: definition)
        if let slot = definition.slots.first(where: { rejected.contains($0.name) }) {
            // The customer's correction failed validation: the old value was wrong (they said
            // so), so it is dropped and the form asks for that slot; a yes now must not file
            // what they rejected.
            session.slots[slot.name] = nil
            session.forms[session.forms.count - 1] = FormProgress(intent: definition.name, pendingSlot: slot.name)
            return ask(slot, again: true)
        }
        if !filled.isEmpty { return readBack(definition) }
        if answer == .yes {
            session.forms.removeLast()
            complete(definition)
            // "Yes, and then I want to talk to a person": done as confirmed, then handed off.
            if let person = requestForPerson() { return serve(person.intent, person.result) }
            return resumeWaitingForm()
        }
        if answer == .no {
            return replies.append(
                confirmation.denied.map { render($0, session.slots) } ?? engine.messages.confirmationDenied)
        }
        let result = matched()
        if let other = clearlyMeant(result, other: definition.name) {
            return interrupt(definition, with: other, result)
        }
        retry(definition, nil, result)
    }

    /// Another intent while a form is open: answer it, then take the form up again (or drop it
    /// when its definition says `"resume": false`, or the message says the new request replaces
    /// it: "I want to change my address instead"). An intent that hands off ends the form: the
    /// customer is going to a person, so the bot must not ask its question again.
    mutating func interrupt(_ definition: IntentDefinition, with other: String, _ result: MatchResult) {
        let depth = session.forms.count
        // A goodbye ends the conversation: no form is asked again after it.
        if engine.intent(named: other)?.endsConversation == true { session.forms.removeAll() }
        let resumes = definition.resume && !DialogEngine.switchPhrases.occur(in: messageWords())
        if !resumes && !session.forms.isEmpty { session.forms.removeLast() }
        serve(other, result)
        let handsOff = engine.intent(named: other)?.handoff != nil
        if resumes && session.forms.count == depth && !handsOff { resumeWaitingForm() }
    }

    /// A clear request for a person in the message: an intent that hands off, matched by a
    /// pattern or at `digression_threshold`. It wins over answering a form's question and over
    /// waiting for an action, since the customer asked for a human in so many words.
    mutating func requestForPerson() -> (intent: String, result: MatchResult)? {
        guard engine.handsOffByIntent else { return nil }
        let result = probe()
        guard let name = result.intent, engine.intent(named: name)?.handoff != nil,
            result.confidence >= bot.settings.digressionThreshold || isPattern(result)
        else { return nil }
        return (name, matched())
    }

    func isPattern(_ result: MatchResult) -> Bool {
        if case .pattern = result.evidence { true } else { false }
    }

    /// The answer held no value of the slot's type (or, with no slot, no yes or no to a
    /// read-back): ask again, up to `max_reprompts` times.
    mutating func retry(_ definition: IntentDefinition, _ slot: SlotDefinition?, _ result: MatchResult) {
        intent = definition.name
        confidence = result.confidence
        var form = session.forms.removeLast()
        form.reprompts += 1
        guard form.reprompts <= bot.settings.maxReprompts else {
            // A failed form hands off (see decideHandoff), so no waiting form is taken up again.
            failedForm = definition.name
            fallback(result)
            return
        }
        session.forms.append(form)
        if let slot { ask(slot, again: true) } else { readBack(definition) }
    }

    mutating func cancelForm() {
        session.forms.removeLast()
        answerCancel()
    }

    /// The intent a turn that cancels reports, whether or not the bot has one by that name:
    /// conversation tests expect it as they expect the bot's own.
    static let cancelIntent = "cancel"

    /// Says the cancel (the bot's own `cancel` intent, or the built-in reply), then takes up the
    /// form that waited, if any: what ends a form and what stops an action's call.
    mutating func answerCancel() {
        intent = Self.cancelIntent
        confidence = match?.intent == Self.cancelIntent ? match?.confidence ?? 1 : 1
        if let own = engine.intent(named: Self.cancelIntent) {
            complete(own)
        } else {
            replies.append(engine.messages.cancelReply)
        }
        resumeWaitingForm()
    }

    /// A part of the message that is a cancel phrase of any served language ("I don't want to
    /// anymore, cancel", "ой, я передумал"), or else the bot's own `cancel` intent, ends the open
    /// form. Parts are what punctuation separates, so "cancel my order" is no cancel here.
    mutating func isCancel() -> Bool {
        // Without punctuation the message is one clause: its words, already normalised, decide.
        let separated = message.text.contains(where: TextNormalizer.clauseMarks.contains)
        if separated ? Self.hasCancelClause(message.text) : DialogEngine.cancelPhrases.contains(messageWords()) {
            return true
        }
        return engine.intent(named: Self.cancelIntent) != nil && matched().intent == Self.cancelIntent
    }

    /// Whether `text` says, in any served language, that the customer does not have the value.
    static func saysDontKnow(_ text: String) -> Bool {
        saysDontKnow(words: TextNormalizer.normalize(text).words.joined(separator: " "))
    }

    /// ``saysDontKnow(_:)`` of words already normalised and joined by spaces.
    static func saysDontKnow(words: String) -> Bool {
        dontKnowPhrases.occur(in: words)
    }

    private static let dontKnowPhrases = WordPhrases(Set(Language.all.flatMap(\.dontKnow)))

    /// Whether a clause of `text` (``TextNormalizer/clauses(_:)``) is a cancel phrase.
    static func hasCancelClause(_ text: String) -> Bool {
        TextNormalizer.clauses(text).contains { clause in
            DialogEngine.cancelPhrases.contains(TextNormalizer.normalize(String(clause)).words.joined(separator: " "))
        }
    }

    /// When a form finishes or is dropped, the one it interrupted asks for its pending slot
    /// again, unless the slot was filled meanwhile (another form took the same value): a value
    /// once given is never asked for again, and the form goes on, or completes.
    /// The bot says it goes back before it asks ("Back to your earlier request."), or the
    /// customer would take the question for part of what was just answered.
    mutating func resumeWaitingForm() {
        // While an action runs, the form waits for its result too.
        guard session.pendingAction == nil else { return }
        guard let waiting = session.forms.last, let definition = engine.intent(named: waiting.intent) else { return }
        let depth = session.forms.count
        let start = replies.count
        defer {
            if session.forms.count == depth && session.forms.last?.intent == waiting.intent && replies.count > start {
                replies.insert(engine.messages.resumed, at: start)
            }
        }
        if waiting.isConfirming { return readBack(definition) }
        guard let slot = definition.slot(named: waiting.pendingSlot) else { return }
        if session.slots[slot.name] != nil { return advance(definition) }
        ask(slot, again: false)
    }

    // MARK: - Slots

    func firstMissingSlot(of definition: IntentDefinition) -> SlotDefinition? {
        definition.slots.first { $0.required && session.slots[$0.name] == nil }
    }

    /// Fills the slots of `definition` from the message's entities, each entity used once, in the
    /// order they appear. A value in the message replaces an older one: the customer's latest
    /// word wins.
    mutating func fillSlots(of definition: IntentDefinition) {
        guard !definition.slots.isEmpty else { return }
        let entities = found(for: definition)
        var used = Set(filled.values)
        for slot in definition.slots where filled[slot.name] == nil && !slot.isFreeText {
            let candidates = entities.filter { $0.type == slot.entity && !used.contains($0.value) }
            guard let entity = candidates.first(where: { accepts(slot, $0.value) }) else {
                if !candidates.isEmpty { rejected.insert(slot.name) }
                continue
            }
            session.slots[slot.name] = entity.value
            filled[slot.name] = entity.value
            used.insert(entity.value)
        }
    }

    /// Whether `value` passes the slot's validation; the turn remembers a failure, so the bot
    /// says what was wrong instead of asking as if nothing had been said.
    mutating func accepts(_ slot: SlotDefinition, _ value: String) -> Bool {
        guard let validation = slot.validation, !validation.accepts(value, today: entityContext.today) else {
            return true
        }
        rejected.insert(slot.name)
        return false
    }

    /// A form's values belong to it: when the form begins again, the last one's values are
    /// cleared, so a second claim never reuses the first claim's date. Kept are the values
    /// declared to `persist` (true of the customer, such as a policy number) and those a form
    /// still open needs. They are cleared as the form begins, not as it completes, so the turn
    /// that completes it still reports every value it was filed with.
    mutating func clearSlots(of definition: IntentDefinition) {
        let stillNeeded = Set(
            session.forms.compactMap { engine.intent(named: $0.intent) }.flatMap { $0.slots.map(\.name) })
        for slot in definition.slots where !slot.persist && !stillNeeded.contains(slot.name) {
            session.slots[slot.name] = nil
        }
    }

    /// Puts the first entity of the slot's type into it; returns the value.
    @discardableResult
    mutating func fill(_ slot: SlotDefinition, from entities: [EntityMatch]) -> String? {
        let candidates = entities.filter { $0.type == slot.entity }
        guard let entity = candidates.first(where: { accepts(slot, $0.value) }) else {
            if !candidates.isEmpty { rejected.insert(slot.name) }
            return nil
        }
        session.slots[slot.name] = entity.value
        filled[slot.name] = entity.value
        return entity.value
    }

    /// A pattern's `{name}` capture fills the slot of that name when the captured words hold a
    /// value of the slot's type.
    mutating func fillFromCaptures(_ captures: [String: String], of definition: IntentDefinition) {
        for (name, text) in captures.sorted(by: { $0.key < $1.key }) {
            guard let slot = definition.slot(named: name) else { continue }
            fill(slot, from: engine.entities.entities(of: slot.entity, in: text, context: entityContext))
        }
    }
}
