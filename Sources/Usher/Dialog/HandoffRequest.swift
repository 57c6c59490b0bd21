/// The bot's decision that a person must take over: where, how urgently, and why.
///
/// The dialog engine only decides; the server puts the session in the contact centre's queue,
/// tells the customer their position, and keeps the bot silent until an agent releases it.
public struct HandoffRequest: Sendable, Equatable, Codable {
    public var queue: String
    public var priority: Int
    /// Said to the agent in the summary, and kept on the ticket.
    public var reason: HandoffReason

    public init(queue: String, priority: Int, reason: HandoffReason) {
        self.queue = queue
        self.priority = priority
        self.reason = reason
    }
}
