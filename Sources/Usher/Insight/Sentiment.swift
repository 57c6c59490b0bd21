/// How a customer message feels, in [-1, 1], and the cues that decided it.
///
/// The cues are the customer's own words ("still waiting", "not happy", "shouting"), so that a
/// handoff summary can tell the agent why a conversation was flagged, and tests can check why a
/// score came out as it did.
public struct Sentiment: Sendable, Equatable {
    /// From -1 (furious) through 0 (neutral) to 1 (delighted).
    public var score: Double
    /// What moved the score, in the order it appears in the message.
    public var cues: [String]

    public init(score: Double, cues: [String]) {
        self.score = score
        self.cues = cues
    }

    /// Whether the message reads as upset enough to act on: escalate, or warn the agent.
    public var isNegative: Bool { score <= -0.25 }

    /// Whether the message reads as satisfied; the mirror of ``isNegative``.
    public var isPositive: Bool { score >= 0.25 }

    /// A message with nothing in it that carries feeling.
    public static let neutral = Sentiment(score: 0, cues: [])
}
