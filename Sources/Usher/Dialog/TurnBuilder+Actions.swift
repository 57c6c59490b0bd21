/// Actions: calling the business's systems when an intent completes, waiting for the result,
/// and answering from it.
extension TurnBuilder {
    /// Makes the call `definition` names instead of answering: the replies wait for the result.
    mutating func call(_ action: ActionDefinition, for definition: IntentDefinition) {
        var slots: [String: String] = [:]
        for slot in definition.slots { slots[slot.name] = session.slots[slot.name] }
        let pending = PendingAction(
            call: "\(session.id)/\(Int(session.createdAt))/\(session.turns + 1)", name: action.name,
            intent: definition.name, slots: slots, at: now, timeout: action.timeout ?? bot.settings.actionTimeout)
        session.pendingAction = pending
        called = pending
        if let waiting = action.waiting { replies.append(render(waiting, session.slots)) }
    }

    /// A customer's message while the bot waits for a result: a cancel stops the call, a clear
    /// request for a person hands off (the call is abandoned), and anything else is told to
    /// wait; the bot cannot answer it without the result, and guessing would say something the
    /// business's systems may contradict a moment later.
    mutating func awaitAction(_ pending: PendingAction) {
        if isCancel() {
            session.pendingAction = nil
            return answerCancel()
        }
        if let person = requestForPerson() { return serve(person.intent, person.result) }
        intent = pending.intent
        confidence = 1
        provisionalReplies = provisionalReplies ?? replies.count
        replies.append(engine.messages.busy)
    }

    /// The result is in: the reply of its outcome, then the form the call interrupted, if any.
    mutating func deliver(_ result: ActionResult) {
        guard let pending = session.pendingAction else { return }
        intent = pending.intent
        confidence = 1
        outcome = result.outcome
        answered = pending
        answer(pending, outcome: result.outcome, values: result.values)
        resumeWaitingForm()
    }

    /// Says the reply of `outcome` and forgets the call. The values shown are those the call was
    /// made with and the result's, as `{result.NAME}`.
    mutating func answer(_ pending: PendingAction, outcome: String, values: [String: String]) {
        session.pendingAction = nil
        let definition = engine.intent(named: pending.intent)
        let own = definition?.action?.responses[outcome]
        let templates =
            own ?? (outcome == ActionDefinition.failed ? [ActionDefinition.defaultFailed] : definition?.responses ?? [])
        var shown = session.slots
        for (name, value) in pending.slots { shown[name] = value }
        for (name, value) in values { shown[ActionDefinition.resultPrefix + name] = value }
        say(rotating: templates, key: pending.intent + "#" + outcome, values: shown)
    }
}
