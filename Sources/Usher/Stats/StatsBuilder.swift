/// Builds ``ConversationStats`` from the log, one record at a time, in time order: a store
/// streams its log through it, so a million turns never sit in memory at once.
///
/// A conversation is a session from its first customer message to its end (expiry, reset, an
/// agent's close); the log tells one from the next by the moment it began. For a period, the
/// scan hands it only the conversations that began in it, whole (``LogPeriod``), so the builder
/// counts what it is given.
public struct StatsBuilder: Sendable {
    struct ConversationKey: Hashable, Sendable {
        var session: String
        var start: Double
    }

    struct Conversation: Sendable {
        var day: String
        /// The session's language at its last turn that recorded one.
        var language: String?
        var turns = 0
        /// Customer turns the bot answered, and how many of them were fallbacks.
        var botTurns = 0
        var fallbacks = 0
        /// Bot turns that said nothing and handed nobody over, less those an action's result
        /// answered later (a call without a waiting message says nothing until then).
        var silent = 0
        var escalated = false
        var abandoned = false
        var customer: String?
        var intents: [String] = []
        /// The form open after the last turn, and the slot it waited for.
        var openForm: (form: String, slot: String?)?
    }

    /// Where a session stands with the contact centre, followed through its events.
    enum Place: Sendable {
        /// Waiting in `queue` since `since` (the ticket's time).
        case waiting(queue: String, since: Double)
        case held(agent: String, queue: String)
    }

    var conversations: [ConversationKey: Conversation] = [:]
    /// Each session's current conversation, so its end can be found.
    var current: [String: ConversationKey] = [:]
    var places: [String: Place] = [:]
    var first: Double?
    var last: Double?
    var decidedBy: [String: Int] = [:]
    var intents: [String: (turns: Int, confidence: Double)] = [:]
    var escalationReasons: [String: Int] = [:]
    var escalationQueues: [String: Int] = [:]
    var abandonedInQueue = 0
    var abandonedInForm = 0
    var funnels: [String: ConversationStats.Funnel] = [:]
    var actions: [String: [String: Int]] = [:]
    var queued: [String: Int] = [:]
    var waits: [String: [Double]] = [:]
    /// Waits that ended with the customer gone, per queue: how, and after how long.
    var leftWays: [String: [String: Int]] = [:]
    var leftTimes: [String: [Double]] = [:]
    var queueHandles: [String: [Double]] = [:]
    var agentHandles: [String: [Double]] = [:]
    var agentClaims: [String: Int] = [:]
    var agentTransfers: [String: Int] = [:]
    var transfersIn: [String: Int] = [:]
    var transfersOut: [String: Int] = [:]
    /// Known customers' conversations that began before the period, by customer: not counted,
    /// only the previous contact of a repeat in the period.
    var earlierContacts: [String: [Double]] = [:]
    /// Rows left out because they could not be read, by table.
    var damaged: [String: Int] = [:]

    public init() {}

    public mutating func add(_ record: LogRecord) {
        if case .earlierContact(let customer, let start) = record {
            earlierContacts[customer, default: []].append(start)
            return
        }
        first = min(first ?? record.at, record.at)
        last = max(last ?? record.at, record.at)
        switch record {
        case .turn(let turn): add(turn)
        case .event(let event): add(event)
        case .end(let end): add(end)
        case .damaged(let row): damaged[row.table, default: 0] += 1
        case .earlierContact: break
        }
    }

    private mutating func add(_ turn: TurnRecord) {
        let key = ConversationKey(session: turn.session, start: turn.conversationStart)
        if current[turn.session] != key { current[turn.session] = key }
        var conversation =
            conversations[key] ?? Conversation(day: CalendarDate.fromEpoch(seconds: turn.conversationStart).description)
        if let action = turn.action, let outcome = turn.actionOutcome {
            actions[action, default: [:]][outcome, default: 0] += 1
        }
        // A call settled (its result, or the bot giving up): the turn that made it, if it said
        // nothing, was waiting, not silent.
        if turn.action != nil { conversation.silent = max(0, conversation.silent - 1) }
        // An action's result is the business's systems answering, not the customer: it counts
        // toward no customer turn.
        if turn.decidedBy == .action {
            conversations[key] = conversation
            return
        }
        conversation.turns += 1
        conversation.customer = conversation.customer ?? turn.customer
        conversation.language = turn.language ?? conversation.language
        if let handoff = turn.handoff, !conversation.escalated {
            conversation.escalated = true
            escalationReasons[handoff.code, default: 0] += 1
            escalationQueues[turn.handoffQueue ?? "?", default: 0] += 1
        }
        if turn.decidedBy != .person {
            conversation.botTurns += 1
            if turn.decidedBy == .fallback { conversation.fallbacks += 1 }
            if turn.replies.isEmpty, turn.handoff == nil, [.pattern, .similarity, .form].contains(turn.decidedBy) {
                conversation.silent += 1
            }
            decidedBy[turn.decidedBy.rawValue, default: 0] += 1
        }
        if let intent = turn.intent, turn.decidedBy == .pattern || turn.decidedBy == .similarity {
            var volume = intents[intent, default: (0, 0)]
            volume.turns += 1
            volume.confidence += turn.confidence
            intents[intent] = volume
            conversation.intents.append(intent)
        }
        for event in turn.formEvents { add(event) }
        conversation.openForm = turn.form.map { ($0, turn.formSlot) }
        conversations[key] = conversation
    }

    private mutating func add(_ event: FormEvent) {
        var funnel = funnels[event.form] ?? ConversationStats.Funnel(form: event.form)
        switch event.kind {
        case .started: funnel.started += 1
        case .completed: funnel.completed += 1
        case .cancelled: funnel.cancelled += 1
        case .failed: funnel.failed += 1
        case .dropped: funnel.dropped += 1
        case .reprompted: funnel.reprompts[event.slot ?? "?", default: 0] += 1
        }
        if [.cancelled, .failed, .dropped].contains(event.kind) {
            funnel.stoppedAt[event.slot ?? "?", default: 0] += 1
        }
        funnels[event.form] = funnel
    }

    private mutating func add(_ event: CentreEvent) {
        switch event {
        case .queued(let ticket):
            places[ticket.session] = .waiting(queue: ticket.queue, since: ticket.queuedAt)
            queued[ticket.queue, default: 0] += 1
        case .claimed(let agent, let ticket, let at):
            places[ticket.session] = .held(agent: agent, queue: ticket.queue)
            waits[ticket.queue, default: []].append(max(0, at - ticket.queuedAt))
            agentClaims[agent, default: 0] += 1
        case .transferred(let agent, let from, let to, _):
            places[to.session] = .waiting(queue: to.queue, since: to.queuedAt)
            queued[to.queue, default: 0] += 1
            transfersOut[from.queue, default: 0] += 1
            transfersIn[to.queue, default: 0] += 1
            agentTransfers[agent, default: 0] += 1
        case .released(let agent, let session, _, let handle), .closed(let agent, let session, _, let handle):
            if case .held(_, let queue)? = places[session] { queueHandles[queue, default: []].append(handle) }
            agentHandles[agent, default: []].append(handle)
            places[session] = nil
        case .left(_, let requeued, _):
            for ticket in requeued { places[ticket.session] = .waiting(queue: ticket.queue, since: ticket.queuedAt) }
        case .abandoned(let ticket, let exit, let at):
            leftQueue(ticket.queue, way: exit.rawValue, after: at - ticket.queuedAt)
            abandon(ticket.session, inQueue: true)
            places[ticket.session] = nil
        case .forgotten(let session, let at):
            // A reset of a waiting customer: the gateway saw them go. (Logs from before
            // `abandoned` events recorded a customer who asked to leave this way too.)
            if case .waiting(let queue, let since)? = places[session] {
                leftQueue(queue, way: "reset", after: at - since)
                abandon(session, inQueue: true)
            }
            places[session] = nil
        case .joined, .said:
            break
        }
    }

    private mutating func add(_ end: SessionEnd) {
        defer { current[end.session] = nil }
        guard case .closed = end.reason else {
            if case .waiting? = places[end.session] {
                abandon(end.session, inQueue: true)
            } else if let key = current[end.session], let open = conversations[key]?.openForm {
                var funnel = funnels[open.form] ?? ConversationStats.Funnel(form: open.form)
                funnel.abandoned += 1
                funnel.stoppedAt[open.slot ?? "?", default: 0] += 1
                funnels[open.form] = funnel
                abandon(end.session, inQueue: false)
            }
            return
        }
    }

    private mutating func leftQueue(_ queue: String, way: String, after seconds: Double) {
        leftWays[queue, default: [:]][way, default: 0] += 1
        leftTimes[queue, default: []].append(max(0, seconds))
    }

    private mutating func abandon(_ session: String, inQueue: Bool) {
        guard let key = current[session], var conversation = conversations[key], !conversation.abandoned else { return }
        conversation.abandoned = true
        conversations[key] = conversation
        if inQueue { abandonedInQueue += 1 } else { abandonedInForm += 1 }
    }
}
