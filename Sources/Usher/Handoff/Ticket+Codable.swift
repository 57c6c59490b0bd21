/// A ticket's stored form, as contact-centre events carry it:
/// `{"number": 4, "session": "c-1", "queue": "general", "priority": 2, "reason": {…}, "queued_at": 30}`.
///
/// Strict, like every form a store reads back: a missing or extra key, an empty session or
/// queue, a number below 1 or a time that is not finite is an error.
extension Ticket {
    static let keys: Set<String> = ["number", "session", "queue", "priority", "reason", "queued_at"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StrictCodingKey.self)
        try container.requireOnly(Self.keys, in: "a ticket")
        self.init(
            number: try container.integer("number", atLeast: 1), session: try container.string("session"),
            queue: try container.string("queue"), priority: try container.value("priority"),
            reason: try container.value("reason"), queuedAt: try container.number("queued_at"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StrictCodingKey.self)
        try container.encode(number, at: "number")
        try container.encode(session, at: "session")
        try container.encode(queue, at: "queue")
        try container.encode(priority, at: "priority")
        try container.encode(reason, at: "reason")
        try container.encode(queuedAt, at: "queued_at")
    }
}
