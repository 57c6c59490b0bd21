/// An agent or queue operation that was refused; nothing changed. The code is stable for
/// programs, the message is for people.
public struct HandoffError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    static func unknownAgent(_ agent: String) -> HandoffError {
        HandoffError(code: "unknown_agent", message: "no agent \"\(agent)\" has joined")
    }

    static func agentAlreadyJoined(_ agent: String) -> HandoffError {
        HandoffError(code: "agent_exists", message: "agent \"\(agent)\" has already joined")
    }

    static func unknownQueue(_ queue: String, known: [String]) -> HandoffError {
        HandoffError(
            code: "unknown_queue", message: "no queue \"\(queue)\"; the queues are \(known.joined(separator: ", "))")
    }

    static func emptyQueues(_ agent: String) -> HandoffError {
        HandoffError(code: "queue_empty", message: "no customer is waiting in the queues agent \"\(agent)\" serves")
    }

    static func atCapacity(_ agent: String, _ capacity: Int) -> HandoffError {
        HandoffError(
            code: "agent_full",
            message:
                "agent \"\(agent)\" already holds \(capacity) conversation\(capacity == 1 ? "" : "s"), their capacity")
    }

    static func notWaiting(_ session: String) -> HandoffError {
        HandoffError(code: "not_queued", message: "session \"\(session)\" is not waiting in a queue")
    }

    static func notServed(_ session: String, queue: String, agent: String) -> HandoffError {
        HandoffError(
            code: "wrong_queue",
            message: "session \"\(session)\" waits in \"\(queue)\", which agent \"\(agent)\" does not serve")
    }

    static func notHeld(_ session: String, agent: String) -> HandoffError {
        HandoffError(code: "not_held", message: "agent \"\(agent)\" does not hold session \"\(session)\"")
    }

    static func sameQueue(_ session: String, queue: String) -> HandoffError {
        HandoffError(
            code: "same_queue",
            message:
                "session \"\(session)\" came from \"\(queue)\": transfer it to another queue, or release it to the bot")
    }

    static func invalid(_ message: String) -> HandoffError {
        HandoffError(code: "invalid_request", message: message)
    }
}
