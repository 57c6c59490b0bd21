/// Joins the bot's conversations to the contact centre: queues handed-off sessions, tells
/// waiting customers their place, routes their messages to agents, and carries out agent
/// requests. Runs on one thread, in input order, after the turns of a batch.
struct HandoffDesk {
    var centre: ContactCentre
    let engine: DialogEngine

    init(engine: DialogEngine) {
        self.engine = engine
        let settings = engine.bot.settings.handoff
        centre = ContactCentre(queues: settings.queues, agingSeconds: Double(settings.agingSeconds))
    }

    /// The response line for a customer's turn, completed with queue position and events.
    mutating func finish(_ turn: TurnResult, id: JSONValue?, now: Double) -> String {
        let session = turn.state.id
        if let request = turn.handoff, centre.status(of: session) == nil {
            // The queue was validated at load time, so this cannot fail.
            let ticket =
                (try? centre.enqueue(
                    session: session, queue: request.queue, priority: request.priority, reason: request.reason, now: now
                ))
            return encodeQueued(turn, ticket: ticket, id: id, announce: true, now: now)
        }
        switch centre.status(of: session) {
        case .queued(let ticket)?:
            return encodeQueued(turn, ticket: ticket, id: id, announce: true, now: now)
        case .agent(let agent, _)?:
            let event = HandoffEvent.toAgent(agent: agent, session: session, text: turn.state.history.last?.text ?? "")
            return ProtocolCodec.encode(turn, id: id, status: "agent", handoff: nil, events: [event])
        case nil:
            return ProtocolCodec.encode(turn, id: id)
        }
    }

    private mutating func encodeQueued(_ turn: TurnResult, ticket: Ticket?, id: JSONValue?, announce: Bool, now: Double)
        -> String
    {
        guard let ticket else { return ProtocolCodec.encode(turn, id: id) }
        let position = centre.position(of: ticket.session, now: now) ?? 1
        let wait = centre.estimatedWait(queue: ticket.queue, position: position)
        var result = turn
        result.replies.append(Self.announcement(position: position, wait: wait))
        let info = QueueInfo(ticket: ticket, position: position, estimatedWaitSeconds: wait)
        return ProtocolCodec.encode(result, id: id, status: "queued", handoff: info, events: [])
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

/// Where a waiting customer stands, as the protocol reports it.
struct QueueInfo {
    var ticket: Ticket
    var position: Int
    var estimatedWaitSeconds: Double
}

/// What the integrating program must deliver: a message to a customer or to an agent.
enum HandoffEvent {
    case toCustomer(session: String, text: String)
    case toAgent(agent: String, session: String, text: String)

    var json: String {
        switch self {
        case .toCustomer(let session, let text):
            "{\"type\": \"to_customer\", \"session\": \(JSONWriter.string(session)), \"text\": \(JSONWriter.string(text))}"
        case .toAgent(let agent, let session, let text):
            "{\"type\": \"to_agent\", \"agent\": \(JSONWriter.string(agent)), \"session\": \(JSONWriter.string(session)), \"text\": \(JSONWriter.string(text))}"
        }
    }
}
