/// Turns one parsed definition file into a ``BotFragment``, collecting every error on the way.
///
/// Each reader checks types and rejects unknown keys (with a "did you mean" hint), because a
/// misspelt key would otherwise switch a rule off without a word.
struct DefinitionDecoder: JSONReading {
    let file: String
    var errors: [DefinitionError] = []

    init(file: String) {
        self.file = file
    }

    static let topLevelKeys = [
        "language", "settings", "entities", "intents", "fallback", "translations", "queue_names", "synonyms",
    ]
    static let intentKeys = [
        "name", "examples", "patterns", "responses", "slots", "contexts", "resume", "handoff", "next_steps",
        "ends_conversation", "handoff_queue", "confirm", "action",
    ]
    static let confirmKeys = ["prompt", "denied"]
    static let actionKeys = ["name", "say", "responses", "timeout"]
    static let fallbackKeys = ["responses", "examples"]

    mutating func decodeFile(_ root: JSONNode) -> BotFragment {
        var fragment = BotFragment(file: file)
        guard let members = object(root, path: "", allowed: Self.topLevelKeys) else { return fragment }
        if let node = members["language"], let language = string(node, path: "language", nonEmpty: true) {
            fragment.language = (language, origin("language", node))
        }
        if let node = members["settings"] { fragment.settings = decodeSettings(node) }
        if let node = members["entities"] { fragment.entities = decodeEntities(node) }
        if let node = members["intents"], let list = array(node, path: "intents") {
            fragment.intents = list.enumerated().compactMap { decodeIntent($1, path: "intents[\($0)]") }
        }
        if let node = members["fallback"] { fragment.fallback = decodeFallback(node) }
        if let node = members["translations"] { decodeTranslations(node, members: members, into: &fragment) }
        if let node = members["queue_names"] {
            if members["translations"] == nil {
                report(
                    "queue_names", node,
                    "\"queue_names\" at the top level belongs in a file of translations; the bot's own go in settings.handoff.queue_names"
                )
            } else {
                fragment.queueNames = (queueNames(node, path: "queue_names", queues: nil), origin("queue_names", node))
                fragment.entryOrigins.merge(memberOrigins(node, path: "queue_names")) { first, _ in first }
            }
        }
        if let node = members["synonyms"] {
            if members["translations"] == nil {
                report(
                    "synonyms", node,
                    "\"synonyms\" belong in a file of translations; the bot's own are its entities' values")
            } else {
                fragment.synonyms = (decodeSynonyms(node), origin("synonyms", node))
                fragment.entryOrigins.merge(memberOrigins(node, path: "synonyms", levels: 2)) { first, _ in first }
            }
        }
        return fragment
    }

    // MARK: - Sections

    private mutating func decodeIntent(_ node: JSONNode, path: String) -> IntentDefinition? {
        let errorsBefore = errors.count
        guard let members = object(node, path: path, allowed: Self.intentKeys) else { return nil }
        guard let nameNode = members["name"] else {
            report(path, node, "an intent needs a \"name\"")
            return nil
        }
        guard let name = string(nameNode, path: "\(path).name", nonEmpty: true) else { return nil }
        if let problem = IntentName.problem(name) {
            report("\(path).name", nameNode, problem)
            return nil
        }
        let examples = members["examples"].map { decodeExamples($0, path: "\(path).examples") } ?? []
        let patterns = members["patterns"].map { decodePatterns($0, path: "\(path).patterns") } ?? []
        let responses = members["responses"].map { templates($0, path: "\(path).responses") } ?? []
        let slots = members["slots"].map { decodeSlots($0, path: "\(path).slots") } ?? []
        let contexts = members["contexts"].map { decodeContexts($0, path: "\(path).contexts") } ?? ContextRules()
        let resume = members["resume"].flatMap { boolean($0, path: "\(path).resume") } ?? true
        let handoff = members["handoff"].flatMap { decodeIntentHandoff($0, path: "\(path).handoff") }
        let nextSteps = members["next_steps"].map { strings($0, path: "\(path).next_steps") } ?? []
        let written = ["examples", "patterns"].contains { key in
            if case .array(let list) = members[key]?.value { !list.isEmpty } else { false }
        }
        if !written && errors.count == errorsBefore {
            report(path, node, "intent \"\(name)\" has no examples and no patterns, so nothing can match it")
        }
        var intent = IntentDefinition(
            name: name, examples: examples, patterns: patterns, responses: responses, slots: slots, contexts: contexts,
            resume: resume, handoff: handoff, nextSteps: nextSteps, origin: origin(path, node))
        intent.endsConversation =
            members["ends_conversation"].flatMap { boolean($0, path: "\(path).ends_conversation") } ?? false
        intent.handoffQueue = members["handoff_queue"].flatMap {
            string($0, path: "\(path).handoff_queue", nonEmpty: true)
        }
        intent.confirmation = members["confirm"].flatMap { decodeConfirmation($0, path: "\(path).confirm") }
        if intent.confirmation != nil && !slots.contains(where: \.required), let node = members["confirm"] {
            report("\(path).confirm", node, "only a form (an intent with required slots) can ask for a confirmation")
        }
        // A result's values exist only once the result is in: an example never has them. (The
        // texts the bot says are checked once the bot is merged, with their translations.)
        for example in examples
        where example.template.slotNames.contains(where: { $0.hasPrefix(ActionDefinition.resultPrefix) }) {
            errors.append(
                DefinitionError(
                    file: file, path: example.origin.path, location: example.origin.location,
                    message: ActionDefinition.resultsOutsideReplies))
        }
        intent.textOrigins = textOrigins(members, path: path)
        intent.action = members["action"].flatMap { decodeAction($0, path: "\(path).action") }
        if intent.action != nil && handoff != nil, let node = members["action"] {
            report(
                "\(path).action", node,
                "an intent that hands off cannot also call an action: the customer is with a person before the result comes"
            )
        }
        return intent
    }

    /// Where each text of an intent or translation (`members`, at `path`) was written.
    func textOrigins(_ members: [String: JSONNode], path: String) -> [String: DefinitionOrigin] {
        var origins: [String: DefinitionOrigin] = [:]
        for key in ["responses", "slots", "confirm", "action"] {
            guard let node = members[key] else { continue }
            origins.merge(stringOrigins(node, path: "\(path).\(key)")) { first, _ in first }
        }
        return origins
    }

    /// `{"found": [...], "not_found": [...], "failed": [...]}`: replies by outcome.
    mutating func decodeOutcomes(_ node: JSONNode, path: String) -> [String: [Template]] {
        guard case .object(let outcomes) = node.value else {
            report(
                path, node,
                "expected an object of outcomes and their replies, such as {\"found\": [\"…\"], \"not_found\": [\"…\"], \"failed\": [\"…\"]}, found \(node.value.kindDescription)"
            )
            return [:]
        }
        var responses: [String: [Template]] = [:]
        for outcome in outcomes {
            let outcomePath = "\(path).\(outcome.key)"
            guard identifier(outcome.value, key: outcome.key, path: outcomePath, what: "outcome") else { continue }
            let replies = templates(outcome.value, path: outcomePath)
            if replies.isEmpty, case .array = outcome.value.value {
                report(outcomePath, outcome.value, "an outcome needs at least one reply")
            }
            if !replies.isEmpty { responses[outcome.key] = replies }
        }
        return responses
    }

    private mutating func decodeAction(_ node: JSONNode, path: String) -> ActionDefinition? {
        guard let fields = object(node, path: path, allowed: Self.actionKeys) else { return nil }
        guard let nameNode = fields["name"] else {
            report(path, node, "an action needs a \"name\", which the integrating program dispatches on")
            return nil
        }
        guard let name = string(nameNode, path: "\(path).name", nonEmpty: true),
            identifier(nameNode, key: name, path: "\(path).name", what: "action")
        else { return nil }
        var action = ActionDefinition(name: name)
        action.waiting = fields["say"].flatMap { template($0, path: "\(path).say") }
        action.timeout = fields["timeout"].flatMap { integer($0, path: "\(path).timeout", in: 1...86_400) }
        if let responses = fields["responses"] {
            action.responses = decodeOutcomes(responses, path: "\(path).responses")
        }
        return action
    }

    mutating func decodeConfirmation(_ node: JSONNode, path: String) -> FormConfirmation? {
        guard let fields = object(node, path: path, allowed: Self.confirmKeys) else { return nil }
        guard let promptNode = fields["prompt"] else {
            report(path, node, "a confirmation needs a \"prompt\", the question that reads back the values")
            return nil
        }
        guard let prompt = template(promptNode, path: "\(path).prompt") else { return nil }
        let denied = fields["denied"].flatMap { template($0, path: "\(path).denied") }
        return FormConfirmation(prompt: prompt, denied: denied)
    }

    mutating func decodeExamples(_ node: JSONNode, path: String) -> [Example] {
        guard let list = array(node, path: path) else { return [] }
        return list.enumerated().compactMap { (offset, element) -> Example? in
            let elementPath = "\(path)[\(offset)]"
            guard let template = template(element, path: elementPath) else { return nil }
            guard template.literalText.hasWordCharacter else {
                report(elementPath, element, "an example needs at least one word")
                return nil
            }
            return Example(template: template, origin: origin(elementPath, element))
        }
    }

    mutating func decodePatterns(_ node: JSONNode, path: String) -> [Pattern] {
        guard let list = array(node, path: path) else { return [] }
        return list.enumerated().compactMap { (offset, element) -> Pattern? in
            let elementPath = "\(path)[\(offset)]"
            guard let source = string(element, path: elementPath, nonEmpty: true) else { return nil }
            do throws(Template.ParseError) {
                _ = try Pattern.parseElements(source)
            } catch {
                report(elementPath, element, error.message)
                return nil
            }
            return Pattern(source, origin: origin(elementPath, element))
        }
    }

    private mutating func decodeFallback(_ node: JSONNode) -> (FallbackDefinition, DefinitionOrigin)? {
        guard let members = object(node, path: "fallback", allowed: Self.fallbackKeys) else { return nil }
        let examples = members["examples"].map { decodeExamples($0, path: "fallback.examples") } ?? []
        for example in examples where !example.template.slotNames.isEmpty {
            errors.append(
                DefinitionError(
                    file: file, path: example.origin.path, location: example.origin.location,
                    message: "an out-of-scope example has no slots: {…} marks values of an intent's slots"))
        }
        guard let responsesNode = members["responses"] else {
            if members["examples"] != nil { return (FallbackDefinition(examples: examples), origin("fallback", node)) }
            report("fallback", node, "the fallback needs \"responses\" (or out-of-scope \"examples\")")
            return nil
        }
        let responses = templates(responsesNode, path: "fallback.responses")
        guard !responses.isEmpty else {
            if case .array(let list) = responsesNode.value, list.isEmpty {
                report("fallback.responses", responsesNode, "the fallback needs at least one response")
            }
            return nil
        }
        var fallback = FallbackDefinition(responses: responses, examples: examples)
        fallback.textOrigins = stringOrigins(responsesNode, path: "fallback.responses")
        return (fallback, origin("fallback", node))
    }
}

/// The rule for intent names: they appear in protocols, logs, command lines and test files, so
/// they hold no white space, control characters or braces; anything else a data set uses as a
/// label (`reverted_card_payment?`) is kept as it is.
public enum IntentName {
    public static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy(isAllowed)
    }

    /// Why `name` cannot name an intent, in the words the loader and `usher learn` both use;
    /// `nil` when it can.
    public static func problem(_ name: String) -> String? {
        isValid(name) ? nil : "invalid intent name \"\(name)\": no spaces, control characters or braces"
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        !(scalar.properties.isWhitespace || scalar.properties.generalCategory == .control || scalar == "{"
            || scalar == "}")
    }
}

extension Double {
    /// A number as an author would write it: `1` rather than `1.0`.
    var formatted: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
