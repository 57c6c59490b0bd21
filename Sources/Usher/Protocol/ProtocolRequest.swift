/// One line of `usher serve`'s input, decoded.
public enum ProtocolRequest: Sendable, Equatable {
    /// A customer message (no `"type"`, or `"type": "message"`).
    case message(id: JSONValue?, CustomerMessage)
    /// What the integrating program's run of an action gave.
    case actionResult(id: JSONValue?, ActionResult)
    /// Forget a session.
    case reset(id: JSONValue?, session: String)
    /// Return a session's state.
    case get(id: JSONValue?, session: String)
    /// Check the server is alive.
    case ping(id: JSONValue?)
    /// An agent's operation, `queue.list` or `queue.leave`.
    case agent(id: JSONValue?, AgentRequest)

    /// The request's `id`, echoed in its response.
    public var id: JSONValue? {
        switch self {
        case .message(let id, _), .actionResult(let id, _), .reset(let id, _), .get(let id, _), .ping(let id),
            .agent(let id, _):
            id
        }
    }
}

/// What an agent asks of the contact centre, or a supervisor (`queue.list`), or the gateway for
/// its customer (`queue.leave`).
public enum AgentRequest: Sendable, Equatable {
    case join(agent: String, queues: [String], capacity: Int)
    case leave(agent: String)
    /// The next eligible session, or `session` when given.
    case claim(agent: String, session: String?)
    case say(agent: String, session: String, text: String)
    case transfer(agent: String, session: String, queue: String)
    /// Back to the bot.
    case release(agent: String, session: String)
    /// The conversation is over.
    case close(agent: String, session: String)
    case queueList
    /// The waiting customer left the queue: the gateway saw them close the chat, or they pressed
    /// its "stop waiting" button. Refused (`not_queued`) when the session does not wait.
    case leaveQueue(session: String)
}

/// A line that could not be served, with a stable machine-readable code and a message for people.
public struct ProtocolError: Error, Sendable, Equatable {
    /// Codes: `invalid_json`, `invalid_utf8`, `line_too_long`, `invalid_request`, `unknown_type`,
    /// `unknown_call`.
    public var code: String
    public var message: String
    /// The request's id, when the line could be read that far.
    public var id: JSONValue?

    public init(code: String, message: String, id: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.id = id
    }

    public static func lineTooLong(bytes: Int, limit: Int) -> ProtocolError {
        ProtocolError(
            code: "line_too_long", message: "the line has \(bytes) bytes; the limit is \(limit) (see --max-line)")
    }
}
