/// What the integrating program must deliver: a message to a customer or to an agent.
public enum HandoffEvent: Sendable, Equatable {
    case toCustomer(session: String, text: String)
    case toAgent(agent: String, session: String, text: String)

}
