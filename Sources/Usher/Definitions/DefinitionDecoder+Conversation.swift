/// The sections that shape conversations: settings, entities, slots and contexts.
extension DefinitionDecoder {
    typealias Setting = (key: String, origin: DefinitionOrigin, apply: @Sendable (inout BotSettings) -> Void)

    static let settingsKeys = [
        "threshold", "session_ttl", "max_reprompts", "history_turns", "handoff", "digression_threshold",
        "action_timeout",
    ]
    static let handoffSettingsKeys = [
        "queues", "after_fallbacks", "after_form_failed", "sentiment_below", "sentiment_turns", "keywords",
        "aging_seconds", "queue_idle_seconds",
        "intent_threshold", "queue_names",
    ]
    static let intentHandoffKeys = ["queue", "priority"]
    static let slotKeys = ["entity", "required", "prompt", "reprompt", "persist", "validate"]
    static let validationKeys = ["values", "min", "max", "regex", "message"]
    static let contextKeys = ["require", "set", "clear"]
    static let entityKeys = ["regex", "values", "case"]

    mutating func decodeSettings(_ node: JSONNode) -> [Setting] {
        guard let members = object(node, path: "settings", allowed: Self.settingsKeys) else { return [] }
        var settings: [Setting] = []
        for member in Self.settingsKeys {
            guard let value = members[member] else { continue }
            let path = "settings.\(member)"
            if let apply = setting(member, value, path: path) { settings.append((member, origin(path, value), apply)) }
        }
        return settings
    }

    private mutating func setting(_ key: String, _ value: JSONNode, path: String) -> (
        @Sendable (inout BotSettings) -> Void
    )? {
        switch key {
        case "threshold":
            guard let threshold = number(value, path: path, in: 0...1) else { return nil }
            return { $0.threshold = threshold }
        case "session_ttl":
            guard let seconds = integer(value, path: path, in: 1...31_536_000) else { return nil }
            return { $0.sessionTTL = seconds }
        case "handoff":
            guard let handoff = decodeHandoffSettings(value) else { return nil }
            return { $0.handoff = handoff }
        case "max_reprompts":
            guard let count = integer(value, path: path, in: 0...100) else { return nil }
            return { $0.maxReprompts = count }
        case "digression_threshold":
            guard let threshold = number(value, path: path, in: 0...1) else { return nil }
            return { $0.digressionThreshold = threshold }
        case "action_timeout":
            guard let seconds = integer(value, path: path, in: 1...86_400) else { return nil }
            return { $0.actionTimeout = seconds }
        default:
            guard let turns = integer(value, path: path, in: 1...10_000) else { return nil }
            return { $0.historyTurns = turns }
        }
    }

    mutating func decodeEntities(_ node: JSONNode) -> [(
        name: String, definition: EntityDefinition, origin: DefinitionOrigin
    )] {
        guard case .object(let members) = node.value else {
            report("entities", node, "expected an object, found \(node.value.kindDescription)")
            return []
        }
        return members.compactMap { member in
            let path = "entities.\(member.key)"
            guard identifier(member.value, key: member.key, path: path, what: "entity") else { return nil }
            guard let definition = decodeEntity(member.value, path: path) else { return nil }
            return (member.key, definition, origin(path, member.value))
        }
    }

    private mutating func decodeEntity(_ node: JSONNode, path: String) -> EntityDefinition? {
        guard let members = object(node, path: path, allowed: Self.entityKeys) else { return nil }
        switch (members["regex"], members["values"]) {
        case (let regex?, nil):
            var letterCase: LetterCase?
            if let node = members["case"] {
                letterCase = string(node, path: "\(path).case", nonEmpty: true).flatMap { name in
                    guard let found = LetterCase(rawValue: name) else {
                        report(
                            "\(path).case", node, "expected \"upper\" or \"lower\", found \(JSONWriter.string(name))")
                        return nil
                    }
                    return found
                }
            }
            return string(regex, path: "\(path).regex", nonEmpty: true).map {
                EntityDefinition.regex($0, letterCase: letterCase)
            }
        case (nil, let values?):
            if let node = members["case"] {
                report(
                    "\(path).case", node, "\"case\" is for regex entities: values are given as their keys are written")
            }
            return decodeValues(values, path: "\(path).values").map(EntityDefinition.values)
        default:
            report(path, node, "an entity needs exactly one of \"regex\" and \"values\"")
            return nil
        }
    }

    mutating func decodeValues(_ node: JSONNode, path: String) -> [String: [String]]? {
        guard case .object(let members) = node.value, !members.isEmpty else {
            report(path, node, "expected an object of values and their synonyms, such as {\"router\": [\"modem\"]}")
            return nil
        }
        var values: [String: [String]] = [:]
        for member in members {
            let valuePath = "\(path).\(member.key)"
            guard member.key.hasWordCharacter else {
                report(valuePath, member.value, "a value needs at least one word")
                continue
            }
            guard let list = array(member.value, path: valuePath) else { continue }
            values[member.key] = list.enumerated().compactMap {
                string($1, path: "\(valuePath)[\($0)]", nonEmpty: true)
            }
        }
        return values
    }

    mutating func decodeSlots(_ node: JSONNode, path: String) -> [SlotDefinition] {
        guard case .object(let members) = node.value else {
            report(path, node, "expected an object, found \(node.value.kindDescription)")
            return []
        }
        return members.compactMap { member in
            let slotPath = "\(path).\(member.key)"
            guard identifier(member.value, key: member.key, path: slotPath, what: "slot") else { return nil }
            guard let fields = object(member.value, path: slotPath, allowed: Self.slotKeys) else { return nil }
            guard let entityNode = fields["entity"] else {
                report(
                    slotPath, member.value,
                    "a slot needs an \"entity\" type, such as \"date\" or one of the bot's entities")
                return nil
            }
            guard let entity = string(entityNode, path: "\(slotPath).entity", nonEmpty: true) else { return nil }
            let required = fields["required"].flatMap { boolean($0, path: "\(slotPath).required") } ?? false
            let prompt = fields["prompt"].flatMap { template($0, path: "\(slotPath).prompt") }
            let reprompt = fields["reprompt"].flatMap { template($0, path: "\(slotPath).reprompt") }
            let persist = fields["persist"].flatMap { boolean($0, path: "\(slotPath).persist") } ?? false
            let validation = fields["validate"].flatMap {
                decodeValidation($0, path: "\(slotPath).validate", entity: entity, entityPath: "\(slotPath).entity")
            }
            if required && prompt == nil && fields["prompt"] == nil {
                report(slotPath, member.value, "a required slot needs a \"prompt\" to ask for it")
            }
            return SlotDefinition(
                name: member.key, entity: entity, required: required, prompt: prompt, reprompt: reprompt,
                persist: persist, validation: validation, origin: origin(slotPath, member.value))
        }
    }

    /// A range that no value of the slot's type could pass (a number range on a date, `min`
    /// above `max`) is refused, not accepted to fail every answer. `entityPath` is where the
    /// slot's type is written: when that type turns out unknown, its error says what to fix.
    mutating func decodeValidation(_ node: JSONNode, path: String, entity: String, entityPath: String)
        -> SlotValidation?
    {
        guard let fields = object(node, path: path, allowed: Self.validationKeys) else { return nil }
        let values = fields["values"].map { strings($0, path: "\(path).values") }
        let min = fields["min"].flatMap { bound($0, path: "\(path).min", entity: entity, entityPath: entityPath) }
        let max = fields["max"].flatMap { bound($0, path: "\(path).max", entity: entity, entityPath: entityPath) }
        if let min, let max, let low = min.order, let high = max.order, low > high, let node = fields["min"] {
            report("\(path).min", node, "\"min\" is above \"max\", so no value could pass")
        }
        let regex = fields["regex"].flatMap { string($0, path: "\(path).regex", nonEmpty: true) }
        let message = fields["message"].flatMap { template($0, path: "\(path).message") }
        do throws(RegexSyntaxError) {
            return try SlotValidation(values: values, min: min, max: max, regex: regex, message: message)
        } catch {
            report(
                "\(path).regex", fields["regex"] ?? node,
                "invalid regular expression: \"\(regex ?? "")\": \(error.message)")
            return nil
        }
    }

    /// A range's end: a number, an ISO day, or "today".
    mutating func bound(_ node: JSONNode, path: String, entity: String, entityPath: String) -> SlotValidation.Bound? {
        let numeric = ["number", "money"].contains(entity)
        guard numeric || entity == "date" else {
            report(path, node, "a range needs a number, money or date slot; this slot's type is \"\(entity)\"")
            // Of a type that does not exist ("Date"), only the type's own error is told.
            errors[errors.count - 1].followsFrom = [entityPath]
            return nil
        }
        switch node.value {
        case .number(let value) where numeric: return .number(value)
        case .string("today") where entity == "date": return .today
        case .string(let text) where entity == "date" && CalendarDate(iso: text) != nil:
            return .date(CalendarDate(iso: text)!)
        case .number:
            report(path, node, "a date slot's range takes a day such as \"2026-01-31\" or \"today\", not a number")
            return nil
        default:
            let found = if case .string(let text) = node.value { "\"\(text)\"" } else { node.value.kindDescription }
            if numeric {
                report(path, node, "a \(entity) slot's range takes a number; found \(found)")
            } else {
                report(path, node, "expected a number, a day such as \"2026-01-31\", or \"today\"; found \(found)")
            }
            return nil
        }
    }

    mutating func decodeContexts(_ node: JSONNode, path: String) -> ContextRules {
        guard let members = object(node, path: path, allowed: Self.contextKeys) else { return ContextRules() }
        var rules = ContextRules()
        rules.require = members["require"].map { contextNames($0, path: "\(path).require") } ?? []
        rules.clear = members["clear"].map { contextNames($0, path: "\(path).clear") } ?? []
        if let node = members["set"] {
            if case .object(let entries) = node.value {
                rules.set = entries.compactMap { entry in
                    let entryPath = "\(path).set.\(entry.key)"
                    guard identifier(entry.value, key: entry.key, path: entryPath, what: "context"),
                        let turns = integer(entry.value, path: entryPath, in: 1...1_000)
                    else { return nil }
                    return ContextLifespan(name: entry.key, turns: turns)
                }
            } else {
                report(
                    "\(path).set", node,
                    "expected an object of contexts and lifespans in turns, such as {\"confirming\": 2}")
            }
        }
        return rules
    }

    private mutating func contextNames(_ node: JSONNode, path: String) -> [String] {
        guard let list = array(node, path: path) else { return [] }
        return list.enumerated().compactMap { offset, element in
            let elementPath = "\(path)[\(offset)]"
            guard let name = string(element, path: elementPath, nonEmpty: true),
                identifier(element, key: name, path: elementPath, what: "context")
            else { return nil }
            return name
        }
    }

    private mutating func decodeHandoffSettings(_ node: JSONNode) -> HandoffSettings? {
        guard let members = object(node, path: "settings.handoff", allowed: Self.handoffSettingsKeys) else {
            return nil
        }
        var settings = HandoffSettings()
        if let queues = members["queues"] {
            let names = strings(queues, path: "settings.handoff.queues")
            if names.isEmpty {
                report("settings.handoff.queues", queues, "name at least one queue")
            } else {
                settings.queues = names
            }
        }
        if let value = members["after_fallbacks"] {
            settings.afterFallbacks =
                integer(value, path: "settings.handoff.after_fallbacks", in: 0...100) ?? settings.afterFallbacks
        }
        if let value = members["after_form_failed"] {
            settings.afterFormFailed =
                boolean(value, path: "settings.handoff.after_form_failed") ?? settings.afterFormFailed
        }
        if let value = members["sentiment_below"] {
            if case .null = value.value {
                settings.sentimentBelow = nil
            } else {
                settings.sentimentBelow =
                    number(value, path: "settings.handoff.sentiment_below", in: -1...1) ?? settings.sentimentBelow
            }
        }
        if let value = members["sentiment_turns"] {
            settings.sentimentTurns =
                integer(value, path: "settings.handoff.sentiment_turns", in: 1...100) ?? settings.sentimentTurns
        }
        if let value = members["keywords"] { settings.keywords = strings(value, path: "settings.handoff.keywords") }
        if let value = members["aging_seconds"] {
            settings.agingSeconds =
                integer(value, path: "settings.handoff.aging_seconds", in: 1...86_400) ?? settings.agingSeconds
        }
        if let value = members["queue_idle_seconds"] {
            settings.queueIdleSeconds =
                integer(value, path: "settings.handoff.queue_idle_seconds", in: 60...31_536_000)
                ?? settings.queueIdleSeconds
        }
        if let value = members["intent_threshold"] {
            settings.intentThreshold =
                number(value, path: "settings.handoff.intent_threshold", in: 0...1) ?? settings.intentThreshold
        }
        if let value = members["queue_names"] {
            settings.queueNames = queueNames(value, path: "settings.handoff.queue_names", queues: settings.queues)
        }
        return settings
    }

    mutating func decodeIntentHandoff(_ node: JSONNode, path: String) -> IntentHandoff? {
        guard let members = object(node, path: path, allowed: Self.intentHandoffKeys) else { return nil }
        guard let queueNode = members["queue"], let queue = string(queueNode, path: "\(path).queue", nonEmpty: true)
        else {
            if members["queue"] == nil { report(path, node, "a handoff needs a \"queue\"") }
            return nil
        }
        let priority = members["priority"].flatMap { integer($0, path: "\(path).priority", in: 0...100) } ?? 1
        return IntentHandoff(queue: queue, priority: priority)
    }

    /// Queue names for customers, by queue; with `queues`, each must be one of them (a
    /// translation's are checked once the bot is merged).
    mutating func queueNames(_ node: JSONNode, path: String, queues: [String]?) -> [String: String] {
        guard case .object(let list) = node.value else {
            report(path, node, "expected an object of queue names, found \(node.value.kindDescription)")
            return [:]
        }
        var names: [String: String] = [:]
        for member in list {
            if let queues, !queues.contains(member.key) {
                report("\(path).\(member.key)", member.value, HandoffSettings.unknownQueue(member.key, queues: queues))
                continue
            }
            if let name = string(member.value, path: "\(path).\(member.key)", nonEmpty: true) {
                names[member.key] = name
            }
        }
        return names
    }

    /// An array of non-empty strings.
    mutating func strings(_ node: JSONNode, path: String) -> [String] {
        guard let list = array(node, path: path) else { return [] }
        return list.enumerated().compactMap { string($1, path: "\(path)[\($0)]", nonEmpty: true) }
    }
}
