/// Everything Usher remembers about one conversation: a plain value, so that a turn is a pure
/// function from the old state to the new one and any store can keep it.
public struct SessionState: Sendable, Equatable, Codable {
    public var id: String
    /// Filled slots, by name, as canonical values (`2026-03-03`, `PN-123456`).
    public var slots: [String: String] = [:]
    /// Active contexts and the customer turns each has left.
    public var contexts: [String: Int] = [:]
    /// The most recent turns, oldest first.
    public var history: [Turn] = []
    /// Forms in progress; the last is the one being asked, the others wait to resume.
    public var forms: [FormProgress] = []
    /// The action the bot waits for, if any: while it runs, the bot answers nothing else.
    public var pendingAction: PendingAction?
    /// Fallbacks in a row; a matched intent resets it.
    public var consecutiveFallbacks = 0
    /// How many turns the session has had.
    public var turns = 0
    /// How many times each intent (or `"fallback"`) has answered, so replies rotate deterministically.
    public var rotation: [String: Int] = [:]
    public var language: String
    /// What the integrating program said about the customer (`{"tier": "vip"}`), merged over turns.
    public var metadata: [String: String] = [:]
    /// Seconds since 1970, from the injected clock.
    public var createdAt: Double
    public var updatedAt: Double

    public init(id: String, language: String, now: Double) {
        self.id = id
        self.language = language
        createdAt = now
        updatedAt = now
    }

    /// Appends `turn` to the history, which keeps its last `limit` turns.
    public mutating func record(_ turn: Turn, keeping limit: Int) {
        if limit > 0 && history.count >= limit {
            // A full history: its last turns go to a new array, which a history shared with the
            // store would be copied into anyway, instead of being copied, grown and shifted.
            var kept: [Turn] = []
            kept.reserveCapacity(limit)
            kept.append(contentsOf: history[(history.count - limit + 1)...])
            kept.append(turn)
            history = kept
        } else {
            history.append(turn)
            if history.count > limit { history.removeFirst(history.count - limit) }
        }
    }

    /// Whether the session has been idle for longer than `ttl` seconds. Whether it has expired
    /// also depends on the contact centre: a session a person has (waiting or talking) never
    /// expires; the agent's side ends it.
    public func isIdle(now: Double, ttl: Int) -> Bool {
        now - updatedAt > Double(ttl)
    }
}

/// One exchange: what the customer wrote and what the bot made of it.
public struct Turn: Sendable, Equatable, Codable {
    public var text: String
    public var intent: String?
    public var confidence: Double
    public var replies: [String]
    public var at: Double
    /// Set for a turn an agent wrote: `replies` are the agent's words and `text` is empty.
    public var agent: String?
    /// The customer's sentiment in `text`, in [-1, 1], when the bot watches it.
    public var sentiment: Double?
    /// Set for a turn that answered an action's result: the action's name; `text` is empty.
    public var action: String?

    public init(
        text: String, intent: String?, confidence: Double, replies: [String], at: Double, agent: String? = nil,
        sentiment: Double? = nil, action: String? = nil
    ) {
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.replies = replies
        self.at = at
        self.agent = agent
        self.sentiment = sentiment
        self.action = action
    }
}

extension Turn {
    /// What an agent wrote to the customer, as the history keeps it.
    public init(agentLine text: String, by agent: String, at: Double) {
        self.init(text: "", intent: nil, confidence: 0, replies: [text], at: at, agent: agent)
    }
}

/// A form being filled: which intent, which slot it is asking for, and how often it has asked again.
public struct FormProgress: Sendable, Equatable, Codable {
    public var intent: String
    /// The slot asked for, or ``confirmation`` while the form waits for a yes.
    public var pendingSlot: String
    /// What `pendingSlot` holds while a form reads back its values: not a valid slot name, so it
    /// can never be mistaken for one, and stats and the protocol show where a form stopped.
    public static let confirmation = "(confirm)"
    public var isConfirming: Bool { pendingSlot == Self.confirmation }
    public var reprompts: Int

    public init(intent: String, pendingSlot: String, reprompts: Int = 0) {
        self.intent = intent
        self.pendingSlot = pendingSlot
        self.reprompts = reprompts
    }
}
