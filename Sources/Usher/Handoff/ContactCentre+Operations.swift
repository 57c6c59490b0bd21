/// What customers and agents ask of the centre. Each checks its request against the centre as
/// it stands, throws with nothing changed, or applies and returns the events it made.
extension ContactCentre {
    // MARK: - Customers

    /// Puts a session in a queue; a session already waiting or held keeps its place, and no
    /// event is made.
    @discardableResult
    public mutating func enqueue(session: String, queue: String, priority: Int, reason: HandoffReason, now: Double)
        throws(HandoffError) -> (ticket: Ticket, events: [CentreEvent])
    {
        try requireQueue(queue)
        if let existing = waitingBySession[session] { return (existing, []) }
        if let holding = held[session] { return (holding.ticket, []) }
        let ticket = Ticket(
            number: nextTicket, session: session, queue: queue, priority: priority, reason: reason, queuedAt: now)
        return (ticket, applying([.queued(ticket)]))
    }

    /// The waiting customer leaves the queue before an agent took them (``QueueExit`` says how):
    /// the customers behind them move up. Refused (`not_queued`) when the session does not wait,
    /// an agent's included: a customer an agent holds ends with the agent, or with a reset.
    @discardableResult
    public mutating func abandon(session: String, exit: QueueExit, now: Double) throws(HandoffError)
        -> (ticket: Ticket, events: [CentreEvent])
    {
        guard let ticket = waitingBySession[session] else { throw .notWaiting(session) }
        return (ticket, applying([.abandoned(ticket: ticket, exit: exit, at: now)]))
    }

    /// Drops a session from every queue and agent, as when the integrating program resets it;
    /// no event when the centre did not have it.
    @discardableResult
    public mutating func forget(session: String, now: Double) -> [CentreEvent] {
        guard waitingBySession[session] != nil || held[session] != nil else { return [] }
        return applying([.forgotten(session: session, at: now)])
    }

    // MARK: - Agents

    @discardableResult
    public mutating func join(agent: String, queues: [String], capacity: Int, now: Double) throws(HandoffError)
        -> [CentreEvent]
    {
        guard !agent.isEmpty else { throw .invalid("an agent needs a non-empty id") }
        guard agents[agent] == nil else { throw .agentAlreadyJoined(agent) }
        guard !queues.isEmpty else { throw .invalid("agent \"\(agent)\" must serve at least one queue") }
        for queue in queues { try requireQueue(queue) }
        guard capacity >= 1 else { throw .invalid("an agent's capacity must be at least 1") }
        return applying([.joined(agent: agent, queues: queues, capacity: capacity, at: now)])
    }

    /// The agent leaves; the sessions they held go back to the front of their queues.
    @discardableResult
    public mutating func leave(agent: String, now: Double) throws(HandoffError)
        -> (requeued: [Ticket], events: [CentreEvent])
    {
        guard let leaving = agents[agent] else { throw .unknownAgent(agent) }
        let requeued = leaving.sessions.compactMap { session -> Ticket? in
            guard var ticket = held[session]?.ticket else { return nil }
            ticket.priority += Ticket.returnBoost  // they were already being served: first in line again
            return ticket
        }
        return (requeued, applying([.left(agent: agent, requeued: requeued, at: now)]))
    }

    /// The agent takes the next eligible session (highest priority, then longest waiting, across
    /// the queues they serve), or the given one.
    @discardableResult
    public mutating func claim(agent: String, session: String?, now: Double) throws(HandoffError)
        -> (ticket: Ticket, events: [CentreEvent])
    {
        guard let taker = agents[agent] else { throw .unknownAgent(agent) }
        guard taker.sessions.count < taker.capacity else { throw .atCapacity(agent, taker.capacity) }
        let ticket: Ticket
        if let session {
            guard let waiting = waitingBySession[session] else { throw .notWaiting(session) }
            guard taker.queues.contains(waiting.queue) else {
                throw .notServed(session, queue: waiting.queue, agent: agent)
            }
            ticket = waiting
        } else {
            // Each queue's first, then the best of those: O(log n) per queue the agent serves.
            let firsts = taker.queues.compactMap { orders[$0]?.first }
            guard let best = firsts.min(by: before) else { throw .emptyQueues(agent) }
            ticket = best
        }
        return (ticket, applying([.claimed(agent: agent, ticket: ticket, at: now)]))
    }

    /// Checks that `agent` holds `session`, without changing anything.
    public func requireHeld(agent: String, session: String) throws(HandoffError) {
        guard agents[agent] != nil else { throw .unknownAgent(agent) }
        guard held[session]?.agent == agent else { throw .notHeld(session, agent: agent) }
    }

    /// The agent writes to the customer whose session they hold: nothing changes, but the line
    /// is an event, so the log has the whole conversation.
    @discardableResult
    public mutating func say(agent: String, session: String, text: String, now: Double) throws(HandoffError)
        -> [CentreEvent]
    {
        try requireHeld(agent: agent, session: session)
        return applying([.said(agent: agent, session: session, text: text, at: now)])
    }

    /// The agent hands a session to another queue; it waits there with its priority and reason.
    /// A transfer into the queue it came from is refused: the customer would only go to the
    /// back of the line they already waited in.
    @discardableResult
    public mutating func transfer(agent: String, session: String, to queue: String, now: Double)
        throws(HandoffError) -> (ticket: Ticket, events: [CentreEvent])
    {
        try requireQueue(queue)
        let from = try heldTicket(agent: agent, session: session)
        guard from.queue != queue else { throw .sameQueue(session, queue: queue) }
        var to = from
        (to.queue, to.queuedAt, to.number) = (queue, now, nextTicket)
        return (to, applying([.transferred(agent: agent, from: from, to: to, at: now)]))
    }

    /// The agent gives the session back to the bot; records the handle time.
    @discardableResult
    public mutating func release(agent: String, session: String, now: Double) throws(HandoffError)
        -> (ticket: Ticket, events: [CentreEvent])
    {
        try finish(agent: agent, session: session, now: now) {
            .released(agent: agent, session: session, at: now, handleSeconds: $0)
        }
    }

    /// The agent ends the conversation; records the handle time.
    @discardableResult
    public mutating func close(agent: String, session: String, now: Double) throws(HandoffError)
        -> (ticket: Ticket, events: [CentreEvent])
    {
        try finish(agent: agent, session: session, now: now) {
            .closed(agent: agent, session: session, at: now, handleSeconds: $0)
        }
    }

    /// The agent is done with a held session: the event `ending` makes of its handle time.
    private mutating func finish(
        agent: String, session: String, now: Double, _ ending: (Double) -> CentreEvent
    ) throws(HandoffError) -> (ticket: Ticket, events: [CentreEvent]) {
        let ticket = try heldTicket(agent: agent, session: session)
        return (ticket, applying([ending(handleSeconds(agent: agent, session: session, now: now))]))
    }

    // MARK: - Checks

    /// The ticket `agent` holds `session` with.
    private func heldTicket(agent: String, session: String) throws(HandoffError) -> Ticket {
        guard agents[agent] != nil else { throw .unknownAgent(agent) }
        guard let holding = held[session], holding.agent == agent else { throw .notHeld(session, agent: agent) }
        return holding.ticket
    }

    /// How long `agent` has held `session` at `now`.
    private func handleSeconds(agent: String, session: String, now: Double) -> Double {
        max(0, now - (agents[agent]?.since[session] ?? now))
    }

    func requireQueue(_ queue: String) throws(HandoffError) {
        guard queueNames.contains(queue) else { throw .unknownQueue(queue, known: queueNames) }
    }

    /// Applies `events` and returns them.
    private mutating func applying(_ events: [CentreEvent]) -> [CentreEvent] {
        for event in events { apply(event) }
        return events
    }
}
