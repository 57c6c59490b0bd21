/// The human side of Usher: named queues of waiting customers and the agents who serve them.
///
/// A pure value: every operation either throws a ``HandoffError`` and changes nothing, or
/// returns what happened as ``CentreEvent``s, which it has applied. Time is passed in, never
/// read, so a test can replay any interleaving of customers and agents exactly.
///
/// Why events: ``apply(_:)`` is the only code that changes the centre, and it needs nothing but
/// the event, so a store can append the events to a log and any process can rebuild the same
/// centre with ``init(replaying:queues:agingSeconds:)``. Ticket numbers come from that log (one
/// past the highest seen), not from a counter one process keeps.
///
/// ```swift
/// var centre = ContactCentre(queues: ["general", "claims"])
/// let (ticket, queued) = try centre.enqueue(
///     session: "c-1", queue: "claims", priority: 2, reason: .intent("file_claim"), now: 0)
/// let joined = try centre.join(agent: "alice", queues: ["claims"], capacity: 3, now: 10)
/// let (claimed, taken) = try centre.claim(agent: "alice", session: nil, now: 30)
/// let copy = ContactCentre(replaying: queued + joined + taken, queues: ["general", "claims"])  // == centre
/// ```
public struct ContactCentre: Sendable, Equatable {
    /// Handle times assumed for a queue that has none recorded yet.
    public static let defaultHandleSeconds = 180.0
    /// How many recent handle times per queue the wait estimate averages.
    public static let handleTimeWindow = 20

    public private(set) var queueNames: [String]
    /// Seconds of waiting that raise a ticket's priority by one (continuously: half as long
    /// raises it by a half, so the order of waiting customers never changes while they wait).
    public var agingSeconds: Double {
        didSet {
            guard agingSeconds != oldValue else { return }
            let tickets = orders.values.flatMap(\.tickets)
            orders = [:]
            for ticket in tickets {
                orders[ticket.queue, default: TicketOrder(agingSeconds: agingSeconds)].insert(ticket)
            }
        }
    }
    /// Each queue's waiting tickets, in the order agents take them.
    private(set) var orders: [String: TicketOrder] = [:]
    public private(set) var agents: [String: Agent] = [:]
    /// Who holds each session an agent has, and the ticket it came with.
    public private(set) var held: [String: Holding] = [:]
    private(set) var handleTimes: [String: [Double]] = [:]
    /// One past the highest ticket number any event carried.
    private(set) var nextTicket = 1
    /// Waiting tickets by session, for answering "where am I?" without a scan.
    private(set) var waitingBySession: [String: Ticket] = [:]
    /// The last transfer of each session still in the centre: the agent who takes it next is
    /// told who passed it on and from where. Ends with the handoff (release, close, forget).
    public private(set) var transfers: [String: Transfer] = [:]

    /// Every waiting ticket, queue by queue, each queue in order.
    public var waiting: [Ticket] { queueNames.flatMap { orders[$0]?.tickets ?? [] } }

    /// How many customers wait, in all queues.
    public var waitingCount: Int { waitingBySession.count }

    public static func == (lhs: ContactCentre, rhs: ContactCentre) -> Bool {
        lhs.queueNames == rhs.queueNames && lhs.agingSeconds == rhs.agingSeconds && lhs.orders == rhs.orders
            && lhs.agents == rhs.agents && lhs.held == rhs.held && lhs.handleTimes == rhs.handleTimes
            && lhs.nextTicket == rhs.nextTicket && lhs.transfers == rhs.transfers
    }

    public init(queues: [String] = ["general"], agingSeconds: Double = 120) {
        queueNames = queues.isEmpty ? ["general"] : queues
        self.agingSeconds = agingSeconds
    }

    /// The centre `events` leave behind, starting from an empty one with these queues and aging.
    public init(
        replaying events: some Sequence<CentreEvent>, queues: [String] = ["general"], agingSeconds: Double = 120
    ) {
        self.init(queues: queues, agingSeconds: agingSeconds)
        for event in events { apply(event) }
    }

    /// Adds the queues not yet known, after the others: a reloaded bot may name new ones, and
    /// customers already waiting in a queue it dropped must still be reachable.
    public mutating func addQueues(_ queues: [String]) {
        for queue in queues where !queueNames.contains(queue) { queueNames.append(queue) }
    }

    // MARK: - Apply

    /// Folds one event into the centre: the only place its state changes.
    ///
    /// Total: an event that no longer fits, as a log written by several processes may hold, is
    /// applied as far as it still makes sense, so that no session is ever held twice, held by an
    /// agent who is gone, or lost while it waits:
    /// - a ticket for a session already waiting or held does not wait twice; its number still counts;
    /// - a ticket or agent naming an unknown queue adds the queue, so the customer stays reachable;
    /// - joining again changes the agent's queues and capacity and keeps what they hold;
    /// - a claim by an agent who is gone, or of a session that no longer waits, changes nothing;
    /// - a transfer, release or close of a session the agent no longer holds changes nothing;
    /// - an agent leaving lets go of what they held; the tickets listed wait again;
    /// - a customer leaving the queue with a ticket that no longer waits (claimed meanwhile, or
    ///   queued again with another) changes nothing.
    ///
    /// A release or close records the handle time it carries; a transfer, the time since the claim.
    public mutating func apply(_ event: CentreEvent) {
        for ticket in event.tickets { nextTicket = max(nextTicket, ticket.number + 1) }
        switch event {
        case .queued(let ticket):
            addWaiting(ticket, now: ticket.queuedAt)
        case .joined(let agent, let queues, let capacity, _):
            addQueues(queues)
            var joining = agents[agent] ?? Agent(id: agent, queues: queues, capacity: capacity)
            (joining.queues, joining.capacity) = (queues, capacity)
            agents[agent] = joining
        case .left(let agent, let requeued, _):
            for session in agents[agent]?.sessions ?? [] { held[session] = nil }
            agents[agent] = nil
            // They were already being served: the tickets keep their time, for the order cache too.
            for ticket in requeued { addWaiting(ticket, now: ticket.queuedAt) }
        case .claimed(let agent, let ticket, let at):
            guard agents[agent] != nil, let waiting = waitingBySession[ticket.session] else { return }
            removeWaiting(waiting)
            agents[agent]?.sessions.append(ticket.session)
            agents[agent]?.since[ticket.session] = at
            held[ticket.session] = Holding(agent: agent, ticket: ticket)
        case .said:
            break
        case .transferred(let agent, let from, let to, let at):
            guard let ended = endHold(agent: agent, session: from.session) else { return }
            recordHandleTime(max(0, at - (ended.since ?? at)), queue: ended.holding.ticket.queue)
            addWaiting(to, now: at)
            transfers[from.session] = Transfer(agent: agent, queue: ended.holding.ticket.queue, at: at)
        case .released(let agent, let session, _, let handleSeconds),
            .closed(let agent, let session, _, let handleSeconds):
            guard let ended = endHold(agent: agent, session: session) else { return }
            recordHandleTime(handleSeconds, queue: ended.holding.ticket.queue)
            transfers[session] = nil
        case .abandoned(let ticket, _, _):
            guard let waiting = waitingBySession[ticket.session], waiting.number == ticket.number else { return }
            removeWaiting(waiting)
            transfers[ticket.session] = nil
        case .forgotten(let session, _):
            if let waiting = waitingBySession[session] { removeWaiting(waiting) }
            if let holding = held[session] { _ = endHold(agent: holding.agent, session: session) }
            transfers[session] = nil
        }
    }

    /// A ticket waits, unless its session already waits or is held.
    private mutating func addWaiting(_ ticket: Ticket, now: Double) {
        guard waitingBySession[ticket.session] == nil, held[ticket.session] == nil else { return }
        if !queueNames.contains(ticket.queue) { queueNames.append(ticket.queue) }
        waitingBySession[ticket.session] = ticket
        orders[ticket.queue, default: TicketOrder(agingSeconds: agingSeconds)].insert(ticket)
    }

    private mutating func removeWaiting(_ ticket: Ticket) {
        waitingBySession[ticket.session] = nil
        orders[ticket.queue]?.remove(ticket)
    }

    /// Ends `agent`'s hold on `session`: what they held and since when, or `nil` when they do
    /// not hold it.
    private mutating func endHold(agent: String, session: String) -> (holding: Holding, since: Double?)? {
        guard let holding = held[session], holding.agent == agent, var holder = agents[agent] else { return nil }
        held[session] = nil
        let since = holder.since.removeValue(forKey: session)
        holder.sessions.removeAll { $0 == session }
        agents[agent] = holder
        return (holding, since)
    }

    private mutating func recordHandleTime(_ seconds: Double, queue: String) {
        var times = handleTimes[queue, default: []]
        times.append(seconds)
        handleTimes[queue] = Array(times.suffix(Self.handleTimeWindow))
    }

    // MARK: - Where customers stand

    /// The session's place in its queue, from 1, or `nil` when it is not waiting: O(log n).
    public func position(of session: String, now: Double) -> Int? {
        guard let ticket = waitingBySession[session] else { return nil }
        return (orders[ticket.queue]?.rank(of: ticket) ?? 0) + 1
    }
}

/// Who passed a session on to another queue, from which queue, and when.
public struct Transfer: Sendable, Equatable {
    public var agent: String
    /// The queue the session was in when the agent took it.
    public var queue: String
    public var at: Double
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
