/// An action the bot called and waits for: kept in the session, its only owner, so a result
/// finds it in whichever process serves it next, and a restart loses no call in flight.
public struct PendingAction: Sendable, Equatable, Codable {
    /// The id the result must quote: the session and the turn that made the call, so a result
    /// meant for an earlier call (one that timed out or was cancelled) is never taken for this one.
    public var call: String
    /// The action's name, which the integrating program dispatches on.
    public var name: String
    /// The intent that made the call, whose replies answer the result.
    public var intent: String
    /// The values the call is made with: the intent's filled slots.
    public var slots: [String: String]
    /// When the call was made and how long the bot waits, in seconds of the injected clock.
    public var at: Double
    public var timeout: Int

    public init(call: String, name: String, intent: String, slots: [String: String], at: Double, timeout: Int) {
        self.call = call
        self.name = name
        self.intent = intent
        self.slots = slots
        self.at = at
        self.timeout = timeout
    }

    /// Whether the bot has stopped waiting: past the timeout, the next thing the session hears
    /// treats the call as failed.
    public func hasTimedOut(now: Double) -> Bool {
        now - at >= Double(timeout)
    }
}

/// What the integrating program reports of an action it ran.
public struct ActionResult: Sendable, Equatable {
    public var session: String
    /// The ``PendingAction/call`` it answers.
    public var call: String
    /// `found`, `not_found`, `failed` or another outcome the action's replies name.
    public var outcome: String
    /// The values it returned, which replies show as `{result.NAME}`.
    public var values: [String: String]
    /// Why the call failed, for the log and the agent (never shown to the customer).
    public var error: String?

    public init(
        session: String, call: String, outcome: String, values: [String: String] = [:], error: String? = nil
    ) {
        self.session = session
        self.call = call
        self.outcome = outcome
        self.values = values.filter { !Self.isBlank($0.value) }
        self.error = error
    }

    /// A result with values and no outcome of its own was found; one with neither was not.
    public static func outcome(for values: [String: String]) -> String {
        values.values.contains { !isBlank($0) } ? ActionDefinition.found : ActionDefinition.notFound
    }

    /// An empty or blank value is no value, as null is: backends often send `""` for a field they
    /// do not have, and the customer would read "Order AB123456 is ." The reply that needs it
    /// is skipped for one that does not.
    static func isBlank(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
}
