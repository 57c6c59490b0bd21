/// Agent requests: each is carried out whole or refused with nothing changed.
extension Batch {

    /// Carries out an agent request against the centre and the sessions it touches.
    /// A refusal throws ``HandoffError`` with nothing changed; a store that fails throws its
    /// error and the whole batch is kept from the store.
    mutating func perform(_ request: AgentRequest) throws -> AgentOutcome {
        try takeCentre()
        switch request {
        case .join(let agent, let queues, let capacity):
            events += try centre.join(agent: agent, queues: queues, capacity: capacity, now: now)
            return .joined(agent: agent, capacity: capacity)
        case .leave(let agent):
            let (requeued, left) = try centre.leave(agent: agent, now: now)
            events += left
            return .left(agent: agent, requeued: requeued.map(\.session))
        case .claim(let agent, let session):
            let (ticket, claimed) = try centre.claim(agent: agent, session: session, now: now)
            events += claimed
            let summary = try summary(of: ticket)
            let greeting = try engine(serving: ticket.session).messages.agentJoined(
                ContactCentre.displayName(of: agent))
            return .claimed(
                agent: agent, ticket: ticket, summary: summary,
                events: [.toCustomer(session: ticket.session, text: greeting)])
        case .say(let agent, let session, let text):
            events += try centre.say(agent: agent, session: session, text: masker?.mask(text) ?? text, now: now)
            try load([session])
            let (turn, limit) = (Turn(agentLine: text, by: agent, at: now), engine.bot.settings.historyTurns)
            work.update(session) { $0.record(turn, keeping: limit) }
            return .said(agent: agent, session: session, events: [.toCustomer(session: session, text: text)])
        case .transfer(let agent, let session, let queue):
            let (ticket, transferred) = try centre.transfer(agent: agent, session: session, to: queue, now: now)
            events += transferred
            let position = centre.position(of: session, now: now) ?? 1
            let wait = centre.estimatedWait(queue: queue, position: position)
            let serving = try engine(serving: session)
            let messages = serving.messages
            let line =
                messages.transferred(serving.bot.settings.handoff.displayName(of: queue))
                + Self.announcement(position: position, wait: wait, in: messages)
            // The next agent's transcript shows what the customer was told, and by whom.
            try load([session])
            let (turn, limit) = (Turn(agentLine: line, by: agent, at: now), serving.bot.settings.historyTurns)
            work.update(session) { $0.record(turn, keeping: limit) }
            return .transferred(
                agent: agent, session: session,
                to: QueueInfo(ticket: ticket, position: position, estimatedWaitSeconds: wait),
                events: [.toCustomer(session: session, text: line)])
        case .release(let agent, let session):
            events += try centre.release(agent: agent, session: session, now: now).events
            try load([session])
            work.update(session) { $0.consecutiveFallbacks = 0 }
            let line = try engine(serving: session).messages.released
            return .released(agent: agent, session: session, events: [.toCustomer(session: session, text: line)])
        case .close(let agent, let session):
            events += try centre.close(agent: agent, session: session, now: now).events
            let line = try engine(serving: session).messages.closed
            work.end(session, reason: .closed(agent: agent))
            return .closed(agent: agent, session: session, events: [.toCustomer(session: session, text: line)])
        case .queueList:
            return .queues(QueueView.all(in: centre, now: now))
        case .leaveQueue(let session):
            let (ticket, left) = try centre.abandon(session: session, exit: .request, now: now)
            events += left
            let line = try engine(serving: session).messages.leftQueueGoodbye
            return .leftQueue(
                session: session, ticket: ticket, waitedSeconds: max(0, now - ticket.queuedAt),
                events: [.toCustomer(session: session, text: line)])
        }
    }

    /// The engine that serves `session`'s language (loaded if it is not yet): its words are
    /// what the customer reads, and its entities, sentiment and key phrases read what they wrote.
    private mutating func engine(serving session: String) throws -> DialogEngine {
        try load([session])
        return engine.serving(work.current(session, attended: true)?.language ?? engine.bot.language)
    }

    /// What the agent taking `ticket` is told about the conversation so far. A session the store
    /// cannot read gives a summary without a transcript, whose first next step says so.
    private mutating func summary(of ticket: Ticket) throws -> HandoffSummary {
        let served = try engine(serving: ticket.session)
        let state =
            work.current(ticket.session, attended: true)
            ?? SessionState(id: ticket.session, language: served.bot.language, now: now)
        let entities = served.entities.entities(
            in: state.history.map(\.text).joined(separator: "\n"),
            context: EntityContext(today: CalendarDate.fromEpoch(seconds: now), language: served.bot.language))
        var summary = HandoffSummary(
            state: state, ticket: ticket, bot: served.bot, analyzer: served.sentiment, entities: entities,
            transfer: centre.transfers[ticket.session])
        if work.unreadable[ticket.session] != nil {
            summary.nextSteps.insert(served.messages.agentNotes.historyUnreadable, at: 0)
        }
        return summary
    }
}
