/// A scripted conversation and what the bot must do at each turn: the unit of `usher test`.
///
/// ```json
/// {"conversations": [{"name": "order status", "turns": [
///   {"say": "where is order AB123456?", "intent": "order_status", "slots": {"order_id": "AB123456"},
///    "reply_contains": "AB123456"}]}]}
/// ```
public struct ConversationTest: Sendable {
    public var name: String
    public var session: String
    /// When the conversation starts, in seconds since 1970 (fixed, so dates in replies are stable).
    public var start: Double
    public var turns: [TestTurn]
    public var origin: DefinitionOrigin
    /// The language the customer writes in (`"lang"`), sent with every message as the protocol does.
    public var language: String?
    /// Where `"lang"` is written: a language the bot does not serve is an error there.
    public var languageOrigin: DefinitionOrigin?

    /// 2026-01-05 09:00 UTC, a Monday: the clock of a test that names no `"now"`.
    public static let defaultStart: Double = 1_767_603_600
}

/// One customer message (or one agent's step) in a test and the expectations on what the
/// customer is shown; unset ones are not checked.
public struct TestTurn: Sendable {
    /// The customer's message; for an agent's step, a label such as `ann: claim` for reports.
    public var say: String
    /// Set for an agent's step instead of a customer message.
    public var agent: TestAgentStep?
    /// Set for the result of the action the bot waits for, instead of a customer message: what
    /// the business's systems would answer (`{"result": {"values": {"status": "shipped"}}}`).
    public var result: TestActionResult?
    /// The action the turn must call (`.some(nil)`: none).
    public var action: String??
    public var meta: [String: String] = [:]
    /// Seconds the clock moves on before this message (to test expiry and relative dates).
    public var advance: Double = 0
    /// `.some(nil)` expects a fallback.
    public var intent: String??
    /// Where `intent` is written: an intent the bot does not have is an error there.
    public var intentOrigin: DefinitionOrigin?
    /// Where `action` is written: an action no intent of the bot calls is an error there.
    public var actionOrigin: DefinitionOrigin?
    /// Expected slot values; a `nil` value expects the slot to be empty.
    public var slots: [String: String?] = [:]
    /// Where each expected slot's name is written: a slot no intent of the bot has is an error there.
    public var slotOrigins: [String: DefinitionOrigin] = [:]
    public var reply: String?
    public var replyContains: String?
    public var replyMatches: String?
    public var state: String?
    public var origin: DefinitionOrigin
}

/// What an agent does in a conversation test, so handoffs, releases and transfers are tested
/// through the real contact centre: `{"agent": "ann", "does": "claim"}`, `{"agent": "ann",
/// "says": "…"}`, `{"agent": "ann", "does": "transfer", "queue": "claims"}`.
public struct TestAgentStep: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case claim
        case says(String)
        case transfer(queue: String)
        case release
        case close
    }

    public var agent: String
    public var kind: Kind

    public init(agent: String, kind: Kind) {
        self.agent = agent
        self.kind = kind
    }
}

/// An action result a conversation test supplies: the outcome (from the values when not
/// given, as in `usher serve`), the values, or the error of a failed call.
public struct TestActionResult: Sendable, Equatable {
    public var outcome: String
    public var values: [String: String]
    public var error: String?

    public init(outcome: String, values: [String: String] = [:], error: String? = nil) {
        self.outcome = outcome
        self.values = values
        self.error = error
    }
}

/// A file of conversation tests.
public struct ConversationTestSuite: Sendable {
    public var file: String
    public var conversations: [ConversationTest]
}
