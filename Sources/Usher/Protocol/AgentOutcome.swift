/// What an agent request did, once the contact centre carried it out.
///
/// `usher serve` encodes it as a response line and `usher chat` renders it; refusals are
/// ``HandoffError``s instead, with nothing changed.
public enum AgentOutcome: Sendable, Equatable {
    case joined(agent: String, capacity: Int)
    /// The sessions the agent held went back to the front of their queues.
    case left(agent: String, requeued: [String])
    case claimed(agent: String, ticket: Ticket, summary: HandoffSummary, events: [HandoffEvent])
    case said(agent: String, session: String, events: [HandoffEvent])
    case transferred(agent: String, session: String, to: QueueInfo, events: [HandoffEvent])
    case released(agent: String, session: String, events: [HandoffEvent])
    case closed(agent: String, session: String, events: [HandoffEvent])
    /// Every queue in the order the bot names them, for `queue.list`.
    case queues([QueueView])
    /// The customer left the queue (`queue.leave`) after waiting `waitedSeconds` with `ticket`.
    case leftQueue(session: String, ticket: Ticket, waitedSeconds: Double, events: [HandoffEvent])

    /// What the customer is shown, in order: the lines a conversation test checks and
    /// `/save` writes.
    public var shownToCustomer: [String] {
        events.compactMap { event in
            if case .toCustomer(_, let text) = event { text } else { nil }
        }
    }

    /// The messages to deliver.
    public var events: [HandoffEvent] {
        switch self {
        case .joined, .left, .queues: []
        case .claimed(_, _, _, let events), .said(_, _, let events), .transferred(_, _, _, let events),
            .released(_, _, let events), .closed(_, _, let events), .leftQueue(_, _, _, let events):
            events
        }
    }
}

/// One queue as a supervisor sees it: who waits, in the order agents will take them, and who serves it.
public struct QueueView: Sendable, Equatable {
    public struct Waiting: Sendable, Equatable {
        public var ticket: Ticket
        public var position: Int
        /// The priority now, aging included, without the boost of a returned ticket (shown as
        /// `returned`: "priority 1002" told a supervisor nothing).
        public var priority: Int
        public var returned: Bool
        public var waitedSeconds: Double
    }

    public var name: String
    public var waiting: [Waiting]
    /// Agent ids, sorted.
    public var agents: [String]

    /// Every queue of `centre` at `now`.
    public static func all(in centre: ContactCentre, now: Double) -> [QueueView] {
        centre.queueNames.map { queue in
            let waiting = centre.order(of: queue, now: now).enumerated().map { offset, ticket in
                Waiting(
                    ticket: ticket, position: offset + 1,
                    priority: ticket.effectivePriority(now: now, agingSeconds: centre.agingSeconds)
                        - (ticket.isReturned ? Ticket.returnBoost : 0),
                    returned: ticket.isReturned, waitedSeconds: now - ticket.queuedAt)
            }
            let agents = centre.agents.values.filter { $0.queues.contains(queue) }.map(\.id).sorted()
            return QueueView(name: queue, waiting: waiting, agents: agents)
        }
    }
}
