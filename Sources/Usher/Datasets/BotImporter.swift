/// Turns a labelled data set into a bot: each label becomes an intent and its texts the examples.
///
/// Out-of-scope utterances (no label) become the fallback's out-of-scope examples: messages like
/// them are declined however much they share with an intent. Texts are written with braces
/// escaped, so a `{` in the data never becomes a slot marker.
public enum BotImporter {
    /// What `reply` writes in place of an intent's name.
    public static let intentMarker = "{intent}"

    /// The bot: intents in order of first appearance, examples in file order without repeats.
    /// Data sets carry no answers, so the intents have no responses unless `reply` gives each
    /// one (its ``intentMarker`` replaced by the intent's name): a bot to serve at once, to try
    /// a data set end to end, whose placeholder answers an author replaces later.
    public static func bot(from utterances: [LabelledUtterance], language: String = "en", reply: String? = nil)
        -> BotDefinition
    {
        var order: [String] = []
        var examples: [String: [Example]] = [:]
        var seen: [String: Set<String>] = [:]
        var outOfScope: [Example] = []
        var outOfScopeSeen: Set<String> = []
        for utterance in utterances {
            let text = utterance.text.trimmingWhitespace
            guard text.hasWordCharacter else { continue }
            // Out-of-scope lines teach the bot what to decline (`fallback.examples`).
            guard let label = utterance.intent else {
                if outOfScopeSeen.insert(text).inserted {
                    outOfScope.append(Example(template: Template(segments: [.text(text)])))
                }
                continue
            }
            let intent = IntentName.sanitized(label)
            if examples[intent] == nil { order.append(intent) }
            if seen[intent, default: []].insert(text).inserted {
                examples[intent, default: []].append(Example(template: Template(segments: [.text(text)])))
            }
        }
        return BotDefinition(
            language: language,
            intents: order.map { name in
                IntentDefinition(
                    name: name, examples: examples[name] ?? [],
                    responses: reply.map {
                        [Template(segments: [.text($0.replacing(intentMarker, with: name))])]
                    } ?? [])
            },
            fallback: FallbackDefinition(examples: outOfScope))
    }

    /// The bot's JSON text in the definition format, ready for an author to add responses.
    public static func json(from utterances: [LabelledUtterance], language: String = "en") -> String {
        json(for: bot(from: utterances, language: language))
    }

    /// A bot's intents and examples as definition JSON (patterns and responses included when present).
    public static func json(for bot: BotDefinition) -> String {
        var output = "{\n  \"language\": \(JSONWriter.string(bot.language)),\n  \"intents\": ["
        for (offset, intent) in bot.intents.enumerated() {
            output += offset == 0 ? "\n" : ",\n"
            output += "    {\n      \"name\": \(JSONWriter.string(intent.name)),\n"
            output += "      \"examples\": " + list(intent.examples.map(\.text))
            if !intent.patterns.isEmpty { output += ",\n      \"patterns\": " + list(intent.patterns.map(\.source)) }
            if !intent.responses.isEmpty {
                output += ",\n      \"responses\": " + list(intent.responses.map(\.description))
            }
            output += "\n    }"
        }
        output += "\n  ]"
        if !bot.fallback.examples.isEmpty {
            output += ",\n  \"fallback\": {\n    \"responses\": " + list(bot.fallback.responses.map(\.description))
            output += ",\n    \"examples\": " + list(bot.fallback.examples.map(\.text)) + "\n  }"
        }
        return output + "\n}\n"
    }

    private static func list(_ texts: [String]) -> String {
        "[\n" + texts.map { "        " + JSONWriter.string($0) }.joined(separator: ",\n") + "\n      ]"
    }
}

extension IntentName {
    /// A label made into a valid intent name: white space, control characters and braces become `_`.
    /// `usher eval` maps expected labels the same way, so an imported bot scores against its own data.
    public static func sanitized(_ label: String) -> String {
        String(String.UnicodeScalarView(label.unicodeScalars.map { isAllowed($0) ? $0 : "_" }))
    }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
