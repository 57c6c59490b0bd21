import Usher

/// Shows a ``MatchResult`` to a bot author: the decision, the runner-ups and the evidence.
struct MatchRenderer {
    /// A label and its value, such as `("intent", "track_order")`.
    typealias Field = (label: String, value: String)

    /// Intents left out of a match because contexts they require were not active, with those contexts.
    typealias LeftOut = [(intent: String, contexts: [String])]

    func text(
        message: String, result: MatchResult, entities: [EntityMatch] = [], leftOut: LeftOut = [],
        keyword: String? = nil
    ) -> String {
        var fields = fields(result)
        if let keyword {
            fields.insert(
                ("handoff", "keyword \"\(keyword)\": in a conversation this hands off to a person, whatever matched"),
                at: 0)
        }
        if !entities.isEmpty {
            fields.append(("entities", entities.map { "\($0.type)=\($0.value)" }.joined(separator: ", ")))
        }
        if !leftOut.isEmpty {
            fields.append(
                (
                    "left out",
                    leftOut.map { "\($0.intent) (needs \($0.contexts.joined(separator: ", ")))" }.joined(
                        separator: ", ")
                        + "; --context NAME makes a context active"
                ))
        }
        return
            (["> \(message)"] + fields.map { $0.label.padding(toLength: 12, withPad: " ", startingAt: 0) + $0.value })
            .joined(separator: "\n")
    }

    /// The decision, the runner-ups and the evidence, for any channel to lay out.
    func fields(_ result: MatchResult) -> [Field] {
        var fields: [Field] = [("intent", result.intent ?? "(out of scope: fallback)")]
        if let negation = result.negation {
            fields.append(
                (
                    "negated",
                    "not \(negation.intent): \"\(negation.word)\" follows \"\(negation.cue)\", and none of its "
                        + "examples says it negated"
                ))
        }
        if case .outOfScope = result.evidence, let best = result.candidates.first {
            // Two numbers of two different things: said so, or "confidence 0.92, similarity
            // 0.65, out of scope" reads as a contradiction.
            fields.append(
                (
                    "confidence",
                    "\(String(format4: result.confidence)) for \(best.intent), the best intent (threshold "
                        + "\(String(format4: result.threshold))), which an out-of-scope example outranked "
                        + "(similarity \(String(format4: result.similarity)) to it)"
                ))
            return fields + candidates(result) + evidence(result.evidence)
        }
        if case .onlyEntities(let types) = result.evidence, let best = result.candidates.first {
            fields.append(
                (
                    "confidence",
                    "\(String(format4: result.confidence)) for \(best.intent), the best intent (threshold "
                        + "\(String(format4: result.threshold))), not chosen: the message is nothing but "
                        + "\(types.joined(separator: " and ")) entities, and no example of \(best.intent) is"
                ))
            return fields + candidates(result) + evidence(result.evidence)
        }
        fields.append(
            (
                "confidence",
                "\(String(format4: result.confidence)) (threshold \(String(format4: result.threshold)), "
                    + "similarity \(String(format4: result.similarity))"
                    + (result.centre.map {
                        ", known words \(String(format4: result.knownWords)), centre \(String(format4: $0))"
                    } ?? "") + ")"
            ))
        return fields + candidates(result) + evidence(result.evidence)
    }

    private func candidates(_ result: MatchResult) -> [Field] {
        guard !result.candidates.isEmpty else { return [] }
        return [
            (
                "candidates",
                result.candidates.map { "\($0.intent) \(String(format4: $0.score))" }.joined(separator: ", ")
            )
        ]
    }

    private func evidence(_ evidence: MatchResult.Evidence) -> [Field] {
        switch evidence {
        case .pattern(let source, let origin, let captures):
            var fields: [Field] = [("decided by", "pattern \"\(source)\" (\(origin))")]
            if !captures.isEmpty {
                fields.append(
                    (
                        "captured",
                        captures.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ", ")
                    ))
            }
            return fields
        case .similarity(let example, let origin, let words):
            var fields: [Field] = []
            if let example { fields.append(("closest", "\"\(example)\"" + (origin.map { " (\($0))" } ?? ""))) }
            if !words.isEmpty {
                fields.append(
                    ("words", words.map { "\($0.word) \(String(format: "%+.2f", $0.weight))" }.joined(separator: ", ")))
            }
            return fields
        case .noKnownWords:
            return [("decided by", "no word the bot knows")]
        case .onlyEntities(let types):
            return [("decided by", "only \(types.joined(separator: " and ")) entities, which ask for nothing")]
        case .outOfScope(let example, let origin):
            return [
                (
                    "decided by",
                    "out-of-scope example" + (example.map { " \"\($0)\"" } ?? "") + (origin.map { " (\($0))" } ?? "")
                )
            ]
        }
    }

    private func negation(_ negation: MatchResult.Negation?) -> String {
        guard let negation else { return "null" }
        let intent = JSONWriter.string(negation.intent)
        return
            "{\"intent\": \(intent), \"word\": \(JSONWriter.string(negation.word)), \"cue\": \(JSONWriter.string(negation.cue))}"
    }

    func json(
        message: String, result: MatchResult, entities: [EntityMatch] = [], leftOut: LeftOut = [],
        keyword: String? = nil
    ) -> String {
        var fields = [
            "\"text\": \(JSONWriter.string(message))",
            "\"handoff_keyword\": \(keyword.map(JSONWriter.string) ?? "null")",
            "\"intent\": \(result.intent.map(JSONWriter.string) ?? "null")",
            "\"confidence\": \(JSONWriter.number(result.confidence))",
            "\"similarity\": \(JSONWriter.number(result.similarity))",
            "\"known_words\": \(JSONWriter.number(result.knownWords))",
            "\"centre\": \(result.centre.map { JSONWriter.number($0) } ?? "null")",
            "\"negation\": \(negation(result.negation))",
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
        case .onlyEntities(let types):
            fields.append("\"only_entities\": [\(types.map(JSONWriter.string).joined(separator: ", "))]")
        case .outOfScope(let example, _):
            fields.append("\"out_of_scope_example\": \(example.map(JSONWriter.string) ?? "null")")
        }
        fields.append(
            "\"entities\": ["
                + entities.map {
                    "{\"type\": \(JSONWriter.string($0.type)), \"value\": \(JSONWriter.string($0.value))}"
                }
                .joined(separator: ", ") + "]")
        fields.append(
            "\"left_out\": ["
                + leftOut.map {
                    "{\"intent\": \(JSONWriter.string($0.intent)), \"needs\": [\($0.contexts.map(JSONWriter.string).joined(separator: ", "))]}"
                }.joined(separator: ", ") + "]")
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
