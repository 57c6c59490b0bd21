/// A customer waiting for a person: where, since when, how urgent, and why.
public struct Ticket: Sendable, Equatable, Codable {
    /// Numbered in the order customers were handed off; ties in priority go to the lower number.
    public var number: Int
    public var session: String
    public var queue: String
    /// The priority it entered with; waiting raises it (see ``ContactCentre/agingSeconds``).
    public var priority: Int
    public var reason: HandoffReason
    public var queuedAt: Double

    public init(number: Int, session: String, queue: String, priority: Int, reason: HandoffReason, queuedAt: Double) {
        self.number = number
        self.session = session
        self.queue = queue
        self.priority = priority
        self.reason = reason
        self.queuedAt = queuedAt
    }

    /// What a ticket's priority gains when its agent leaves: a customer who was already being
    /// served goes back to the front of the queue. Priorities a bot gives are at most 102.
    public static let returnBoost = 1_000

    /// Whether the ticket went back to its queue when the agent holding it left.
    public var isReturned: Bool { priority >= Self.returnBoost }

    /// The priority at `now`: one more for every `agingSeconds` waited, so nobody waits forever.
    public func effectivePriority(now: Double, agingSeconds: Double) -> Int {
        priority + Int(max(0, now - queuedAt) / agingSeconds)
    }
}

/// A person who answers customers: the queues they serve and how many conversations they hold at once.
public struct Agent: Sendable, Equatable, Codable {
    public var id: String
    public var queues: [String]
    public var capacity: Int
    /// The sessions they hold, in the order they took them.
    public var sessions: [String]
    /// When they took each session, for handle times.
    public var since: [String: Double]

    public init(id: String, queues: [String], capacity: Int) {
        self.id = id
        self.queues = queues
        self.capacity = capacity
        sessions = []
        since = [:]
    }
}
