/// The human side of Usher: named queues of waiting customers and the agents who serve them.
///
/// A pure value: every operation either changes the centre and returns what happened, or throws
/// a ``HandoffError`` and changes nothing. Time is passed in, never read, so a test can replay
/// any interleaving of customers and agents exactly.
///
/// ```swift
/// var centre = ContactCentre(queues: ["general", "claims"])
/// let ticket = try centre.enqueue(session: "c-1", queue: "claims", priority: 2, reason: .intent("file_claim"), now: 0)
/// try centre.join(agent: "alice", queues: ["claims"], capacity: 3)
/// let claimed = try centre.claim(agent: "alice", session: nil, now: 30)
/// ```
public struct ContactCentre: Sendable, Equatable {
    /// Handle times assumed for a queue that has none recorded yet.
    public static let defaultHandleSeconds = 180.0
    /// How many recent handle times per queue the wait estimate averages.
    public static let handleTimeWindow = 20

    public private(set) var queueNames: [String]
    /// Seconds of waiting that raise a ticket's priority by one.
    public var agingSeconds: Double
    public private(set) var waiting: [Ticket] = []
    public private(set) var agents: [String: Agent] = [:]
    /// Who holds each session an agent has, and the ticket it came with.
    public private(set) var held: [String: Holding] = [:]
    private var handleTimes: [String: [Double]] = [:]
    private var nextTicket = 1
    /// Waiting tickets by session, for answering "where am I?" without a scan.
    private var waitingBySession: [String: Ticket] = [:]
    /// Each queue's order at one moment, kept while nothing but new arrivals changes it: a batch
    /// of messages shares one moment, so positions cost a binary search, not a sort.
    private var orderCache: [String: CachedOrder] = [:]

    private struct CachedOrder: Sendable {
        var now: Double
        var tickets: [Ticket]
    }

    public static func == (lhs: ContactCentre, rhs: ContactCentre) -> Bool {
        lhs.queueNames == rhs.queueNames && lhs.agingSeconds == rhs.agingSeconds && lhs.waiting == rhs.waiting
            && lhs.agents == rhs.agents && lhs.held == rhs.held && lhs.handleTimes == rhs.handleTimes
            && lhs.nextTicket == rhs.nextTicket
    }

    public init(queues: [String] = ["general"], agingSeconds: Double = 120) {
        queueNames = queues.isEmpty ? ["general"] : queues
        self.agingSeconds = agingSeconds
    }

    /// Adds the queues not yet known, after the others: a reloaded bot may name new ones, and
    /// customers already waiting in a queue it dropped must still be reachable.
    public mutating func addQueues(_ queues: [String]) {
        for queue in queues where !queueNames.contains(queue) { queueNames.append(queue) }
    }

    // MARK: - Customers

    /// Puts a session in a queue; a session already waiting or held keeps its place.
    public mutating func enqueue(session: String, queue: String, priority: Int, reason: HandoffReason, now: Double)
        throws(HandoffError)
        -> Ticket
    {
        try requireQueue(queue)
        if let existing = waitingBySession[session] { return existing }
        if let holding = held[session] { return holding.ticket }
        let ticket = Ticket(
            number: nextTicket, session: session, queue: queue, priority: priority, reason: reason, queuedAt: now)
        nextTicket += 1
        addWaiting(ticket, now: now)
        return ticket
    }

    /// The tickets of `queue` in the order agents will get them at `now`.
    public func order(of queue: String, now: Double) -> [Ticket] {
        // Each ticket's effective priority computed once, not at every comparison.
        waiting.filter { $0.queue == queue }
            .map { (priority: $0.effectivePriority(now: now, agingSeconds: agingSeconds), ticket: $0) }
            .sorted { $0.priority != $1.priority ? $0.priority > $1.priority : $0.ticket.number < $1.ticket.number }
            .map(\.ticket)
    }

    /// The session's place in its queue, from 1, or `nil` when it is not waiting.
    public mutating func position(of session: String, now: Double) -> Int? {
        guard let ticket = waitingBySession[session] else { return nil }
        let tickets = cachedOrder(of: ticket.queue, now: now)
        return tickets.partitioningIndex { !before($0, ticket, now: now) } + 1
    }

    private mutating func cachedOrder(of queue: String, now: Double) -> [Ticket] {
        if let cached = orderCache[queue], cached.now == now { return cached.tickets }
        let tickets = order(of: queue, now: now)
        orderCache[queue] = CachedOrder(now: now, tickets: tickets)
        return tickets
    }

    private mutating func addWaiting(_ ticket: Ticket, now: Double) {
        waiting.append(ticket)
        waitingBySession[ticket.session] = ticket
        // Taken out of the dictionary so the insertion changes the only copy.
        guard var cached = orderCache.removeValue(forKey: ticket.queue), cached.now == now else { return }
        let index = cached.tickets.partitioningIndex { !before($0, ticket, now: now) }
        cached.tickets.insert(ticket, at: index)
        orderCache[ticket.queue] = cached
    }

    private mutating func removeWaiting(at index: Int) -> Ticket {
        let ticket = waiting.remove(at: index)
        waitingBySession[ticket.session] = nil
        orderCache[ticket.queue] = nil
        return ticket
    }

    /// Seconds until a session at `position` of `queue` is likely taken: nothing while agents
    /// who serve the queue have room; otherwise the queue's recent mean handle time for each
    /// customer beyond that room, shared among all the conversations those agents can hold.
    public func estimatedWait(queue: String, position: Int) -> Double {
        let recent = handleTimes[queue] ?? []
        let handle = recent.isEmpty ? Self.defaultHandleSeconds : recent.reduce(0, +) / Double(recent.count)
        let serving = agents.values.filter { $0.queues.contains(queue) }
        let room = serving.reduce(0) { $0 + max(0, $1.capacity - $1.sessions.count) }
        guard position > room else { return 0 }
        let seats = max(1, serving.reduce(0) { $0 + $1.capacity })
        return (handle * Double(position - room) / Double(seats)).rounded()
    }

    /// Where a session is: waiting, with an agent, or with the bot (`nil`).
    public func status(of session: String) -> SessionHandoffStatus? {
        if let ticket = waitingBySession[session] { return .queued(ticket) }
        if let holding = held[session] { return .agent(holding.agent, holding.ticket) }
        return nil
    }

    // MARK: - Agents

    public mutating func join(agent: String, queues: [String], capacity: Int) throws(HandoffError) {
        guard !agent.isEmpty else { throw .invalid("an agent needs a non-empty id") }
        guard agents[agent] == nil else { throw .agentAlreadyJoined(agent) }
        guard !queues.isEmpty else { throw .invalid("agent \"\(agent)\" must serve at least one queue") }
        for queue in queues { try requireQueue(queue) }
        guard capacity >= 1 else { throw .invalid("an agent's capacity must be at least 1") }
        agents[agent] = Agent(id: agent, queues: queues, capacity: capacity)
    }

    /// The agent leaves; the sessions they held go back to the front of their queues.
    public mutating func leave(agent: String) throws(HandoffError) -> [Ticket] {
        guard let leaving = agents[agent] else { throw .unknownAgent(agent) }
        var returned: [Ticket] = []
        for session in leaving.sessions {
            guard var ticket = held.removeValue(forKey: session)?.ticket else { continue }
            ticket.priority += 1_000  // they were already being served: first in line again
            addWaiting(ticket, now: ticket.queuedAt)
            returned.append(ticket)
        }
        agents[agent] = nil
        return returned
    }

    /// The agent takes the next eligible session (highest priority, then longest waiting, across
    /// the queues they serve), or the given one.
    public mutating func claim(agent: String, session: String?, now: Double) throws(HandoffError) -> Ticket {
        guard var taker = agents[agent] else { throw .unknownAgent(agent) }
        guard taker.sessions.count < taker.capacity else { throw .atCapacity(agent, taker.capacity) }
        let index: Int
        if let session {
            guard waitingBySession[session] != nil, let found = waiting.firstIndex(where: { $0.session == session })
            else {
                throw .notWaiting(session)
            }
            guard taker.queues.contains(waiting[found].queue) else {
                throw .notServed(session, queue: waiting[found].queue, agent: agent)
            }
            index = found
        } else {
            let eligible = waiting.indices.filter { taker.queues.contains(waiting[$0].queue) }
            guard let best = eligible.min(by: { before(waiting[$0], waiting[$1], now: now) }) else {
                throw .emptyQueues(agent)
            }
            index = best
        }
        let ticket = removeWaiting(at: index)
        taker.sessions.append(ticket.session)
        taker.since[ticket.session] = now
        agents[agent] = taker
        held[ticket.session] = Holding(agent: agent, ticket: ticket)
        return ticket
    }

    /// The agent hands a session to another queue; it waits there with its priority and reason.
    public mutating func transfer(agent: String, session: String, to queue: String, now: Double) throws(HandoffError)
        -> Ticket
    {
        try requireQueue(queue)
        var ticket = try finish(agent: agent, session: session, now: now)
        ticket.queue = queue
        ticket.queuedAt = now
        ticket.number = nextTicket
        nextTicket += 1
        addWaiting(ticket, now: now)
        return ticket
    }

    /// The agent is done with a session (released to the bot or closed); records the handle time.
    @discardableResult
    public mutating func finish(agent: String, session: String, now: Double) throws(HandoffError) -> Ticket {
        guard var holder = agents[agent] else { throw .unknownAgent(agent) }
        guard let holding = held[session], holding.agent == agent else { throw .notHeld(session, agent: agent) }
        held[session] = nil
        let start = holder.since.removeValue(forKey: session) ?? now
        holder.sessions.removeAll { $0 == session }
        agents[agent] = holder
        var times = handleTimes[holding.ticket.queue, default: []]
        times.append(max(0, now - start))
        handleTimes[holding.ticket.queue] = Array(times.suffix(Self.handleTimeWindow))
        return holding.ticket
    }

    /// Checks that `agent` holds `session`, without changing anything.
    public func requireHeld(agent: String, session: String) throws(HandoffError) {
        guard agents[agent] != nil else { throw .unknownAgent(agent) }
        guard held[session]?.agent == agent else { throw .notHeld(session, agent: agent) }
    }

    /// Drops a session from every queue and agent, as when the integrating program resets it.
    public mutating func forget(session: String) {
        if let index = waiting.firstIndex(where: { $0.session == session }) { _ = removeWaiting(at: index) }
        if let holding = held.removeValue(forKey: session) {
            agents[holding.agent]?.sessions.removeAll { $0 == session }
            agents[holding.agent]?.since[session] = nil
        }
    }

    // MARK: - Order

    /// Higher effective priority first; then the older ticket.
    private func before(_ left: Ticket, _ right: Ticket, now: Double) -> Bool {
        let (a, b) = (
            left.effectivePriority(now: now, agingSeconds: agingSeconds),
            right.effectivePriority(now: now, agingSeconds: agingSeconds)
        )
        return a != b ? a > b : left.number < right.number
    }

    private func requireQueue(_ queue: String) throws(HandoffError) {
        guard queueNames.contains(queue) else { throw .unknownQueue(queue, known: queueNames) }
    }
}

/// A session an agent holds, and the ticket it came with.
public struct Holding: Sendable, Equatable, Codable {
    public var agent: String
    public var ticket: Ticket
}

/// Where a session is in the handoff.
public enum SessionHandoffStatus: Sendable, Equatable {
    case queued(Ticket)
    case agent(String, Ticket)
}
