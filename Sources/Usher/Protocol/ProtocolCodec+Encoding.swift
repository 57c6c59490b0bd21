import Foundation

extension ProtocolCodec {
    /// The response to a customer message.
    public static func encode(_ turn: TurnResult, id: JSONValue?) -> String {
        encode(turn, id: id, status: "bot", handoff: nil, events: [])
    }

    /// A turn's response with its conversation state (`bot`, `queued`, `agent`), queue place and events.
    ///
    /// Every served turn is written here, so the line is built in one string with room reserved
    /// for a typical answer, each value appended in place: joining temporary strings cost more
    /// instructions than the rest of the encoding.
    static func encode(_ turn: TurnResult, id: JSONValue?, status: String, handoff: QueueInfo?, events: [HandoffEvent])
        -> String
    {
        var output = "{"
        output.reserveCapacity(256)
        appendID(id, to: &output)
        output.append("\"session\": ")
        JSONWriter.appendString(turn.state.id, to: &output)
        output.append(", \"intent\": ")
        if let intent = turn.intent { JSONWriter.appendString(intent, to: &output) } else { output.append("null") }
        output.append(", \"confidence\": ")
        output.append(JSONWriter.number(turn.confidence))
        output.append(", \"slots\": ")
        appendObject(turn.state.slots, to: &output)
        output.append(", \"replies\": [")
        for (offset, reply) in turn.replies.enumerated() {
            if offset > 0 { output.append(", ") }
            JSONWriter.appendString(reply, to: &output)
        }
        output.append("]")
        // While the bot waits for an action's result, the line says so and repeats the call,
        // so a program that missed it (or restarted) can still run it.
        let state = turn.stateName(status)
        output.append(", \"state\": \"")
        output.append(state)
        output.append("\"")
        if state == "action", let pending = turn.state.pendingAction { output += ", \"action\": " + action(pending) }
        if let outcome = turn.outcome { output += ", \"outcome\": \(JSONWriter.string(outcome))" }
        if let handoff {
            output +=
                ", \"handoff\": {\"ticket\": \(handoff.ticket.number), \"queue\": \(JSONWriter.string(handoff.ticket.queue))"
            output +=
                ", \"position\": \(handoff.position), \"estimated_wait_seconds\": \(handoff.estimatedWaitSeconds.map { JSONWriter.number($0) } ?? "null")"
            output += ", " + reasonFields(handoff.ticket.reason) + "}"
        }
        if let expired = turn.expired { output += ", \"expired\": " + expiry(expired) }
        if !events.isEmpty { output += ", \"events\": [" + events.map(encode).joined(separator: ", ") + "]" }
        output.append("}")
        return output
    }

    /// `{"idle_seconds", "session_ttl", "forms", "slots", "action"}`: what the session this
    /// message found expired had dropped; and `"queue": {"queue", "ticket"}` when it was waiting
    /// for a person and lost its place (then `session_ttl` is the limit it outlived, the bot's
    /// `queue_idle_seconds`).
    static func expiry(_ expiry: SessionExpiry) -> String {
        "{\"idle_seconds\": \(JSONWriter.number(expiry.idleSeconds, digits: 3)), \"session_ttl\": \(expiry.ttl)"
            + ", \"forms\": [" + expiry.forms.map(form).joined(separator: ", ") + "], \"slots\": ["
            + expiry.slots.map(JSONWriter.string).joined(separator: ", ") + "], \"action\": "
            + (expiry.pendingAction.map(action) ?? "null")
            + (expiry.queue.map {
                ", \"queue\": {\"queue\": \(JSONWriter.string($0.queue)), \"ticket\": \($0.number)}"
            } ?? "") + "}"
    }

    /// `{"intent", "pending_slot", "reprompts"}`: a form in progress.
    private static func form(_ form: FormProgress) -> String {
        "{\"intent\": \(JSONWriter.string(form.intent)), \"pending_slot\": \(JSONWriter.string(form.pendingSlot)), \"reprompts\": \(form.reprompts)}"
    }

    public static func encode(_ error: ProtocolError) -> String {
        var output = "{"
        appendID(error.id, to: &output)
        return output
            + "\"error\": {\"code\": \(JSONWriter.string(error.code)), \"message\": \(JSONWriter.string(error.message))}}"
    }

    /// `{"session": …, "reset": true}`, with the agent's notice when a person held the session.
    public static func encodeReset(session: String, id: JSONValue?, events: [HandoffEvent] = []) -> String {
        var output = "{"
        appendID(id, to: &output)
        output += "\"session\": \(JSONWriter.string(session)), \"reset\": true"
        if !events.isEmpty { output += ", \"events\": [" + events.map(encode).joined(separator: ", ") + "]" }
        return output + "}"
    }

    public static func encodePong(id: JSONValue?) -> String {
        var output = "{"
        appendID(id, to: &output)
        return output + "\"pong\": true}"
    }

    /// A session's whole state, for `"type": "get"`; `null` when there is no such session. With
    /// it, where the contact centre has the session (`handoff`: waiting in a queue, or held by an
    /// agent, or `null` with the bot), so a gateway that lost an answer (a crash between commit
    /// and reply) can still learn who holds its customer.
    public static func encodeSession(
        _ state: SessionState?, session: String, handoff: SessionHandoffStatus? = nil, id: JSONValue?
    ) -> String {
        var output = "{"
        appendID(id, to: &output)
        output += "\"session\": \(JSONWriter.string(session)), \"found\": \(state != nil), \"handoff\": "
        switch handoff {
        case nil: output += "null"
        case .queued(let ticket):
            output +=
                "{\"status\": \"queued\", \"queue\": \(JSONWriter.string(ticket.queue)), \"ticket\": \(ticket.number)}"
        case .agent(let agent, let ticket):
            output +=
                "{\"status\": \"agent\", \"agent\": \(JSONWriter.string(agent)), \"queue\": \(JSONWriter.string(ticket.queue)), \"ticket\": \(ticket.number)}"
        }
        output += ", \"state\": "
        guard let state else { return output + "null}" }
        output += "{\"slots\": " + object(state.slots)
        output +=
            ", \"contexts\": {"
            + state.contexts.sorted { $0.key < $1.key }.map { "\(JSONWriter.string($0.key)): \($0.value)" }.joined(
                separator: ", ") + "}"
        output += ", \"forms\": [" + state.forms.map(form).joined(separator: ", ") + "]"
        output += ", \"consecutive_fallbacks\": \(state.consecutiveFallbacks), \"turns\": \(state.turns)"
        output += ", \"language\": " + JSONWriter.string(state.language) + ", \"metadata\": " + object(state.metadata)
        output +=
            ", \"created_at\": \(JSONWriter.number(state.createdAt, digits: 3)), \"updated_at\": \(JSONWriter.number(state.updatedAt, digits: 3))"
        output += ", \"action\": " + (state.pendingAction.map(action) ?? "null")
        output += ", \"history\": [" + state.history.map(turn).joined(separator: ", ") + "]}}"
        return output
    }

    private static func turn(_ turn: Turn) -> String {
        "{\"text\": \(JSONWriter.string(turn.text)), \"intent\": \(turn.intent.map(JSONWriter.string) ?? "null"), "
            + "\"confidence\": \(JSONWriter.number(turn.confidence)), \"replies\": ["
            + turn.replies.map(JSONWriter.string).joined(separator: ", ")
            + "], \"at\": \(JSONWriter.number(turn.at, digits: 3))}"
    }

    /// `{"name": …, "call": …, "slots": {…}, "timeout_seconds": …}`: the call the program must run.
    static func action(_ pending: PendingAction) -> String {
        "{\"name\": \(JSONWriter.string(pending.name)), \"call\": \(JSONWriter.string(pending.call)), \"slots\": "
            + object(pending.slots) + ", \"timeout_seconds\": \(pending.timeout)}"
    }

    /// `"reason": <the sentence>, "reason_code": <the stable code>`, as every handoff object writes them.
    static func reasonFields(_ reason: HandoffReason) -> String {
        "\"reason\": \(JSONWriter.string(reason.description)), \"reason_code\": \(JSONWriter.string(reason.code))"
    }

    static func object(_ values: [String: String]) -> String {
        var output = ""
        appendObject(values, to: &output)
        return output
    }

    /// `{"key": "value", …}` with the keys sorted, appended in place; most turns' slots are empty.
    static func appendObject(_ values: [String: String], to output: inout String) {
        output.append("{")
        for (offset, pair) in values.sorted(by: { $0.key < $1.key }).enumerated() {
            if offset > 0 { output.append(", ") }
            JSONWriter.appendString(pair.key, to: &output)
            output.append(": ")
            JSONWriter.appendString(pair.value, to: &output)
        }
        output.append("}")
    }

    private static func appendID(_ id: JSONValue?, to output: inout String) {
        guard let id else { return }
        output.append("\"id\": ")
        JSONWriter.append(id, to: &output)
        output.append(", ")
    }
}
