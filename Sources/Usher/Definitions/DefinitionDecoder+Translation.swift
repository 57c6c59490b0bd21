/// Files of `translations`: an intent's words in another language, and nothing that would make
/// the conversation behave differently in it.
extension DefinitionDecoder {
    static let translationKeys = ["name", "examples", "patterns", "responses", "slots", "confirm", "action"]
    static let slotTranslationKeys = ["prompt", "reprompt", "message"]
    static let actionTranslationKeys = ["say", "responses"]

    mutating func decodeTranslations(_ node: JSONNode, members: [String: JSONNode], into fragment: inout BotFragment) {
        if members["language"] == nil {
            report("translations", node, "a file of translations needs \"language\": the language they are in")
        }
        for key in ["intents", "settings", "entities"] where members[key] != nil {
            report(
                key, members[key]!,
                "a file of translations holds only \"language\", \"translations\", \"fallback\", \"queue_names\" and \"synonyms\"; \"\(key)\" belongs in the bot's own files"
            )
        }
        guard let list = array(node, path: "translations") else { return }
        fragment.translations = list.enumerated().compactMap { decodeTranslation($1, path: "translations[\($0)]") }
    }

    /// `"synonyms": {"product": {"phone": ["Handy", "Mobiltelefon"]}}`: more words for values of
    /// the bot's `values` entities, in the file's language.
    mutating func decodeSynonyms(_ node: JSONNode) -> [String: [String: [String]]] {
        guard case .object(let members) = node.value else {
            report("synonyms", node, "expected an object of entities, such as {\"product\": {\"phone\": [\"Handy\"]}}")
            return [:]
        }
        var synonyms: [String: [String: [String]]] = [:]
        for member in members {
            if let values = decodeValues(member.value, path: "synonyms.\(member.key)") {
                synonyms[member.key] = values
            }
        }
        return synonyms
    }

    private mutating func decodeTranslation(_ node: JSONNode, path: String) -> IntentTranslation? {
        guard let members = object(node, path: path, allowed: Self.translationKeys) else { return nil }
        guard let nameNode = members["name"] else {
            report(path, node, "a translation needs the \"name\" of the intent it translates")
            return nil
        }
        guard let name = string(nameNode, path: "\(path).name", nonEmpty: true) else { return nil }
        var translation = IntentTranslation(name: name, origin: origin(path, node))
        translation.textOrigins = textOrigins(members, path: path)
        translation.examples = members["examples"].map { decodeExamples($0, path: "\(path).examples") } ?? []
        translation.patterns = members["patterns"].map { decodePatterns($0, path: "\(path).patterns") } ?? []
        translation.responses = members["responses"].map { templates($0, path: "\(path).responses") } ?? []
        if let slots = members["slots"] {
            if case .object(let list) = slots.value {
                for slot in list {
                    let slotPath = "\(path).slots.\(slot.key)"
                    guard let fields = object(slot.value, path: slotPath, allowed: Self.slotTranslationKeys) else {
                        continue
                    }
                    translation.slots[slot.key] = SlotTranslation(
                        prompt: fields["prompt"].flatMap { template($0, path: "\(slotPath).prompt") },
                        reprompt: fields["reprompt"].flatMap { template($0, path: "\(slotPath).reprompt") },
                        message: fields["message"].flatMap { template($0, path: "\(slotPath).message") },
                        origin: origin(slotPath, slot.value))
                }
            } else {
                report("\(path).slots", slots, "expected an object of slots, found \(slots.value.kindDescription)")
            }
        }
        translation.confirmation = members["confirm"].flatMap { decodeConfirmation($0, path: "\(path).confirm") }
        if let action = members["action"],
            let fields = object(action, path: "\(path).action", allowed: Self.actionTranslationKeys)
        {
            translation.actionWaiting = fields["say"].flatMap { template($0, path: "\(path).action.say") }
            if let responses = fields["responses"] {
                translation.actionResponses = decodeOutcomes(responses, path: "\(path).action.responses")
            }
        }
        return translation
    }
}
