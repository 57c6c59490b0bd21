/// Joins the bot's conversations to the contact centre: queues handed-off sessions, tells
/// waiting customers their place, routes their messages to agents, and carries out agent
/// requests. Runs on one thread, in input order, after the turns of a batch.
struct HandoffDesk {
    var centre: ContactCentre
    private(set) var engine: DialogEngine

    init(engine: DialogEngine) {
        self.engine = engine
        let settings = engine.bot.settings.handoff
        centre = ContactCentre(queues: settings.queues, agingSeconds: Double(settings.agingSeconds))
    }

    /// Uses a reloaded bot's engine, queues and aging from now on, keeping every ticket and agent.
    mutating func reload(_ engine: DialogEngine) {
        self.engine = engine
        let settings = engine.bot.settings.handoff
        centre.addQueues(settings.queues)
        centre.agingSeconds = Double(settings.agingSeconds)
    }

    /// A customer's turn completed by the contact centre: queued with its place when the turn
    /// hands off, routed to the agent who holds the session, or left with the bot.
    mutating func finish(_ turn: TurnResult, now: Double) -> DeskTurn {
        let session = turn.state.id
        if let request = turn.handoff, centre.status(of: session) == nil {
            // The queue was validated at load time, so this cannot fail.
            let ticket =
                (try? centre.enqueue(
                    session: session, queue: request.queue, priority: request.priority, reason: request.reason, now: now
                ))?.ticket
            return queued(turn, ticket: ticket, now: now)
        }
        switch centre.status(of: session) {
        case .queued(let ticket)?:
            return queued(turn, ticket: ticket, now: now)
        case .agent(let agent, _)?:
            let event = HandoffEvent.toAgent(agent: agent, session: session, text: turn.state.history.last?.text ?? "")
            return DeskTurn(turn: turn, status: .agent(agent), events: [event])
        case nil:
            return DeskTurn(turn: turn, status: .bot, events: [])
        }
    }

    private mutating func queued(_ turn: TurnResult, ticket: Ticket?, now: Double) -> DeskTurn {
        guard let ticket else { return DeskTurn(turn: turn, status: .bot, events: []) }
        let position = centre.position(of: ticket.session, now: now) ?? 1
        let wait = centre.estimatedWait(queue: ticket.queue, position: position)
        var result = turn
        result.replies.append(Self.announcement(position: position, wait: wait))
        let info = QueueInfo(ticket: ticket, position: position, estimatedWaitSeconds: wait)
        return DeskTurn(turn: result, status: .queued(info), events: [])
    }

    /// "You are number 2 in the queue; the estimated wait is about 3 minutes."
    static func announcement(position: Int, wait: Double) -> String {
        let minutes = Int((wait / 60).rounded(.up))
        let time =
            wait <= 0
            ? "an agent will be with you shortly"
            : "the estimated wait is about \(minutes) minute\(minutes == 1 ? "" : "s")"
        return "You are number \(position) in the queue; \(time)."
    }
}
