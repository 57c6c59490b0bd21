/// An intent's handoff: the customer goes to a person in `queue` whenever this intent matches
/// (a talk-to-a-human intent, or one the bot must never handle itself).
public struct IntentHandoff: Sendable, Equatable {
    public var queue: String
    public var priority: Int

    public init(queue: String, priority: Int = 1) {
        self.queue = queue
        self.priority = priority
    }
}

/// When the bot hands a conversation to a person, bot-wide (`settings.handoff`).
public struct HandoffSettings: Sendable, Equatable {
    /// The queues agents serve; intents and transfers may only name these.
    public var queues: [String]
    /// Where handoffs not tied to an intent go (the first queue).
    public var defaultQueue: String { queues[0] }
    /// Fallbacks in a row after which the bot hands off; 0 never does.
    public var afterFallbacks: Int
    /// Whether a form that failed (`max_reprompts` + 1 unreadable answers) hands off; without,
    /// it ends with the fallback, as a bot that no person stands behind needs.
    public var afterFormFailed = true
    /// Hand off when the customer's mean sentiment over the last `sentimentTurns` turns is below this; `nil` never does.
    public var sentimentBelow: Double?
    public var sentimentTurns: Int
    /// Words or phrases that hand off at once ("lawyer", "complaint"), compared after normalisation.
    public var keywords: [String]
    /// Seconds of waiting that raise a ticket's priority by one.
    public var agingSeconds: Int
    /// Seconds a waiting customer may write nothing before the sweep takes them out of the
    /// queue (abandoned, `idle`) and ends their session: agents must not be handed a customer
    /// who left hours ago. Longer than `session_ttl` by default, since a waiting customer has
    /// no need to write; set it above the longest wait a queue can have.
    public var queueIdleSeconds = Self.defaultQueueIdleSeconds
    /// One hour: a chat customer silent that long in a queue has almost always gone.
    public static let defaultQueueIdleSeconds = 3_600
    /// The confidence an intent that hands off needs (above the bot's threshold): a person's
    /// time is costly, so "tell me a joke" matching talk-to-human at 0.54 on filler words must
    /// not queue anyone.
    public var intentThreshold: Double
    /// What customers are told a queue is called, by queue ("claims": "our claims team"); a
    /// queue without a name is told as it is written. Files of translations name the queues in
    /// their language (`queue_names`).
    public var queueNames: [String: String] = [:]

    /// The name a customer is told for `queue`.
    public func displayName(of queue: String) -> String { queueNames[queue] ?? queue }

    /// What a definition naming a queue that `queues` does not hold is told.
    static func unknownQueue(_ queue: String, queues: [String]) -> String {
        "unknown queue \"\(queue)\"; the queues are \(queues.joined(separator: ", ")) (settings.handoff.queues)"
    }

    public init(
        queues: [String] = ["general"], afterFallbacks: Int = 2, sentimentBelow: Double? = -0.5,
        sentimentTurns: Int = 2,
        keywords: [String] = [], agingSeconds: Int = 120, intentThreshold: Double = 0.7
    ) {
        self.intentThreshold = intentThreshold
        self.queues = queues.isEmpty ? ["general"] : queues
        self.afterFallbacks = afterFallbacks
        self.sentimentBelow = sentimentBelow
        self.sentimentTurns = sentimentTurns
        self.keywords = keywords
        self.agingSeconds = agingSeconds
    }
}
