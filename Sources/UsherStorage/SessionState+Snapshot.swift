import Usher

/// A session's stored form: the JSON that `Codable` reads back (same keys, nil values left out,
/// numbers that round-trip exactly), written by hand because the store writes one for every
/// session a batch changes and `JSONEncoder` spends several times as long on it.
extension SessionState {
    /// The session as compact JSON; `JSONDecoder` decodes it to an equal value.
    func snapshot() -> String {
        // "v": the snapshot's format, for a later Usher that reads it differently.
        var out = "{\"v\":1,\"id\":"
        out.reserveCapacity(256 + history.count * 128)
        JSONWriter.appendString(id, to: &out)
        out += ",\"slots\":"
        Self.append(slots, to: &out)
        out += ",\"contexts\":"
        Self.append(contexts, to: &out)
        out += ",\"history\":["
        for (index, turn) in history.enumerated() {
            if index > 0 { out += "," }
            Self.append(turn, to: &out)
        }
        out += "],\"forms\":["
        for (index, form) in forms.enumerated() {
            if index > 0 { out += "," }
            out += "{\"intent\":"
            JSONWriter.appendString(form.intent, to: &out)
            out += ",\"pendingSlot\":"
            JSONWriter.appendString(form.pendingSlot, to: &out)
            out += ",\"reprompts\":\(form.reprompts)}"
        }
        out += "]"
        if let pending = pendingAction {
            out += ",\"pendingAction\":{\"call\":"
            JSONWriter.appendString(pending.call, to: &out)
            out += ",\"name\":"
            JSONWriter.appendString(pending.name, to: &out)
            out += ",\"intent\":"
            JSONWriter.appendString(pending.intent, to: &out)
            out += ",\"slots\":"
            Self.append(pending.slots, to: &out)
            out += ",\"at\":\(Self.exact(pending.at)),\"timeout\":\(pending.timeout)}"
        }
        out += ",\"consecutiveFallbacks\":\(consecutiveFallbacks),\"turns\":\(turns),\"rotation\":"
        Self.append(rotation, to: &out)
        out += ",\"language\":"
        JSONWriter.appendString(language, to: &out)
        out += ",\"metadata\":"
        Self.append(metadata, to: &out)
        out += ",\"createdAt\":\(Self.exact(createdAt)),\"updatedAt\":\(Self.exact(updatedAt))}"
        return out
    }

    private static func append(_ turn: Turn, to out: inout String) {
        out += "{\"text\":"
        JSONWriter.appendString(turn.text, to: &out)
        if let intent = turn.intent {
            out += ",\"intent\":"
            JSONWriter.appendString(intent, to: &out)
        }
        out += ",\"confidence\":\(exact(turn.confidence)),\"replies\":["
        for (index, reply) in turn.replies.enumerated() {
            if index > 0 { out += "," }
            JSONWriter.appendString(reply, to: &out)
        }
        out += "],\"at\":\(exact(turn.at))"
        if let agent = turn.agent {
            out += ",\"agent\":"
            JSONWriter.appendString(agent, to: &out)
        }
        if let sentiment = turn.sentiment { out += ",\"sentiment\":\(exact(sentiment))" }
        if let action = turn.action {
            out += ",\"action\":"
            JSONWriter.appendString(action, to: &out)
        }
        out += "}"
    }

    private static func append(_ map: [String: Int], to out: inout String) {
        out += "{"
        for (index, (key, value)) in map.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { out += "," }
            JSONWriter.appendString(key, to: &out)
            out += ":\(value)"
        }
        out += "}"
    }

    private static func append(_ map: [String: String], to out: inout String) {
        out += "{"
        for (index, (key, value)) in map.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { out += "," }
            JSONWriter.appendString(key, to: &out)
            out += ":"
            JSONWriter.appendString(value, to: &out)
        }
        out += "}"
    }

    /// Swift's shortest representation that reads back to the same double; times and scores are
    /// always finite.
    private static func exact(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }
}
