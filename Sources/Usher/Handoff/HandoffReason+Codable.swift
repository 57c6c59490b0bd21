/// A reason's stored form: its ``HandoffReason/code`` and the values of that case, nothing else,
/// e.g. `{"code": "intent", "intent": "talk_to_human"}` or
/// `{"code": "sentiment", "mean": -0.42, "turns": 3}`.
///
/// Decoding is strict, because a store reads back what it wrote: an unknown code, a missing or
/// extra key, an empty name or an impossible count is an error.
extension HandoffReason {
    /// The codes, in the order the cases are declared.
    public static let codes = ["intent", "keyword", "form_failed", "fallbacks", "sentiment"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StrictCodingKey.self)
        let code = try container.tag("code")
        let kind = "a \"\(code)\" handoff reason"
        switch code {
        case "intent":
            try container.requireOnly(["code", "intent"], in: kind)
            self = .intent(try container.string("intent"))
        case "keyword":
            try container.requireOnly(["code", "keyword"], in: kind)
            self = .keyword(try container.string("keyword"))
        case "form_failed":
            try container.requireOnly(["code", "form", "answers"], in: kind)
            self = .formFailed(
                form: try container.string("form"), answers: try container.integer("answers", atLeast: 1))
        case "fallbacks":
            try container.requireOnly(["code", "count"], in: kind)
            self = .fallbacks(try container.integer("count", atLeast: 1))
        case "sentiment":
            try container.requireOnly(["code", "mean", "turns"], in: kind)
            self = .sentiment(
                mean: try container.number("mean", in: -1...1), turns: try container.integer("turns", atLeast: 1))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: StrictCodingKey("code"), in: container,
                debugDescription: "unknown handoff reason code \"\(code)\"; the codes are "
                    + Self.codes.joined(separator: ", "))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StrictCodingKey.self)
        try container.encode(code, at: "code")
        switch self {
        case .intent(let name): try container.encode(name, at: "intent")
        case .keyword(let keyword): try container.encode(keyword, at: "keyword")
        case .formFailed(let form, let answers):
            try container.encode(form, at: "form")
            try container.encode(answers, at: "answers")
        case .fallbacks(let count): try container.encode(count, at: "count")
        case .sentiment(let mean, let turns):
            try container.encode(mean, at: "mean")
            try container.encode(turns, at: "turns")
        }
    }
}
