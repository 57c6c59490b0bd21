/// What a support lead asks of the log: how many conversations, how many the bot kept, why the
/// others went to people, what customers asked, how forms went, how long people waited and were
/// served, who came back, and the same per day. The words are the industry's, defined in
/// docs/stats.md; `usher stats` prints it as a table, as JSON or as an HTML report.
public struct ConversationStats: Sendable, Equatable {
    /// The figures of a set of conversations: the whole period, or one day.
    public struct Summary: Sendable, Equatable {
        /// Conversations with at least one customer message.
        public var conversations = 0
        /// Customer messages.
        public var turns = 0
        /// Conversations never handed to a person, in which the bot answered every message.
        public var contained = 0
        /// Conversations handed to a person.
        public var escalated = 0
        /// Conversations that ended (expired or reset) with the customer waiting in a queue or
        /// in the middle of a form.
        public var abandoned = 0
        /// Turns the bot answered (a person's turns excluded), and of those the fallbacks.
        public var botTurns = 0
        public var fallbacks = 0
        /// Bot turns that said nothing: an intent without responses (a bot from before Usher
        /// refused to load one). Their conversations do not count as contained.
        public var silent = 0

        public init() {}

        public var turnsPerConversation: Double { conversations == 0 ? 0 : Double(turns) / Double(conversations) }
        public var containmentRate: Double { Usher.rate(contained, of: conversations) }
        public var escalationRate: Double { Usher.rate(escalated, of: conversations) }
        public var abandonmentRate: Double { Usher.rate(abandoned, of: conversations) }
        public var fallbackRate: Double { Usher.rate(fallbacks, of: botTurns) }
    }

    public struct IntentVolume: Sendable, Equatable {
        public var intent: String
        public var turns: Int
        public var meanConfidence: Double
    }

    /// One form's funnel.
    public struct Funnel: Sendable, Equatable {
        public var form: String
        public var started = 0
        public var completed = 0
        public var cancelled = 0
        /// Handed to a person after too many unreadable answers.
        public var failed = 0
        /// Left for something else (a handoff, an interruption it does not resume after).
        public var dropped = 0
        /// The conversation ended (expired, reset) with the form open.
        public var abandoned = 0
        /// Reprompts per slot.
        public var reprompts: [String: Int] = [:]
        /// Where unfinished forms stopped: the slot still missing, and how often.
        public var stoppedAt: [String: Int] = [:]

        public init(form: String) {
            self.form = form
        }
    }

    /// How waits for a person ended before an agent took the customer, and how many have not
    /// ended: the contact centre's abandon rate and time to abandon.
    public struct QueueAbandonment: Sendable, Equatable {
        /// Waits an agent's claim ended.
        public var taken = 0
        /// Waits that ended with the customer gone before an agent took them, by how: `goodbye`,
        /// `asked` (to stop waiting), `request` (`queue.leave`), `idle` (silent past
        /// `queue_idle_seconds`) or `reset` (the gateway reset the session).
        public var ways: [String: Int] = [:]
        /// Time from starting to wait to leaving (for `idle`, to the moment the limit ran out).
        public var time = Distribution([])
        /// Customers waiting at the end of the period or the log, with no outcome yet: in
        /// neither `taken` nor the rate.
        public var stillWaiting = 0

        public init() {}

        public var abandoned: Int { ways.values.reduce(0, +) }
        /// Abandoned ÷ (abandoned + taken): of the waits that ended, those the customer ended.
        public var rate: Double { Usher.rate(abandoned, of: abandoned + taken) }
    }

    public struct QueueFigures: Sendable, Equatable {
        public var queue: String
        /// Customers who started waiting here (handoffs and transfers in).
        public var queued = 0
        /// Time from waiting to an agent's claim.
        public var wait: Distribution
        /// Customers who left before an agent took them, and those still waiting.
        public var abandonment = QueueAbandonment()
        /// Time from an agent's claim to release, close or transfer out.
        public var handle: Distribution
        public var transfersIn = 0
        public var transfersOut = 0
    }

    public struct AgentFigures: Sendable, Equatable {
        public var agent: String
        public var claimed = 0
        public var handle: Distribution
        public var transfers = 0
    }

    /// Customers (request metadata `customer`) who came back within 24 hours.
    public struct RepeatContacts: Sendable, Equatable {
        /// Conversations of customers the log knows.
        public var identified = 0
        /// Of those, conversations that began within 24 hours of the same customer's previous one.
        public var repeats = 0
        /// What the repeats were about: the intents of their turns, most frequent first.
        public var intents: [Tally] = []

        public var rate: Double { Usher.rate(repeats, of: identified) }
    }

    /// How an action's calls were settled: each outcome the customer was told, and how often
    /// (`failed` includes the calls the bot gave up waiting for).
    public struct ActionOutcomes: Sendable, Equatable {
        public var action: String
        public var outcomes: [String: Int]

        public var calls: Int { outcomes.values.reduce(0, +) }
    }

    /// A name and how often it came up.
    public struct Tally: Sendable, Equatable {
        public var name: String
        public var count: Int
    }

    public struct Day: Sendable, Equatable {
        /// `2026-11-30` (UTC).
        public var date: String
        public var summary: Summary
    }

    /// The figures of the conversations held in one language (their last recorded one).
    public struct LanguageFigures: Sendable, Equatable {
        /// `en`, `de`, `zh-TW`: the session's language, as the bot serves it.
        public var language: String
        public var summary: Summary
    }

    /// The period the figures cover: the first and last logged moment within the asked range.
    public var from: Double?
    public var to: Double?
    public var summary: Summary
    /// Escalations by reason code (`intent`, `keyword`, …) and by queue.
    public var escalationReasons: [String: Int]
    public var escalationQueues: [String: Int]
    /// Abandonment split: waiting for a person, or in a form (conversations).
    public var abandonedInQueue: Int
    public var abandonedInForm: Int
    /// Waits for a person that ended with the customer gone, in all queues (each queue's are in
    /// ``queues``).
    public var queueAbandonment = QueueAbandonment()
    /// Bot turns by what decided them: `pattern`, `similarity`, `form`, `fallback`, `keyword`.
    public var decidedBy: [String: Int]
    /// Matched intents, most turns first.
    public var intents: [IntentVolume]
    public var forms: [Funnel]
    /// Actions by how many calls were settled, most first.
    public var actions: [ActionOutcomes]
    public var queues: [QueueFigures]
    public var agents: [AgentFigures]
    public var transfers: Int
    public var repeatContacts: RepeatContacts
    public var days: [Day]
    /// By language, most conversations first; empty when the log predates languages in it.
    public var languages: [LanguageFigures]
    /// Rows of the log that could not be read and are left out of every figure, by table.
    public var damagedRows: [Tally] = []
}

func rate(_ part: Int, of whole: Int) -> Double {
    whole == 0 ? 0 : Double(part) / Double(whole)
}
