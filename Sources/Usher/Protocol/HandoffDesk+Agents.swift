import Foundation

/// Agent requests: each is carried out whole or refused with nothing changed.
extension HandoffDesk {
    static let joinedAgentLine = "You are now talking to %@."
    static let releasedLine = "You are back with the virtual assistant. How else can I help?"
    static let closedLine = "This conversation is closed. Thank you for contacting us."

    /// The response line for an agent request; `store(session)` gives the store that holds a session.
    mutating func handle(_ request: AgentRequest, id: JSONValue?, now: Double, store: (String) -> SessionStore)
        -> String
    {
        do throws(HandoffError) {
            return try carryOut(request, id: id, now: now, store: store)
        } catch {
            return ProtocolCodec.encode(ProtocolError(code: error.code, message: error.message, id: id))
        }
    }

    private mutating func carryOut(
        _ request: AgentRequest, id: JSONValue?, now: Double, store: (String) -> SessionStore
    )
        throws(HandoffError) -> String
    {
        switch request {
        case .join(let agent, let queues, let capacity):
            try centre.join(agent: agent, queues: queues, capacity: capacity)
            return ProtocolCodec.encodeAgent(
                id: id, agent: agent, fields: ["\"joined\": true", "\"capacity\": \(capacity)"])
        case .leave(let agent):
            let returned = try centre.leave(agent: agent)
            let sessions = returned.map { JSONWriter.string($0.session) }.joined(separator: ", ")
            return ProtocolCodec.encodeAgent(
                id: id, agent: agent, fields: ["\"left\": true", "\"requeued\": [\(sessions)]"])
        case .claim(let agent, let session):
            let ticket = try centre.claim(agent: agent, session: session, now: now)
            let holder = store(ticket.session)
            let state =
                (try? holder.session(ticket.session))
                ?? SessionState(id: ticket.session, language: engine.bot.language, now: now)
            let entities = engine.entities.entities(
                in: state.history.map(\.text).joined(separator: "\n"),
                context: EntityContext(today: CalendarDate.fromEpoch(seconds: now), language: engine.bot.language))
            let summary = HandoffSummary(
                state: state, ticket: ticket, bot: engine.bot, analyzer: engine.sentiment, entities: entities)
            let greeting = Self.joinedAgentLine.replacingOccurrences(of: "%@", with: agent)
            return ProtocolCodec.encodeAgent(
                id: id, agent: agent,
                fields: [
                    "\"session\": \(JSONWriter.string(ticket.session))", "\"ticket\": \(ticket.number)",
                    "\"queue\": \(JSONWriter.string(ticket.queue))", "\"summary\": " + ProtocolCodec.encode(summary),
                    "\"events\": [" + HandoffEvent.toCustomer(session: ticket.session, text: greeting).json + "]",
                ])
        case .say(let agent, let session, let text):
            try centre.requireHeld(agent: agent, session: session)
            record(
                Turn(text: "", intent: nil, confidence: 0, replies: [text], at: now, agent: agent), in: session,
                store: store(session))
            return ProtocolCodec.encodeAgent(
                id: id, agent: agent,
                fields: [
                    "\"session\": \(JSONWriter.string(session))",
                    "\"events\": [" + HandoffEvent.toCustomer(session: session, text: text).json + "]",
                ])
        case .transfer(let agent, let session, let queue):
            let ticket = try centre.transfer(agent: agent, session: session, to: queue, now: now)
            let position = centre.position(of: session, now: now) ?? 1
            let wait = centre.estimatedWait(queue: queue, position: position)
            let line = "You are being transferred to \(queue). " + Self.announcement(position: position, wait: wait)
            return ProtocolCodec.encodeAgent(
                id: id, agent: agent,
                fields: [
                    "\"session\": \(JSONWriter.string(session))", "\"queue\": \(JSONWriter.string(queue))",
                    "\"ticket\": \(ticket.number)",
                    "\"position\": \(position)", "\"estimated_wait_seconds\": \(JSONWriter.number(wait))",
                    "\"events\": [" + HandoffEvent.toCustomer(session: session, text: line).json + "]",
                ])
        case .release(let agent, let session):
            try centre.finish(agent: agent, session: session, now: now)
            let holder = store(session)
            if var state = try? holder.take(session) {
                state.handoff = nil
                state.consecutiveFallbacks = 0
                try? holder.save(state)
            }
            return ProtocolCodec.encodeAgent(
                id: id, agent: agent,
                fields: [
                    "\"session\": \(JSONWriter.string(session))", "\"released\": true",
                    "\"events\": [" + HandoffEvent.toCustomer(session: session, text: Self.releasedLine).json + "]",
                ])
        case .close(let agent, let session):
            try centre.finish(agent: agent, session: session, now: now)
            try? store(session).remove(session)
            return ProtocolCodec.encodeAgent(
                id: id, agent: agent,
                fields: [
                    "\"session\": \(JSONWriter.string(session))", "\"closed\": true",
                    "\"events\": [" + HandoffEvent.toCustomer(session: session, text: Self.closedLine).json + "]",
                ])
        case .queueList:
            return ProtocolCodec.encodeQueues(centre, id: id, now: now)
        }
    }

    private func record(_ turn: Turn, in session: String, store: SessionStore) {
        guard var state = try? store.take(session) else { return }
        state.history.append(turn)
        if state.history.count > engine.bot.settings.historyTurns { state.history.removeFirst() }
        try? store.save(state)
    }
}
