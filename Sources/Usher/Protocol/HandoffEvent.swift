/// What the integrating program must deliver: a message to a customer or to an agent.
public enum HandoffEvent: Sendable, Equatable {
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
