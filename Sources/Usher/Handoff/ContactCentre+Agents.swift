extension ContactCentre {
    /// The agent id that names no one: what `usher chat` plays the agent as without `--agent`,
    /// and what a gateway may send for a person it knows no name of. A customer is never told
    /// "You are now talking to agent."
    public static let unnamedAgent = "agent"

    /// The name a customer is told for `agent`, or `nil` when the id names no one (the
    /// customer is then told of "an agent", in their language).
    public static func displayName(of agent: String) -> String? {
        agent.lowercased() == unnamedAgent ? nil : agent
    }
}
