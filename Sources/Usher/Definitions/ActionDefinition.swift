/// A call to the business's own systems that an intent (or its form, once complete) makes
/// before it answers: look the order up, file the claim, check the policy.
///
/// Usher makes no network calls. `usher serve` answers the turn with the call
/// (`"state": "action"`), the integrating program runs it and sends the result back on the same
/// stream, and the bot answers from the result: the variant of the outcome (`found`,
/// `not_found`, `failed`, or any outcome the program reports), with `{result.NAME}` markers
/// filled from its values. That keeps the engine pure and replayable and puts the credentials,
/// retries and network where the business already has them, as Rasa's action server and
/// Dialogflow's fulfillment webhooks do.
public struct ActionDefinition: Sendable {
    /// The name the integrating program dispatches on, such as `lookup_order`.
    public var name: String
    /// Said while the call runs ("One moment while I look that up."); nothing when `nil`.
    public var waiting: Template?
    /// The replies by outcome. An outcome without its own falls back to the intent's
    /// `responses`; `failed` falls back to ``defaultFailed``.
    public var responses: [String: [Template]]
    /// Seconds the bot waits for the result before it gives up; the bot's
    /// `settings.action_timeout` when `nil`.
    public var timeout: Int?

    public init(name: String, waiting: Template? = nil, responses: [String: [Template]] = [:], timeout: Int? = nil) {
        self.name = name
        self.waiting = waiting
        self.responses = responses
        self.timeout = timeout
    }

    /// The outcome of a call that reported an error, or whose result never came in time.
    public static let failed = "failed"
    /// The outcome of a result with values and no outcome of its own.
    public static let found = "found"
    /// The outcome of a result with no values and no outcome of its own.
    public static let notFound = "not_found"

    /// What a failed call says when the intent has no `failed` reply of its own: never an
    /// invented answer.
    public static let defaultFailed = Template(segments: [
        .text("Sorry, I could not do that just now. Please try again in a moment, or ask for a person.")
    ])

    /// What a customer hears who writes while a call runs: the bot cannot answer anything else
    /// until the result is in, and says so rather than guess.
    public static let busyReply = Language.english.messages.busy

    /// The prefix of markers filled from a result's values: `{result.status}`.
    public static let resultPrefix = "result."

    /// What a `{result.NAME}` marker anywhere but in the replies to a result is told: the
    /// value never exists there.
    static let resultsOutsideReplies =
        "{result.…} is filled only in an action's replies (\"action\": {\"responses\": …})"

    /// Whether a result with `outcome` gets a reply: its own, `failed`'s built-in one, or the
    /// intent's `responses`.
    public func replies(to outcome: String, intentResponses: [Template]) -> Bool {
        !(responses[outcome] ?? []).isEmpty || outcome == Self.failed || !intentResponses.isEmpty
    }

    /// The outcomes with replies of their own, and `failed`, sorted.
    public var outcomesWithReplies: [String] {
        Set(responses.filter { !$0.value.isEmpty }.keys).union([Self.failed]).sorted()
    }
}
