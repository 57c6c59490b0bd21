import Usher

/// Something `usher eval` says about its data or bot besides the figures, because it changes
/// what they mean: the line on stderr for people, and a `"warnings"` entry in `--json` for
/// scripts, which would otherwise read figures whose data has a mislabelled intent as the bot's.
enum EvaluationWarning: Equatable {
    /// A label that names no intent, so its lines are all scored as misses.
    case unknownLabel(EvaluationCheck.UnknownLabel)
    /// Lines that read as another language than the one they are scored in.
    case otherLanguages(EvaluationCheck.OtherLanguages)
    /// Intents that match only after a context in a conversation, matched here as if it were active.
    case needsContext([String])

    /// The line on stderr; `data` is the data file, which a label's line is in.
    func line(data: String) -> String {
        switch self {
        case .unknownLabel(let unknown): "\(data):\(unknown.line): warning: \(unknown)"
        case .otherLanguages(let others): "usher eval: \(others)"
        case .needsContext: "usher eval: \(message)"
        }
    }

    /// The `"warnings"` entry of `--json`: the kind, the message as stderr says it, and its facts.
    var json: String {
        var fields = ["\"message\": \(JSONWriter.string(message))"]
        switch self {
        case .unknownLabel(let unknown):
            fields.insert("\"kind\": \"unknown_label\"", at: 0)
            fields += [
                "\"label\": \(JSONWriter.string(unknown.label))", "\"line\": \(unknown.line)",
                "\"lines\": \(unknown.count)",
                "\"suggestion\": \(unknown.suggestion.map(JSONWriter.string) ?? "null")",
            ]
        case .otherLanguages(let others):
            fields.insert("\"kind\": \"other_languages\"", at: 0)
            let counts = others.counts.map {
                "{\"language\": \(JSONWriter.string($0.language.rawValue)), \"lines\": \($0.lines)}"
            }
            fields += [
                "\"scored_in\": \(JSONWriter.string(others.scoredIn))", "\"lines\": \(others.lines)",
                "\"counts\": [\(counts.joined(separator: ", "))]",
            ]
        case .needsContext(let intents):
            fields.insert("\"kind\": \"needs_context\"", at: 0)
            fields.append("\"intents\": [\(intents.map(JSONWriter.string).joined(separator: ", "))]")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private var message: String {
        switch self {
        case .unknownLabel(let unknown): unknown.description
        case .otherLanguages(let others): others.description
        case .needsContext(let intents):
            "\(intents.joined(separator: ", ")) need\(intents.count == 1 ? "s" : "") a context in a conversation; "
                + "here they were matched as if it were active (usher match leaves them out unless --context names it)"
        }
    }
}
