extension ProtocolCodec {
    /// A response to an agent request: `{"id": …, "agent": …, <fields>}`.
    static func encodeAgent(id: JSONValue?, agent: String, fields: [String]) -> String {
        var output = "{"
        if let id { output += "\"id\": " + JSONWriter.value(id) + ", " }
        return output + "\"agent\": \(JSONWriter.string(agent)), " + fields.joined(separator: ", ") + "}"
    }

    static func encode(_ summary: HandoffSummary) -> String {
        let transcript = summary.transcript.map { line in
            "{\"speaker\": \(JSONWriter.string(line.speaker)), \"text\": \(JSONWriter.string(line.text))"
                + (line.sentiment.map { ", \"sentiment\": \(JSONWriter.number($0, digits: 2))" } ?? "") + "}"
        }
        return "{\"reason\": \(JSONWriter.string(summary.reason)), \"queue\": \(JSONWriter.string(summary.queue)), "
            + "\"transcript\": [\(transcript.joined(separator: ", "))], "
            + "\"intents\": [\(summary.intents.map(JSONWriter.string).joined(separator: ", "))], "
            + "\"slots\": \(object(summary.slots)), \"sentiment_trend\": \(JSONWriter.string(summary.sentimentTrend)), "
            + "\"key_phrases\": [\(summary.keyPhrases.map(JSONWriter.string).joined(separator: ", "))], "
            + "\"next_steps\": [\(summary.nextSteps.map(JSONWriter.string).joined(separator: ", "))]}"
    }

    static func encodeQueues(_ centre: ContactCentre, id: JSONValue?, now: Double) -> String {
        var output = "{"
        if let id { output += "\"id\": " + JSONWriter.value(id) + ", " }
        let queues = centre.queueNames.map { queue -> String in
            let waiting = centre.order(of: queue, now: now).enumerated().map { offset, ticket in
                "{\"session\": \(JSONWriter.string(ticket.session)), \"ticket\": \(ticket.number), \"position\": \(offset + 1), "
                    + "\"priority\": \(ticket.effectivePriority(now: now, agingSeconds: centre.agingSeconds)), "
                    + "\"waited_seconds\": \(JSONWriter.number(now - ticket.queuedAt)), \"reason\": \(JSONWriter.string(ticket.reason))}"
            }
            let agents = centre.agents.values.filter { $0.queues.contains(queue) }.map(\.id).sorted()
            return "{\"queue\": \(JSONWriter.string(queue)), \"waiting\": [\(waiting.joined(separator: ", "))], "
                + "\"agents\": [\(agents.map(JSONWriter.string).joined(separator: ", "))]}"
        }
        return output + "\"queues\": [\(queues.joined(separator: ", "))]}"
    }
}
