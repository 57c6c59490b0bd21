/// One batch's work inside a store transaction: the sessions it reads, the contact centre as it
/// changes, and the log records and events that ``finish()`` hands to the store to commit.
struct Batch {
    let engine: DialogEngine
    var centre: ContactCentre
    let transaction: StoreTransaction
    let now: Double
    let shards: Int
    let masker: PIIMasker?
    /// Whether the store keeps turn records.
    let logs: Bool
    var work: SessionWork
    /// Sessions read from the store, to give back.
    private var read: Set<String> = []
    var turns: [TurnRecord] = []
    var events: [CentreEvent] = []
    /// Whether the batch has taken the contact centre from the store (``takeCentre()``).
    private var holdsCentre = false

    init(
        engine: DialogEngine, centre: ContactCentre, transaction: StoreTransaction, now: Double, shards: Int,
        masker: PIIMasker?, logs: Bool, expiries: [String: SessionExpiry] = [:]
    ) {
        self.engine = engine
        self.centre = centre
        self.transaction = transaction
        self.now = now
        self.shards = shards
        self.masker = masker
        self.logs = logs
        work = SessionWork(engine: engine, now: now, masker: masker, logs: logs)
        work.expiries = expiries
    }

    /// Reads the sessions among `ids` not read yet.
    mutating func load(_ ids: some Sequence<String>) throws {
        let missing = Array(Set(ids).subtracting(read))
        guard !missing.isEmpty else { return }
        let found = try transaction.sessions(missing)
        let unreadable = transaction.unreadable
        read.reserveCapacity(read.count + missing.count)
        work.sessions.reserveCapacity(work.sessions.count + missing.count)
        for id in missing {
            read.insert(id)
            if let problem = unreadable[id] {
                work.unreadable[id] = problem
            } else {
                work.sessions[id] = .some(found[id])
            }
        }
    }

    func attended(_ session: String) -> Bool { centre.status(of: session) != nil }

    /// Takes the contact centre from the store before the batch's first decision with it, and
    /// applies what other processes committed meanwhile. Their events cannot have changed the
    /// sessions this batch holds (every request that changes a session reads it first, and
    /// waits for this batch), so the turns already run stand.
    mutating func takeCentre() throws {
        guard !holdsCentre else { return }
        holdsCentre = true
        for event in try transaction.takeCentre() { centre.apply(event) }
    }

    /// Ends the sessions among `ids` that have expired.
    mutating func expire(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try load(ids)
        let centre = self.centre
        work.expire(ids) { centre.status(of: $0) != nil }
    }

    /// Takes the waiting customers among `ids` who have been silent for longer than the bot's
    /// `queue_idle_seconds` (since their last message or since they began waiting in their
    /// queue, whichever is later) out of the queue, abandoned (``QueueExit/idle``), and ends
    /// their sessions, both at the moment the limit ran out; the customers behind them move up.
    /// A customer an agent holds is never touched, and one who wrote or was claimed since the
    /// sweep looked keeps their place.
    mutating func dropIdleWaiting(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try load(ids)
        let limit = engine.bot.settings.handoff.queueIdleSeconds
        // Customers who wait long but write are read, not locked for: the contact centre is
        // taken (in PostgreSQL, locked) only when someone may have to leave.
        let silent = ids.filter { (work.sessions[$0] ?? nil)?.isIdle(now: now, ttl: limit) == true }
        guard !silent.isEmpty else { return }
        try takeCentre()
        for id in silent {
            guard case .queued(let ticket)? = centre.status(of: id), let state = work.sessions[id] ?? nil else {
                continue
            }
            let since = max(state.updatedAt, ticket.queuedAt)
            guard now - since > Double(limit) else { continue }
            events += try centre.abandon(session: id, exit: .idle, now: since + Double(limit)).events
            var expiry = SessionExpiry(state, ttl: limit, now: now, queue: ticket)
            (expiry.lastActive, expiry.idleSeconds) = (since, now - since)
            work.end(idle: id, expiry)
        }
    }

    /// The expiries still to tell once the batch is committed: those it was given and those its
    /// sweep found, but not those told or reset.
    func untoldExpiries() -> [String: SessionExpiry] {
        var untold = work.expiries
        for id in work.settledExpiries { untold.removeValue(forKey: id) }
        return untold
    }

    /// What the store must commit: every session changed, the rest given back as read.
    func finish() -> StoreChanges {
        var changes = StoreChanges()
        for (id, state) in work.sessions {
            if let state {
                if work.changed.contains(id) { changes.saved.append(state) } else { changes.unchanged.append(state) }
            } else if work.changed.contains(id) {
                changes.removed.append(id)
            }
        }
        changes.turns = turns
        changes.events = events
        // Input order, whichever thread served each request.
        changes.ends = work.ends.enumerated().sorted {
            ($0.element.request, $0.offset) < ($1.element.request, $1.offset)
        }
        .map(\.element.end)
        return changes
    }

    // MARK: Customers

    /// Runs a customer's turn and completes it with the contact centre.
    mutating func converse(_ message: CustomerMessage) throws -> DeskTurn {
        try load([message.session])
        try requireReadable(message.session)
        let attended = attended(message.session)
        return try complete(work.turn(message, attended: attended), message: message, attended: attended)
    }

    /// Answers an action's result (never for a session a person has: a handoff abandons the call).
    mutating func deliver(_ result: ActionResult) throws -> DeskTurn {
        try load([result.session])
        try requireReadable(result.session)
        let turn = try work.deliver(result).get()
        if logs {
            turns.append(
                record(turn, message: CustomerMessage(session: result.session, text: ""), status: .bot, attended: false)
            )
        }
        return DeskTurn(turn: turn, status: .bot, events: [])
    }

    /// Refuses a session the store holds but cannot read.
    func requireReadable(_ session: String) throws(SessionUnreadable) {
        if let problem = work.unreadable[session] { throw SessionUnreadable(session: session, message: problem) }
    }

    /// A turn completed by the contact centre: queued with its place when it hands off, routed
    /// to the agent who holds the session, or left with the bot; logged. `leaving`, when given,
    /// is ``DialogEngine/leavesQueue(_:)`` of the message, already decided on a worker
    /// (`.some(nil)`: it keeps the customer's place).
    mutating func complete(
        _ turn: TurnResult, message: CustomerMessage, attended: Bool, leaving: QueueExit?? = nil
    ) throws -> DeskTurn {
        try takeCentre()
        let session = message.session
        // What the centre says (the queue, leaving it) is said in the session's language.
        let messages = engine.serving(turn.state.language).messages
        var desk: DeskTurn
        if case .queued? = centre.status(of: session),
            let exit = leaving ?? engine.leavesQueue(message.text)
        {
            // The customer changed their mind or said goodbye: out of the queue (logged as
            // abandoned, and how), and back with the bot.
            events += try centre.abandon(session: session, exit: exit, now: now).events
            var result = turn
            result.replies = [exit == .goodbye ? messages.leftQueueGoodbye : messages.leftQueue]
            desk = DeskTurn(turn: result, status: .bot, events: [])
        } else if let request = turn.handoff, centre.status(of: session) == nil {
            // The queue was validated when the bot loaded, and a reload keeps every queue.
            let (ticket, queued) = try centre.enqueue(
                session: session, queue: request.queue, priority: request.priority, reason: request.reason, now: now)
            events += queued
            desk = waiting(turn, ticket: ticket, messages: messages)
        } else {
            switch centre.status(of: session) {
            case .queued(let ticket)?:
                desk = waiting(turn, ticket: ticket, messages: messages)
            case .agent(let agent, _)?:
                let event = HandoffEvent.toAgent(agent: agent, session: session, text: message.text)
                desk = DeskTurn(turn: turn, status: .agent(agent), events: [event])
            case nil:
                desk = DeskTurn(turn: turn, status: .bot, events: [])
            }
        }
        if logs { turns.append(record(desk.turn, message: message, status: desk.status, attended: attended)) }
        return desk
    }

    func record(_ turn: TurnResult, message: CustomerMessage, status: ConversationStatus, attended: Bool)
        -> TurnRecord
    {
        TurnRecord(
            turn, message: message, status: status, attended: attended, now: now, botVersion: engine.bot.version,
            masker: masker)
    }

    private mutating func waiting(_ turn: TurnResult, ticket: Ticket, messages: BuiltInMessages) -> DeskTurn {
        let position = centre.position(of: ticket.session, now: now) ?? 1
        let wait = centre.estimatedWait(queue: ticket.queue, position: position)
        var result = turn
        result.replies.append(Self.announcement(position: position, wait: wait, in: messages))
        let info = QueueInfo(ticket: ticket, position: position, estimatedWaitSeconds: wait)
        return DeskTurn(turn: result, status: .queued(info), events: [])
    }

    /// "You are number 2 in the queue; the estimated wait is about 3 minutes." With no agent
    /// serving the queue, it says so rather than invent a wait. The words are the bot's
    /// language's (``BuiltInMessages``).
    static func announcement(position: Int, wait: Double?, in messages: BuiltInMessages) -> String {
        guard let wait else { return messages.queuedWithoutAgent(position) }
        return messages.queued(position, wait <= 0 ? 0 : Int((wait / 60).rounded(.up)))
    }

    /// Forgets a session, here and in the contact centre.
    /// Returns what must be delivered: the agent who held the session is told the customer left.
    @discardableResult
    mutating func reset(_ session: String) throws -> [HandoffEvent] {
        try load([session])
        try takeCentre()
        work.end(session, reason: .reset)
        return forget(session)
    }

    /// Takes a reset session out of the contact centre; its agent, if it had one, is told.
    mutating func forget(_ session: String) -> [HandoffEvent] {
        let holder: String? = if case .agent(let agent, _)? = centre.status(of: session) { agent } else { nil }
        events += centre.forget(session: session, now: now)
        return holder.map { [.toAgent(agent: $0, session: session, text: Self.customerLeftLine)] } ?? []
    }

    /// What an agent is told when the customer they hold leaves (the gateway reset the session).
    static let customerLeftLine = "The customer left the conversation."

    /// A session's state as a reader sees it.
    mutating func current(_ session: String) throws -> SessionState? {
        try load([session])
        try requireReadable(session)
        return work.current(session, attended: attended(session))
    }
}
