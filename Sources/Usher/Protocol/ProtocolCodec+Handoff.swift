extension ProtocolCodec {
    /// The response to a customer message, with the conversation's state, queue place and events.
    public static func encode(_ turn: DeskTurn, id: JSONValue?) -> String {
        var handoff: QueueInfo? = nil
        if case .queued(let info) = turn.status { handoff = info }
        return encode(turn.turn, id: id, status: turn.status.name, handoff: handoff, events: turn.events)
    }

    /// The response to an agent request: `{"id": …, "agent": …, <what it did>}`; for
    /// `queue.list` `{"id": …, "queues": […]}`; for `queue.leave`
    /// `{"id": …, "session": …, "left_queue": true, "ticket": …, "queue": …, "waited_seconds": …, "events": […]}`.
    public static func encode(_ outcome: AgentOutcome, id: JSONValue?) -> String {
        switch outcome {
        case .joined(let agent, let capacity):
            return encodeAgent(id: id, agent: agent, fields: ["\"joined\": true", "\"capacity\": \(capacity)"])
        case .left(let agent, let requeued):
            let sessions = requeued.map(JSONWriter.string).joined(separator: ", ")
            return encodeAgent(id: id, agent: agent, fields: ["\"left\": true", "\"requeued\": [\(sessions)]"])
        case .claimed(let agent, let ticket, let summary, let events):
            return encodeAgent(
                id: id, agent: agent,
                fields: [
                    "\"session\": \(JSONWriter.string(ticket.session))", "\"ticket\": \(ticket.number)",
                    "\"queue\": \(JSONWriter.string(ticket.queue))", "\"summary\": " + encode(summary), encode(events),
                ])
        case .said(let agent, let session, let events):
            return encodeAgent(
                id: id, agent: agent, fields: ["\"session\": \(JSONWriter.string(session))", encode(events)])
        case .transferred(let agent, let session, let info, let events):
            return encodeAgent(
                id: id, agent: agent,
                fields: [
                    "\"session\": \(JSONWriter.string(session))", "\"queue\": \(JSONWriter.string(info.ticket.queue))",
                    "\"ticket\": \(info.ticket.number)", "\"position\": \(info.position)",
                    "\"estimated_wait_seconds\": \(info.estimatedWaitSeconds.map { JSONWriter.number($0) } ?? "null")",
                    encode(events),
                ])
        case .released(let agent, let session, let events):
            return encodeAgent(
                id: id, agent: agent,
                fields: ["\"session\": \(JSONWriter.string(session))", "\"released\": true", encode(events)])
        case .closed(let agent, let session, let events):
            return encodeAgent(
                id: id, agent: agent,
                fields: ["\"session\": \(JSONWriter.string(session))", "\"closed\": true", encode(events)])
        case .queues(let queues):
            return encodeQueues(queues, id: id)
        case .leftQueue(let session, let ticket, let waited, let events):
            var output = "{"
            if let id { output += "\"id\": " + JSONWriter.value(id) + ", " }
            return output + "\"session\": \(JSONWriter.string(session)), \"left_queue\": true, "
                + "\"ticket\": \(ticket.number), \"queue\": \(JSONWriter.string(ticket.queue)), "
                + "\"waited_seconds\": \(JSONWriter.number(waited)), " + encode(events) + "}"
        }
    }

    private static func encodeAgent(id: JSONValue?, agent: String, fields: [String]) -> String {
        var output = "{"
        if let id { output += "\"id\": " + JSONWriter.value(id) + ", " }
        return output + "\"agent\": \(JSONWriter.string(agent)), " + fields.joined(separator: ", ") + "}"
    }

    private static func encode(_ events: [HandoffEvent]) -> String {
        "\"events\": [" + events.map(encode).joined(separator: ", ") + "]"
    }

    static func encode(_ summary: HandoffSummary) -> String {
        let transcript = summary.transcript.map { line in
            "{\"speaker\": \(JSONWriter.string(line.speaker)), \"text\": \(JSONWriter.string(line.text))"
                + (line.sentiment.map { ", \"sentiment\": \(JSONWriter.number($0, digits: 2))" } ?? "") + "}"
        }
        let transfer = summary.transfer.map { transfer in
            "\"transferred\": {\"agent\": \(JSONWriter.string(transfer.agent)), "
                + "\"from\": \(JSONWriter.string(transfer.queue)), \"at\": \(JSONWriter.number(transfer.at))}, "
        }
        return "{" + reasonFields(summary.reason) + ", \"queue\": \(JSONWriter.string(summary.queue)), "
            + (transfer ?? "") + "\"transcript\": [\(transcript.joined(separator: ", "))], "
            + "\"intents\": [\(summary.intents.map(JSONWriter.string).joined(separator: ", "))], "
            + "\"slots\": \(object(summary.slots)), \"sentiment_trend\": \(JSONWriter.string(summary.sentimentTrend)), "
            + "\"key_phrases\": [\(summary.keyPhrases.map(JSONWriter.string).joined(separator: ", "))], "
            + "\"next_steps\": [\(summary.nextSteps.map(JSONWriter.string).joined(separator: ", "))]}"
    }

    private static func encodeQueues(_ queues: [QueueView], id: JSONValue?) -> String {
        var output = "{"
        if let id { output += "\"id\": " + JSONWriter.value(id) + ", " }
        let encoded = queues.map { queue -> String in
            let waiting = queue.waiting.map { entry in
                "{\"session\": \(JSONWriter.string(entry.ticket.session)), \"ticket\": \(entry.ticket.number), "
                    + "\"position\": \(entry.position), \"priority\": \(entry.priority), "
                    + (entry.returned ? "\"returned\": true, " : "")
                    + "\"waited_seconds\": \(JSONWriter.number(entry.waitedSeconds)), "
                    + reasonFields(entry.ticket.reason) + "}"
            }
            return "{\"queue\": \(JSONWriter.string(queue.name)), \"waiting\": [\(waiting.joined(separator: ", "))], "
                + "\"agents\": [\(queue.agents.map(JSONWriter.string).joined(separator: ", "))]}"
        }
        return output + "\"queues\": [\(encoded.joined(separator: ", "))]}"
    }

    /// A message to deliver, as the `events` list writes it.
    static func encode(_ event: HandoffEvent) -> String {
        switch event {
        case .toCustomer(let session, let text):
            "{\"type\": \"to_customer\", \"session\": \(JSONWriter.string(session)), \"text\": \(JSONWriter.string(text))}"
        case .toAgent(let agent, let session, let text):
            "{\"type\": \"to_agent\", \"agent\": \(JSONWriter.string(agent)), \"session\": \(JSONWriter.string(session)), \"text\": \(JSONWriter.string(text))}"
        }
    }
}
