/// The working state of one turn: decides what happens and collects the replies.
struct TurnBuilder {
    let engine: DialogEngine
    var session: SessionState
    let message: CustomerMessage
    /// The action result this turn answers, instead of a customer message.
    let result: ActionResult?
    let now: Double
    /// A person has the conversation: the bot stays silent.
    let attended: Bool
    var replies: [String] = []
    var intent: String?
    var confidence = 0.0
    var match: MatchResult?
    /// The matcher's reading when it was only looked at (``probe()``).
    var probed: MatchResult?
    var failedForm: String?
    var handoff: HandoffRequest?
    /// The customer's sentiment in this message, when the bot watches it.
    var sentiment: Double?
    var filled: [String: String] = [:]
    /// Contexts set by this turn keep their full lifespan; all others age by one turn.
    var contextsSet: Set<String> = []
    /// Intents the matcher had to leave out for want of a context.
    var leftOut: [LeftOutIntent] = []
    /// Forms whose every required slot was filled this turn (their intent answered).
    var completedForms: [String] = []
    /// Slots whose value this turn failed their validation: asking for them says why.
    var rejected: Set<String> = []
    /// The forms open when the turn began, to tell what it did to them.
    let formsBefore: [FormProgress]
    /// The action this turn called, if it called one.
    var called: PendingAction?
    /// The call whose result this turn answered, and the outcome the customer was told: a
    /// result's, or `failed` when the bot gave up waiting.
    var answered: PendingAction?
    /// Where this turn's replies that keep the customer with the bot begin ("could you
    /// rephrase?", "one moment, please"): a handoff in the same turn replaces them, or the
    /// customer would be asked to rephrase and passed to a person in one breath.
    var provisionalReplies: Int?
    var outcome: String?
    /// The message's entities, found on first use: a turn for an intent without slots never looks.
    var foundEntities: (types: Set<String>, dateAsked: Bool, matches: [EntityMatch])?
    /// The message's words as the normaliser leaves them, joined by spaces, made on first use:
    /// the phrase checks of one turn (handoff keywords, yes or no, "I don't know") share them.
    private var wordsOfMessage: String?

    mutating func messageWords() -> String {
        if let wordsOfMessage { return wordsOfMessage }
        let words = TextNormalizer.normalize(message.text).words.joined(separator: " ")
        wordsOfMessage = words
        return words
    }

    init(
        engine: DialogEngine, session: SessionState, message: CustomerMessage, result: ActionResult? = nil,
        now: Double, attended: Bool
    ) {
        self.engine = engine
        self.session = session
        // The session is in the language of the engine that serves it (see DialogEngine.respond).
        if self.session.language != engine.bot.language { self.session.language = engine.bot.language }
        self.message = message
        self.result = result
        self.now = now
        self.attended = attended
        formsBefore = session.forms
    }

    var entityContext: EntityContext {
        EntityContext(today: CalendarDate.fromEpoch(seconds: now), language: engine.bot.language)
    }

    /// The message's entities of the types `definition`'s slots take, found on first use: a turn
    /// for an intent without slots never looks for any.
    mutating func found(for definition: IntentDefinition) -> [EntityMatch] {
        let types = Set(definition.slots.map(\.entity))
        let dateAsked = asksForDate(definition)
        if let foundEntities, foundEntities.types == types, foundEntities.dateAsked == dateAsked {
            return foundEntities.matches
        }
        var context = entityContext
        // A date that cannot be in the future ("validate": {"max": "today"}) is when something
        // happened: "on Sunday" is the last Sunday, not the coming one.
        context.pastDates = definition.slots.contains { $0.entity == "date" && $0.validation?.max == .today }
        context.dateAsked = dateAsked
        let matches = engine.entities.entities(ofTypes: types, in: message.text, context: context)
        foundEntities = (types, dateAsked, matches)
        return matches
    }

    /// Whether the open form of `definition` has just asked for a date: then "5-го" or "the
    /// fifth" alone answers it (``EntityContext/dateAsked``).
    private func asksForDate(_ definition: IntentDefinition) -> Bool {
        guard let form = session.forms.last, form.intent == definition.name, !form.isConfirming else { return false }
        return definition.slot(named: form.pendingSlot)?.entity == "date"
    }

    var bot: BotDefinition { engine.bot }

    mutating func run() {
        // With a person: the bot stays silent and only records the message.
        if attended { return }
        if let result { return deliver(result) }
        let keyword = handoffKeyword()
        defer { decideHandoff(keyword: keyword) }
        if keyword != nil { return }
        if let pending = session.pendingAction {
            guard pending.hasTimedOut(now: now) else { return awaitAction(pending) }
            // The bot has given up: the customer hears that the call failed, then is answered.
            answer(pending, outcome: ActionDefinition.failed, values: [:])
            answered = pending
            outcome = ActionDefinition.failed
        }
        if let form = session.forms.last { return continueForm(form) }
        let result = matched()
        if let name = result.intent {
            serve(name, result)
        } else {
            fallback(result)
        }
    }

    /// The matcher's reading of the message, computed once, when first needed: a turn that only
    /// answers a form's question never makes it the turn's match (the explanation and the log
    /// say the form took the message), though it may have looked (``probed``).
    mutating func matched() -> MatchResult {
        if let match { return match }
        let result = probed ?? reading()
        match = result
        return result
    }

    /// The matcher's reading, without making it what decided the turn: a form's answer is read
    /// for a request for a person, and is still the form's when it holds none.
    mutating func probe() -> MatchResult {
        if let result = match ?? probed { return result }
        let result = reading()
        probed = result
        return result
    }

    private mutating func reading() -> MatchResult {
        let gated =
            engine.contextGated.isEmpty ? [:] : engine.ineligibleIntents(activeContexts: Set(session.contexts.keys))
        leftOut = gated.sorted { $0.key < $1.key }.map {
            LeftOutIntent(intent: bot.intents[$0.key].name, needs: $0.value)
        }
        return engine.matcher.match(message.text, excluding: Set(gated.keys), explain: engine.explains)
    }

    mutating func finish() -> TurnResult {
        if result == nil { ageContexts() }
        let turn = Turn(
            text: message.text, intent: intent, confidence: confidence, replies: replies, at: now,
            sentiment: sentiment, action: result == nil ? nil : answered?.name)
        session.record(turn, keeping: bot.settings.historyTurns)
        // A result is not a customer's turn: the count (and with it the next call's id) moves
        // with the customer's messages only.
        if result == nil { session.turns += 1 }
        session.updatedAt = now
        return TurnResult(
            state: session, intent: intent, confidence: confidence, replies: replies, match: match,
            failedForm: failedForm, filled: filled, handoff: handoff, formEvents: formEvents(before: formsBefore),
            leftOut: leftOut, called: called, answered: answered, outcome: outcome, result: result)
    }

    // MARK: - Intents

    /// Answers `name`: fills its slots from the message, then asks for what is missing or replies.
    mutating func serve(_ name: String, _ result: MatchResult) {
        guard let definition = engine.intent(named: name) else { return fallback(result) }
        intent = name
        confidence = result.confidence
        session.consecutiveFallbacks = 0
        if definition.slots.contains(where: \.required) { clearSlots(of: definition) }
        if case .pattern(_, _, let captures) = result.evidence { fillFromCaptures(captures, of: definition) }
        fillSlots(of: definition)
        if let missing = firstMissingSlot(of: definition) {
            session.forms.append(FormProgress(intent: name, pendingSlot: missing.name))
            ask(missing, again: false)
        } else if definition.confirmation != nil {
            session.forms.append(FormProgress(intent: name, pendingSlot: FormProgress.confirmation))
            readBack(definition)
        } else {
            complete(definition)
        }
    }

    /// The intent is satisfied: its reply, its contexts, and any form it interrupted resumes.
    mutating func complete(_ definition: IntentDefinition) {
        if definition.slots.contains(where: \.required) { completedForms.append(definition.name) }
        for name in definition.contexts.clear { session.contexts[name] = nil }
        for context in definition.contexts.set {
            session.contexts[context.name] = context.turns
            contextsSet.insert(context.name)
        }
        // With an action, the replies wait for its result.
        if let action = definition.action { return call(action, for: definition) }
        say(rotating: definition.responses, key: definition.name)
    }

    mutating func fallback(_ result: MatchResult) {
        intent = nil
        confidence = result.confidence
        session.consecutiveFallbacks += 1
        provisionalReplies = provisionalReplies ?? replies.count
        say(rotating: bot.fallback.responses, key: "fallback")
    }

    // MARK: - Replies

    /// One of `templates`, in turn per session (so tests are stable), preferring those whose
    /// slots are all filled: a reply never shows a gap where a value should be if another fits.
    mutating func say(rotating templates: [Template], key: String, values: [String: String]? = nil) {
        let values = values ?? session.slots
        let complete = templates.filter { $0.slotNames.allSatisfy { values[$0] != nil } }
        let choices = complete.isEmpty ? templates : complete
        guard !choices.isEmpty else { return }
        let turn = session.rotation[key, default: 0]
        session.rotation[key] = turn + 1
        replies.append(render(choices[turn % choices.count], values))
    }

    /// The prompt, or on a second try the reprompt; after a value failed the slot's validation,
    /// its message.
    mutating func ask(_ slot: SlotDefinition, again: Bool) {
        let failed = rejected.contains(slot.name) ? slot.validation?.message : nil
        let template =
            failed ?? (again ? slot.reprompt : nil) ?? slot.prompt
            ?? Template(segments: [.text("What is the \(slot.name)?")])
        replies.append(render(template, session.slots))
    }

    /// `template` filled from `values`, each date or amount of money as the bot's language
    /// writes it and each value of a `values` entity by its name in that language ("Kreditkarte",
    /// not `credit_card`); the slots themselves keep canonical values.
    func render(_ template: Template, _ values: [String: String]) -> String {
        var shown = values
        for name in template.slotNames {
            if let value = values[name], let type = engine.slotTypes[name] {
                shown[name] =
                    engine.valueNames.name(of: value, type: type) ?? engine.formats.display(value, type: type)
            }
        }
        return template.render(shown)
    }

    // MARK: - Contexts

    mutating func ageContexts() {
        for (name, turns) in session.contexts where !contextsSet.contains(name) {
            session.contexts[name] = turns > 1 ? turns - 1 : nil
        }
    }
}
