/// A session that ended, and why: the log keeps it so that nothing disappears silently and
/// abandonment can be measured.
public struct SessionEnd: Sendable, Equatable, Codable {
    public enum Reason: Sendable, Equatable, Codable {
        /// Idle longer than the bot's `session_ttl`.
        case expired
        /// The integrating program reset it (`reset` request, `/reset`).
        case reset
        /// The agent who held it closed it.
        case closed(agent: String)

        /// The stable name stored in the log: `expired`, `reset` or `closed`.
        public var code: String {
            switch self {
            case .expired: "expired"
            case .reset: "reset"
            case .closed: "closed"
            }
        }

        /// The agent who closed the session, if an agent did.
        public var agent: String? {
            if case .closed(let agent) = self { agent } else { nil }
        }

        /// The reason with this code, or `nil` for an unknown one.
        public init?(code: String, agent: String?) {
            switch (code, agent) {
            case ("expired", nil): self = .expired
            case ("reset", nil): self = .reset
            case ("closed", let agent?): self = .closed(agent: agent)
            default: return nil
            }
        }
    }

    public var session: String
    /// When it ended: for an expired session, the moment its lifetime ran out.
    public var at: Double
    public var reason: Reason

    public init(session: String, at: Double, reason: Reason) {
        self.session = session
        self.at = at
        self.reason = reason
    }
}
