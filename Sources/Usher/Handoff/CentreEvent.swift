/// One change to a ``ContactCentre``: what happened, to whom, and when.
///
/// Operations return these and ``ContactCentre/apply(_:)`` folds them, so a store can append
/// them to a log and any process can rebuild the centre by replaying it. Each case carries
/// everything `apply` needs, so replay never consults anything but the log and the centre's
/// queues and aging.
///
/// ```swift
/// var centre = ContactCentre(queues: ["general"])
/// let (_, events) = try centre.enqueue(session: "c-1", queue: "general", priority: 1, reason: .fallbacks(2), now: 0)
/// let copy = ContactCentre(replaying: events, queues: ["general"])  // copy == centre
/// ```
public enum CentreEvent: Sendable, Equatable {
    /// A customer starts waiting; the ticket's `queuedAt` is the event's time.
    case queued(Ticket)
    case joined(agent: String, queues: [String], capacity: Int, at: Double)
    /// The agent left; the sessions they held wait again as `requeued`, priority bump included.
    case left(agent: String, requeued: [Ticket], at: Double)
    /// The agent took the session of `ticket`, which had waited since `ticket.queuedAt`.
    case claimed(agent: String, ticket: Ticket, at: Double)
    /// The agent wrote to the customer; the centre does not change, the log keeps the line.
    case said(agent: String, session: String, text: String, at: Double)
    /// The agent let go of the session held with `from`; it waits again as `to`.
    case transferred(agent: String, from: Ticket, to: Ticket, at: Double)
    /// The agent gave the session back to the bot after holding it `handleSeconds`.
    case released(agent: String, session: String, at: Double, handleSeconds: Double)
    /// The agent ended the conversation after holding it `handleSeconds`.
    case closed(agent: String, session: String, at: Double, handleSeconds: Double)
    /// A reset removed the session from its queue or from its agent.
    case forgotten(session: String, at: Double)
    /// The customer of `ticket` left the queue before an agent took them, in the way `exit`
    /// says; the session stays with the bot (or, for ``QueueExit/idle``, has ended). The ticket
    /// is carried whole so that a report of any period knows the queue and the time waited.
    case abandoned(ticket: Ticket, exit: QueueExit, at: Double)

    /// `queued`, `joined`, `left`, `claimed`, `said`, `transferred`, `released`, `closed`,
    /// `forgotten` or `abandoned`: stable, for a store's column and the stored form.
    public var kind: String {
        switch self {
        case .queued: "queued"
        case .joined: "joined"
        case .left: "left"
        case .claimed: "claimed"
        case .said: "said"
        case .transferred: "transferred"
        case .released: "released"
        case .closed: "closed"
        case .forgotten: "forgotten"
        case .abandoned: "abandoned"
        }
    }

    /// When it happened.
    public var at: Double {
        switch self {
        case .queued(let ticket): ticket.queuedAt
        case .joined(_, _, _, let at), .left(_, _, let at), .claimed(_, _, let at), .said(_, _, _, let at),
            .transferred(_, _, _, let at), .released(_, _, let at, _), .closed(_, _, let at, _),
            .forgotten(_, let at), .abandoned(_, _, let at):
            at
        }
    }

    /// The one session it concerns; `nil` for an agent joining or leaving.
    public var session: String? {
        switch self {
        case .queued(let ticket), .claimed(_, let ticket, _), .transferred(_, let ticket, _, _),
            .abandoned(let ticket, _, _):
            ticket.session
        case .said(_, let session, _, _), .released(_, let session, _, _), .closed(_, let session, _, _),
            .forgotten(let session, _):
            session
        case .joined, .left: nil
        }
    }

    /// The agent who acted; `nil` for a customer queued, forgotten or gone from the queue.
    public var agent: String? {
        switch self {
        case .joined(let agent, _, _, _), .left(let agent, _, _), .claimed(let agent, _, _),
            .said(let agent, _, _, _), .transferred(let agent, _, _, _), .released(let agent, _, _, _),
            .closed(let agent, _, _, _):
            agent
        case .queued, .forgotten, .abandoned: nil
        }
    }

    /// The one queue it concerns: where a ticket waits now (for a transfer, the new queue) or
    /// was taken from; `nil` when there is none or several.
    public var queue: String? {
        switch self {
        case .queued(let ticket), .claimed(_, let ticket, _), .transferred(_, _, let ticket, _),
            .abandoned(let ticket, _, _):
            ticket.queue
        case .joined, .left, .said, .released, .closed, .forgotten: nil
        }
    }

    /// Every ticket it carries, for numbering: the next ticket is one past the highest seen.
    var tickets: [Ticket] {
        switch self {
        case .queued(let ticket), .claimed(_, let ticket, _), .abandoned(let ticket, _, _): [ticket]
        case .left(_, let requeued, _): requeued
        case .transferred(_, let from, let to, _): [from, to]
        case .joined, .said, .released, .closed, .forgotten: []
        }
    }
}
