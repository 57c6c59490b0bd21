/// Why the bot handed a conversation to a person.
///
/// A value rather than the sentence agents read, so programs can act on the reason (the
/// summary's next steps, a store's index) without parsing English. ``code`` is stable for
/// programs; ``description`` is the sentence for people, as the protocol has always written it.
///
/// ```swift
/// let reason = HandoffReason.fallbacks(2)
/// reason.code         // "fallbacks"
/// reason.description  // "2 fallbacks in a row"
/// ```
public enum HandoffReason: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The customer's message matched an intent that hands off.
    case intent(String)
    /// The message held one of `settings.handoff.keywords`, as written there.
    case keyword(String)
    /// A form's question went unanswered `answers` times in a row.
    case formFailed(form: String, answers: Int)
    /// The bot fell back this many times in a row.
    case fallbacks(Int)
    /// The customer's mean sentiment over their last `turns` messages fell below the limit.
    case sentiment(mean: Double, turns: Int)

    /// `intent`, `keyword`, `form_failed`, `fallbacks` or `sentiment`: stable, for programs.
    public var code: String {
        switch self {
        case .intent: "intent"
        case .keyword: "keyword"
        case .formFailed: "form_failed"
        case .fallbacks: "fallbacks"
        case .sentiment: "sentiment"
        }
    }

    /// The sentence an agent reads: "intent talk_to_human", "2 fallbacks in a row", …
    public var description: String {
        switch self {
        case .intent(let name): "intent \(name)"
        case .keyword(let keyword): "keyword \"\(keyword)\""
        case .formFailed(let form, let answers): "form \(form) failed: \(answers) answers it could not read"
        case .fallbacks(let count): "\(count) fallbacks in a row"
        case .sentiment(let mean, let turns):
            "negative sentiment (\(JSONWriter.number(mean, digits: 2)) over the last \(turns) turn\(turns == 1 ? "" : "s"))"
        }
    }
}
