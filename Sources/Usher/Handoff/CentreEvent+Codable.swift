/// An event's stored form: its ``CentreEvent/kind`` and the values of that case, nothing else,
/// e.g. `{"kind": "claimed", "agent": "alice", "ticket": {…}, "at": 30}` or
/// `{"kind": "released", "agent": "alice", "session": "c-1", "at": 90, "handle_seconds": 60}` or
/// `{"kind": "abandoned", "ticket": {…}, "exit": "goodbye", "at": 95}`.
///
/// Decoding is strict, because replaying a log that was half understood would rebuild a wrong
/// centre without a word: an unknown kind, a missing or extra key, an empty id, a capacity
/// below 1 or a time that is not finite is an error.
extension CentreEvent: Codable {
    /// The kinds, in the order the cases are declared.
    public static let kinds = [
        "queued", "joined", "left", "claimed", "said", "transferred", "released", "closed", "forgotten",
        "abandoned",
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StrictCodingKey.self)
        let kind = try container.tag("kind")
        guard let keys = Self.keys[kind] else {
            throw DecodingError.dataCorruptedError(
                forKey: StrictCodingKey("kind"), in: container,
                debugDescription: "unknown contact-centre event kind \"\(kind)\"; the kinds are "
                    + Self.kinds.joined(separator: ", "))
        }
        try container.requireOnly(keys.union(["kind"]), in: "a \"\(kind)\" event")
        self = try Self.decode(kind, from: container)
    }

    /// The keys each kind has besides `kind`.
    private static let keys: [String: Set<String>] = [
        "queued": ["ticket"], "joined": ["agent", "queues", "capacity", "at"], "left": ["agent", "requeued", "at"],
        "claimed": ["agent", "ticket", "at"], "said": ["agent", "session", "text", "at"],
        "transferred": ["agent", "from", "to", "at"], "released": ["agent", "session", "at", "handle_seconds"],
        "closed": ["agent", "session", "at", "handle_seconds"], "forgotten": ["session", "at"],
        "abandoned": ["ticket", "exit", "at"],
    ]

    private static func decode(_ kind: String, from container: KeyedDecodingContainer<StrictCodingKey>) throws
        -> CentreEvent
    {
        let at = { try container.number("at") }
        switch kind {
        case "queued": return .queued(try container.value("ticket"))
        case "joined":
            let queues = try container.value("queues", as: [String].self)
            guard !queues.isEmpty, !queues.contains(where: \.isEmpty) else {
                throw DecodingError.dataCorruptedError(
                    forKey: StrictCodingKey("queues"), in: container,
                    debugDescription: "\"queues\" must name at least one queue, none empty")
            }
            return .joined(
                agent: try container.string("agent"), queues: queues,
                capacity: try container.integer("capacity", atLeast: 1), at: try at())
        case "left":
            return .left(agent: try container.string("agent"), requeued: try container.value("requeued"), at: try at())
        case "claimed":
            return .claimed(agent: try container.string("agent"), ticket: try container.value("ticket"), at: try at())
        case "said":
            return .said(
                agent: try container.string("agent"), session: try container.string("session"),
                text: try container.value("text"), at: try at())
        case "transferred":
            return .transferred(
                agent: try container.string("agent"), from: try container.value("from"),
                to: try container.value("to"), at: try at())
        case "released", "closed":
            let (agent, session) = (try container.string("agent"), try container.string("session"))
            let handle = try container.number("handle_seconds", atLeast: 0)
            return kind == "released"
                ? .released(agent: agent, session: session, at: try at(), handleSeconds: handle)
                : .closed(agent: agent, session: session, at: try at(), handleSeconds: handle)
        case "abandoned":
            let exit = try container.string("exit")
            guard let way = QueueExit(rawValue: exit) else {
                throw DecodingError.dataCorruptedError(
                    forKey: StrictCodingKey("exit"), in: container,
                    debugDescription: "unknown way of leaving the queue \"\(exit)\"; the ways are "
                        + QueueExit.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return .abandoned(ticket: try container.value("ticket"), exit: way, at: try at())
        default: return .forgotten(session: try container.string("session"), at: try at())
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StrictCodingKey.self)
        try container.encode(kind, at: "kind")
        switch self {
        case .queued(let ticket): try container.encode(ticket, at: "ticket")
        case .joined(let agent, let queues, let capacity, _):
            try container.encode(agent, at: "agent")
            try container.encode(queues, at: "queues")
            try container.encode(capacity, at: "capacity")
        case .left(let agent, let requeued, _):
            try container.encode(agent, at: "agent")
            try container.encode(requeued, at: "requeued")
        case .claimed(let agent, let ticket, _):
            try container.encode(agent, at: "agent")
            try container.encode(ticket, at: "ticket")
        case .said(let agent, let session, let text, _):
            try container.encode(agent, at: "agent")
            try container.encode(session, at: "session")
            try container.encode(text, at: "text")
        case .transferred(let agent, let from, let to, _):
            try container.encode(agent, at: "agent")
            try container.encode(from, at: "from")
            try container.encode(to, at: "to")
        case .released(let agent, let session, _, let handle), .closed(let agent, let session, _, let handle):
            try container.encode(agent, at: "agent")
            try container.encode(session, at: "session")
            try container.encode(handle, at: "handle_seconds")
        case .forgotten(let session, _): try container.encode(session, at: "session")
        case .abandoned(let ticket, let exit, _):
            try container.encode(ticket, at: "ticket")
            try container.encode(exit.rawValue, at: "exit")
        }
        if case .queued = self { return }
        try container.encode(at, at: "at")
    }
}
