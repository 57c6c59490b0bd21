import Foundation

/// Agent requests: each is carried out whole or refused with nothing changed.
extension HandoffDesk {
    static let joinedAgentLine = "You are now talking to %@."
    static let releasedLine = "You are back with the virtual assistant. How else can I help?"
    static let closedLine = "This conversation is closed. Thank you for contacting us."

    /// Carries out an agent request; `store(session)` gives the store that holds a session.
    /// The centre's events are not kept yet: the centre lives in this process only.
    mutating func handle(_ request: AgentRequest, now: Double, store: (String) -> SessionStore)
        throws(HandoffError) -> AgentOutcome
    {
        switch request {
        case .join(let agent, let queues, let capacity):
            try centre.join(agent: agent, queues: queues, capacity: capacity, now: now)
            return .joined(agent: agent, capacity: capacity)
        case .leave(let agent):
            return .left(agent: agent, requeued: try centre.leave(agent: agent, now: now).requeued.map(\.session))
        case .claim(let agent, let session):
            let ticket = try centre.claim(agent: agent, session: session, now: now).ticket
            let greeting = Self.joinedAgentLine.replacingOccurrences(of: "%@", with: agent)
            return .claimed(
                agent: agent, ticket: ticket, summary: summary(of: ticket, now: now, store: store(ticket.session)),
                events: [.toCustomer(session: ticket.session, text: greeting)])
        case .say(let agent, let session, let text):
            try centre.say(agent: agent, session: session, text: text, now: now)
            record(
                Turn(text: "", intent: nil, confidence: 0, replies: [text], at: now, agent: agent), in: session,
                store: store(session))
            return .said(agent: agent, session: session, events: [.toCustomer(session: session, text: text)])
        case .transfer(let agent, let session, let queue):
            let ticket = try centre.transfer(agent: agent, session: session, to: queue, now: now).ticket
            let position = centre.position(of: session, now: now) ?? 1
            let wait = centre.estimatedWait(queue: queue, position: position)
            let line = "You are being transferred to \(queue). " + Self.announcement(position: position, wait: wait)
            return .transferred(
                agent: agent, session: session,
                to: QueueInfo(ticket: ticket, position: position, estimatedWaitSeconds: wait),
                events: [.toCustomer(session: session, text: line)])
        case .release(let agent, let session):
            try centre.release(agent: agent, session: session, now: now)
            let holder = store(session)
            if var state = try? holder.take(session) {
                state.handoff = nil
                state.consecutiveFallbacks = 0
                try? holder.save(state)
            }
            return .released(
                agent: agent, session: session, events: [.toCustomer(session: session, text: Self.releasedLine)])
        case .close(let agent, let session):
            try centre.close(agent: agent, session: session, now: now)
            try? store(session).remove(session)
            return .closed(
                agent: agent, session: session, events: [.toCustomer(session: session, text: Self.closedLine)])
        case .queueList:
            return .queues(QueueView.all(in: centre, now: now))
        }
    }

    /// What the agent taking `ticket` is told about the conversation so far.
    private func summary(of ticket: Ticket, now: Double, store: SessionStore) -> HandoffSummary {
        let state =
            (try? store.session(ticket.session))
            ?? SessionState(id: ticket.session, language: engine.bot.language, now: now)
        let entities = engine.entities.entities(
            in: state.history.map(\.text).joined(separator: "\n"),
            context: EntityContext(today: CalendarDate.fromEpoch(seconds: now), language: engine.bot.language))
        return HandoffSummary(
            state: state, ticket: ticket, bot: engine.bot, analyzer: engine.sentiment, entities: entities)
    }

    private func record(_ turn: Turn, in session: String, store: SessionStore) {
        guard var state = try? store.take(session) else { return }
        state.history.append(turn)
        if state.history.count > engine.bot.settings.historyTurns { state.history.removeFirst() }
        try? store.save(state)
    }
}
