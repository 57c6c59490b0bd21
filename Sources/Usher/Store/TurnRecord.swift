/// One customer turn as the conversation log keeps it: what the customer wrote, what the bot
/// made of it, what it answered, and where the conversation stood afterwards. `usher stats`
/// reads these; card numbers, e-mail addresses, phone numbers and IBANs are masked before a
/// record is made (see ``PIIMasker``), unless the server was told not to.
public struct TurnRecord: Sendable, Equatable, Codable {
    /// What decided the turn's answer.
    public enum Decision: String, Sendable, Equatable, Codable {
        /// A pattern of the intent matched exactly.
        case pattern
        /// Similarity to the intent's examples.
        case similarity
        /// The message answered the question of a form in progress.
        case form
        /// Out of scope: the fallback answered.
        case fallback
        /// A handoff keyword.
        case keyword
        /// A person has the conversation; the bot stayed silent.
        case person
        /// The integrating program's result of an action; `text` is empty.
        case action
    }

    /// A candidate intent and its score, as the matcher ranked them.
    public struct Candidate: Sendable, Equatable, Codable {
        public var intent: String
        public var score: Double

        public init(intent: String, score: Double) {
            self.intent = intent
            self.score = score
        }
    }

    public var at: Double
    public var session: String
    /// When the session's conversation began: with the session id, it tells one conversation
    /// from the next after a session expired or was reset.
    public var conversationStart: Double
    /// The request metadata's `customer`, when the integrating program gave one.
    public var customer: String?
    public var text: String
    /// The intent that answered (the form's intent while a form is filled); `nil` for a fallback.
    public var intent: String?
    public var confidence: Double
    public var decidedBy: Decision
    /// The best candidates, best first (empty when the matcher did not run).
    public var candidates: [Candidate]
    /// The pattern that matched, when one did.
    public var pattern: String?
    /// The cosine similarity to the closest example of the best intent, when the matcher ran.
    public var similarity: Double?
    /// Slots this turn filled.
    public var filled: [String: String]
    /// The form being filled after the turn, and the slot it asks for next.
    public var form: String?
    public var formSlot: String?
    public var replies: [String]
    /// `bot`, `queued` or `agent`: who has the conversation after the turn.
    public var state: String
    /// Set when this turn handed the customer to a person: why, and to which queue.
    public var handoff: HandoffReason?
    public var handoffQueue: String?
    /// What the turn did to forms.
    public var formEvents: [FormEvent]
    /// The action whose call this turn settled (its result came, or the bot gave up waiting),
    /// and the outcome the customer was told (`found`, `not_found`, `failed`, or the action's
    /// own): so `usher stats` can say how often the business's systems answered what.
    public var action: String?
    public var actionOutcome: String?
    /// The session's language after the turn (`de`, `zh-TW`): the one its replies were in; or,
    /// when the message is clearly in a language Usher does not serve (`fr`), that one, so that
    /// it is never counted as the bot's own (``Language/tag(ofLogged:session:)``). `nil` in
    /// records logged before Usher kept it.
    public var language: String?
    /// The bot's ``BotDefinition/version``.
    public var botVersion: String

    public init(
        at: Double, session: String, conversationStart: Double? = nil, customer: String? = nil, text: String,
        intent: String?, confidence: Double,
        decidedBy: Decision, candidates: [Candidate] = [], pattern: String? = nil, similarity: Double? = nil,
        filled: [String: String] = [:], form: String? = nil, formSlot: String? = nil, replies: [String],
        state: String, handoff: HandoffReason? = nil, handoffQueue: String? = nil, formEvents: [FormEvent] = [],
        action: String? = nil, actionOutcome: String? = nil, language: String? = nil, botVersion: String
    ) {
        self.at = at
        self.session = session
        self.conversationStart = conversationStart ?? at
        self.customer = customer
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.decidedBy = decidedBy
        self.candidates = candidates
        self.pattern = pattern
        self.similarity = similarity
        self.filled = filled
        self.form = form
        self.formSlot = formSlot
        self.replies = replies
        self.state = state
        self.handoff = handoff
        self.handoffQueue = handoffQueue
        self.formEvents = formEvents
        self.action = action
        self.actionOutcome = actionOutcome
        self.language = language
        self.botVersion = botVersion
    }
}

extension TurnRecord {
    /// Whether the bot did not understand the message: a fallback, or an intent matched with a
    /// confidence below `below`. Form answers, keywords and a person's turns never count.
    public func isUnmatched(below: Double) -> Bool {
        decidedBy == .fallback || ((decidedBy == .similarity || decidedBy == .pattern) && confidence < below)
    }

    /// The record of `turn`, completed by the contact centre as `status`, with personal data
    /// masked by `masker` (none when `nil`).
    public init(
        _ turn: TurnResult, message: CustomerMessage, status: ConversationStatus, attended: Bool, now: Double,
        botVersion: String, masker: PIIMasker?
    ) {
        let mask: (String) -> String = { masker?.mask($0) ?? $0 }
        let decision: Decision
        var pattern: String?
        if attended {
            decision = .person
        } else if turn.result != nil {
            decision = .action
        } else if case .keyword? = turn.handoff?.reason {
            decision = .keyword
        } else if turn.intent == nil {
            decision = .fallback
        } else if let match = turn.match, match.intent == turn.intent {
            if case .pattern(let source, _, _) = match.evidence {
                decision = .pattern
                pattern = source
            } else {
                decision = .similarity
            }
        } else {
            // The intent is the form's, not the matcher's: the message answered its question.
            decision = .form
        }
        let form = turn.state.forms.last
        self.init(
            at: now, session: message.session, conversationStart: turn.state.createdAt,
            customer: message.metadata["customer"], text: mask(message.text),
            intent: turn.intent, confidence: turn.confidence, decidedBy: decision,
            candidates: (turn.match?.candidates ?? []).prefix(5).map { Candidate(intent: $0.intent, score: $0.score) },
            pattern: pattern, similarity: turn.match.map(\.similarity), filled: turn.filled.mapValues(mask),
            form: form?.intent, formSlot: form?.pendingSlot, replies: turn.replies.map(mask), state: status.name,
            handoff: turn.handoff?.reason, handoffQueue: turn.handoff?.queue, formEvents: turn.formEvents,
            action: turn.answered?.name, actionOutcome: turn.answered == nil ? nil : turn.outcome,
            language: Language.tag(ofLogged: message.text, session: turn.state.language), botVersion: botVersion)
    }
}
