/// What the engine itself says, in one language, where a bot defines no words of its own: a
/// cancelled form, the queue, a transfer.
///
/// Functions rather than templates so that each language can put the number where its grammar
/// wants it and inflect around it ("1 минуту", "2 минуты", "5 минут").
public struct BuiltInMessages: Sendable {
    /// The reply to "cancel" in a form or while an action runs.
    public var cancelReply: String
    /// The answer to a message while an action's call runs.
    public var busy: String
    /// The form's answer to a "no" without a new value.
    public var confirmationDenied: String
    /// Said before a form that another request interrupted asks its question again, so the
    /// customer knows which request the question belongs to.
    public var resumed: String
    /// What a customer who asked to stop waiting is told (they stay with the bot).
    public var leftQueue: String
    /// What a customer who said goodbye while waiting, or whose gateway said they left
    /// (`queue.leave`), is told.
    public var leftQueueGoodbye: String
    /// The first reply to a customer who comes back after the sweep took them out of the queue
    /// for writing nothing for `minutes` (the bot's `queue_idle_seconds`).
    public var droppedFromQueue: @Sendable (_ minutes: Int) -> String
    /// What the bot says when it hands off for any reason but a handoff intent (which has its
    /// own replies): fallbacks in a row, a keyword, a failed form, a customer getting angrier.
    public var handoff: String
    /// What the customer is told when an agent takes the conversation: "You are now talking to
    /// alice.", or, for an agent with no name (`nil`), "You are now talking to an agent."
    public var agentJoined: @Sendable (_ agent: String?) -> String
    /// What the customer is told when the agent gives the conversation back to the bot.
    public var released: String
    /// What the customer is told when the agent ends the conversation.
    public var closed: String
    /// "You are number 2 in the queue" with no agent serving it.
    public var queuedWithoutAgent: @Sendable (_ position: Int) -> String
    /// "You are number 2 in the queue; the estimated wait is about 3 minutes." Zero minutes
    /// means an agent is free: "an agent will be with you shortly".
    public var queued: @Sendable (_ position: Int, _ minutes: Int) -> String
    /// The line before a transfer's queue announcement.
    public var transferred: @Sendable (_ queue: String) -> String
    /// The next steps a handoff summary suggests to the agent. In the customer's language: the
    /// agent who takes the conversation reads its transcript and answers in that language.
    public var agentNotes: AgentNotes
}

/// Notes for the agent that follow from why and how a conversation was handed off.
public struct AgentNotes: Sendable {
    /// After fallbacks: the bot did not understand.
    public var notUnderstood: String
    /// After a failed form: the customer could not give a value.
    public var valueNotGiven: String
    /// After a keyword or falling sentiment.
    public var upset: String
    /// The customer wrote the same message twice.
    public var askedTwice: String
    /// The store holds the session but cannot read it, so the summary has no transcript: said
    /// first, or the agent would take the empty summary for a customer who said nothing.
    public var historyUnreadable: String
    /// The session was transferred: by which agent, from which queue (its name for customers).
    /// Said first, so the agent reads the colleague's lines in the transcript as theirs.
    public var transferred: @Sendable (_ agent: String, _ queue: String) -> String
    /// The slots already filled, by name.
    public var detailsGiven: @Sendable (_ slots: String) -> String
}
