/// Turns a labelled data set into a bot: each label becomes an intent and its texts the examples.
///
/// Out-of-scope utterances are left out (a bot learns what it should answer; anything else is
/// out of scope by the threshold). Texts are written with braces escaped, so a `{` in the data
/// never becomes a slot marker.
public enum BotImporter {
    /// The bot's JSON text, intents in order of first appearance and examples in file order.
    public static func json(from utterances: [LabelledUtterance], language: String = "en") -> String {
        var order: [String] = []
        var examples: [String: [String]] = [:]
        var seen: [String: Set<String>] = [:]
        for utterance in utterances {
            guard let intent = utterance.intent else { continue }
            let text = utterance.text.trimmingWhitespace
            guard !text.isEmpty else { continue }
            if examples[intent] == nil { order.append(intent) }
            if seen[intent, default: []].insert(text).inserted {
                examples[intent, default: []].append(Template(segments: [.text(text)]).description)
            }
        }
        var output = "{\n  \"language\": \(JSONWriter.string(language)),\n  \"intents\": ["
        for (offset, intent) in order.enumerated() {
            output += offset == 0 ? "\n" : ",\n"
            output += "    {\n      \"name\": \(JSONWriter.string(IntentName.sanitized(intent))),\n      \"examples\": [\n"
            output += examples[intent, default: []].map { "        " + JSONWriter.string($0) }.joined(separator: ",\n")
            output += "\n      ]\n    }"
        }
        return output + "\n  ]\n}\n"
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
