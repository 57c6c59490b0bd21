import Usher

/// Shows a ``MatchResult`` to a bot author: the decision, the runner-ups and the evidence.
struct MatchRenderer {
    func text(message: String, result: MatchResult) -> String {
        var lines = ["> \(message)"]
        let decision = result.intent.map { "intent      \($0)" } ?? "intent      (out of scope: fallback)"
        lines.append(decision)
        lines.append(
            "confidence  \(String(format4: result.confidence)) (threshold \(String(format4: result.threshold)), "
                + "similarity \(String(format4: result.similarity)))")
        if !result.candidates.isEmpty {
            let candidates = result.candidates.map { "\($0.intent) \(String(format4: $0.score))" }
            lines.append("candidates  " + candidates.joined(separator: ", "))
        }
        lines.append(contentsOf: evidence(result.evidence))
        return lines.joined(separator: "\n")
    }

    private func evidence(_ evidence: MatchResult.Evidence) -> [String] {
        switch evidence {
        case .pattern(let source, let origin, let captures):
            var lines = ["decided by  pattern \"\(source)\" (\(origin))"]
            if !captures.isEmpty {
                lines.append(
                    "captured    "
                        + captures.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(
                            separator: ", "))
            }
            return lines
        case .similarity(let example, let origin, let words):
            var lines: [String] = []
            if let example { lines.append("closest     \"\(example)\"" + (origin.map { " (\($0))" } ?? "")) }
            if !words.isEmpty {
                lines.append(
                    "words       "
                        + words.map { "\($0.word) \(String(format: "%+.2f", $0.weight))" }.joined(separator: ", "))
            }
            return lines
        case .noKnownWords:
            return ["decided by  no word the bot knows"]
        }
    }

    func json(message: String, result: MatchResult) -> String {
        var fields = [
            "\"text\": \(JSONWriter.string(message))",
            "\"intent\": \(result.intent.map(JSONWriter.string) ?? "null")",
            "\"confidence\": \(JSONWriter.number(result.confidence))",
            "\"similarity\": \(JSONWriter.number(result.similarity))",
            "\"candidates\": ["
                + result.candidates.map {
                    "{\"intent\": \(JSONWriter.string($0.intent)), \"score\": \(JSONWriter.number($0.score))}"
                }.joined(separator: ", ") + "]",
        ]
        switch result.evidence {
        case .pattern(let source, _, let captures):
            fields.append("\"pattern\": \(JSONWriter.string(source))")
            fields.append(
                "\"captures\": {"
                    + captures.sorted { $0.key < $1.key }.map {
                        "\(JSONWriter.string($0.key)): \(JSONWriter.string($0.value))"
                    }
                    .joined(separator: ", ") + "}")
        case .similarity(let example, _, let words):
            fields.append("\"example\": \(example.map(JSONWriter.string) ?? "null")")
            fields.append(
                "\"words\": ["
                    + words.map {
                        "{\"word\": \(JSONWriter.string($0.word)), \"weight\": \(JSONWriter.number($0.weight))}"
                    }
                    .joined(separator: ", ") + "]")
        case .noKnownWords:
            break
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
