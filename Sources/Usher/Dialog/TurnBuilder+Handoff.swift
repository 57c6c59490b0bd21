/// Deciding to hand off: a matched handoff intent, a keyword, a form that failed, fallbacks in a
/// row, or a customer getting angrier.
extension TurnBuilder {
    /// What an English bot says when it hands off for any reason but a handoff intent (which
    /// has its own replies); others say their language's ``BuiltInMessages/handoff``.
    static let handoffReply = Language.english.messages.handoff

    /// A handoff keyword in the message, as written in `settings.handoff.keywords`.
    mutating func handoffKeyword() -> String? {
        guard !engine.handoffPhrases.isEmpty else { return nil }
        return engine.handoffKeyword(inWords: messageWords())
    }

    /// The mean sentiment of the customer's last `sentimentTurns` messages, this one included;
    /// `nil` until there are that many.
    func recentSentiment() -> Double? {
        let wanted = bot.settings.handoff.sentimentTurns
        guard let current = sentiment else { return nil }
        let earlier = session.history.compactMap(\.sentiment).suffix(wanted - 1)
        guard earlier.count == wanted - 1 else { return nil }
        return (earlier.reduce(0, +) + current) / Double(wanted)
    }

    /// After the turn's replies: whether this turn hands off, and why.
    mutating func decideHandoff(keyword: String?) {
        let settings = bot.settings.handoff
        if settings.sentimentBelow != nil { sentiment = engine.sentiment.analyze(message.text).score }
        // A handoff from inside a form goes to the queue that form's people work in, when its
        // intent names one ("handoff_queue"), not to the general queue.
        let formQueue = (failedForm ?? session.forms.last?.intent).flatMap { engine.intent(named: $0)?.handoffQueue }
        let queue = formQueue ?? settings.defaultQueue
        var request: HandoffRequest?
        if let keyword {
            request = HandoffRequest(queue: queue, priority: 1, reason: .keyword(keyword))
        } else if let name = intent, let handoff = engine.intent(named: name)?.handoff {
            request = HandoffRequest(queue: handoff.queue, priority: handoff.priority, reason: .intent(name))
        } else if let form = failedForm, settings.afterFormFailed {
            request = HandoffRequest(
                queue: queue, priority: 1, reason: .formFailed(form: form, answers: bot.settings.maxReprompts + 1))
        } else if settings.afterFallbacks > 0 && session.consecutiveFallbacks >= settings.afterFallbacks {
            request = HandoffRequest(queue: queue, priority: 0, reason: .fallbacks(session.consecutiveFallbacks))
        } else if let mean = recentSentiment(), let limit = settings.sentimentBelow, mean < limit {
            request = HandoffRequest(
                queue: queue, priority: 1, reason: .sentiment(mean: mean, turns: settings.sentimentTurns))
        }
        guard var request else { return }
        if session.metadata["tier"]?.lowercased() == "vip" { request.priority += 1 }
        if (sentiment ?? 0) <= -0.25 { request.priority += 1 }
        let handingIntent = engine.intent(named: intent ?? "").flatMap { $0.handoff == nil ? nil : $0 }
        let byIntent = handingIntent != nil
        // A handoff intent says its own responses; one without any says the built-in words.
        if !byIntent || handingIntent?.responses.isEmpty == true {
            if let start = provisionalReplies { replies.removeSubrange(start...) }
            replies.append(engine.messages.handoff)
        }
        // An intent that hands off ends the forms: the customer asked for a person. Any other
        // handoff keeps them, so after an agent releases the customer the form goes on where it was.
        if byIntent { session.forms.removeAll() }
        // A person takes over: an action still running is abandoned (its result, should it
        // come, is refused as an unknown call), and the agent sees it in the summary.
        session.pendingAction = nil
        handoff = request
    }
}
