/// Messages the bot did not understand that say the same thing, as the author's inbox shows
/// them: the most frequent wording, how many messages, every distinct wording, and the intent
/// that came closest.
public struct UnmatchedGroup: Sendable, Equatable {
    public var representative: String
    /// Messages in the group, repeats included.
    public var count: Int
    /// Each distinct wording once, the most frequent first.
    public var texts: [String]
    /// The intent the matcher ranked first for the representative, however unsure, and how sure.
    public var closestIntent: String?
    public var confidence: Double
    /// What the author decided: an intent's name, `new:NAME`, or `ignore`; empty until then.
    public var label: String
    /// The language its messages are in, when known (every message of a group is in one).
    public var language: String?

    public init(
        representative: String, count: Int, texts: [String], closestIntent: String?, confidence: Double,
        label: String = "", language: String? = nil
    ) {
        self.language = language
        self.representative = representative
        self.count = count
        self.texts = texts
        self.closestIntent = closestIntent
        self.confidence = confidence
        self.label = label
    }
}
