/// A customer's turn as the contact centre completed it: the bot's turn, whom the customer is
/// talking to now, and what must be delivered to whom.
///
/// `usher serve` encodes it as a response line; `usher chat` renders it for a person. Keeping it
/// a value lets both channels say exactly the same thing.
public struct DeskTurn: Sendable {
    /// The turn; while the customer waits, its replies end with the queue announcement.
    public var turn: TurnResult
    public var status: ConversationStatus
    public var events: [HandoffEvent]

    /// The protocol's `state`: whom the customer talks to, or `action` while the bot waits
    /// for an action's result.
    public var state: String { turn.stateName(status.name) }
}

extension TurnResult {
    /// `status` (`bot`, `queued`, `agent`), or `action` while the bot waits for an action's result.
    public func stateName(_ status: String) -> String {
        status == "bot" && state.pendingAction != nil ? "action" : status
    }
}

/// Who answers a session now.
public enum ConversationStatus: Sendable, Equatable {
    /// The bot.
    case bot
    /// Nobody yet: the customer waits in a queue.
    case queued(QueueInfo)
    /// The agent with this id.
    case agent(String)

    /// The protocol's `state` field: `bot`, `queued` or `agent`.
    public var name: String {
        switch self {
        case .bot: "bot"
        case .queued: "queued"
        case .agent: "agent"
        }
    }
}

/// Where a waiting customer stands.
public struct QueueInfo: Sendable, Equatable {
    public var ticket: Ticket
    /// 1 for the next customer an agent of the queue will take.
    public var position: Int
    /// `nil` while no agent serves the queue.
    public var estimatedWaitSeconds: Double?
}
