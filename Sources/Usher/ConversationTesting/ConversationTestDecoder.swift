/// Reads conversation test files, reporting every mistake with file, line and JSON path.
public struct ConversationTestDecoder: JSONReading {
    public let file: String
    var errors: [DefinitionError] = []

    static let fileKeys = ["now", "conversations"]
    static let conversationKeys = ["name", "session", "now", "lang", "turns"]
    static let turnKeys = [
        "say", "meta", "advance", "intent", "slots", "reply", "reply_contains", "reply_matches", "state", "agent",
        "does", "says",
        "queue", "result", "action",
    ]
    static let resultKeys = ["outcome", "values", "error"]

    public init(file: String) {
        self.file = file
    }

    /// Parses and validates one test file.
    public static func load(_ bytes: [UInt8], file: String) throws(DefinitionErrors) -> ConversationTestSuite {
        try decode(bytes, file: file) { $0.decodeSuite($1) }
    }

    /// What could be read of one test file, with every mistake found in it: the bot's checks
    /// (``ConversationTestRunner/load(_:file:)``) then add theirs, so that one run names every
    /// mistake. The suite is `nil` when the file is no JSON.
    static func read(_ bytes: [UInt8], file: String) -> (suite: ConversationTestSuite?, errors: [DefinitionError]) {
        read(bytes, file: file) { $0.decodeSuite($1) }
    }

    /// Parses `bytes` and reads the value with `read`, reporting every mistake at once.
    static func decode<Value>(
        _ bytes: [UInt8], file: String, _ read: (inout ConversationTestDecoder, JSONNode) -> Value
    ) throws(DefinitionErrors) -> Value {
        let (value, errors) = Self.read(bytes, file: file, read)
        guard let value, errors.isEmpty else { throw DefinitionErrors(errors) }
        return value
    }

    private static func read<Value>(
        _ bytes: [UInt8], file: String, _ read: (inout ConversationTestDecoder, JSONNode) -> Value
    ) -> (Value?, [DefinitionError]) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return (nil, [DefinitionError(file: file, location: error.location, message: error.message)])
        }
        var decoder = ConversationTestDecoder(file: file)
        let value = read(&decoder, root)
        return (value, decoder.errors)
    }

    mutating func decodeSuite(_ root: JSONNode) -> ConversationTestSuite {
        var suite = ConversationTestSuite(file: file, conversations: [])
        guard let members = object(root, path: "", allowed: Self.fileKeys) else { return suite }
        let start = members["now"].flatMap { moment($0, path: "now") } ?? ConversationTest.defaultStart
        guard let list = members["conversations"].flatMap({ array($0, path: "conversations") }) else {
            if members["conversations"] == nil { report("", root, "a test file needs \"conversations\"") }
            return suite
        }
        if list.isEmpty { report("conversations", members["conversations"]!, "there are no conversations to run") }
        suite.conversations = list.enumerated().compactMap {
            decodeConversation($1, path: "conversations[\($0)]", start: start)
        }
        return suite
    }

    private mutating func decodeConversation(_ node: JSONNode, path: String, start: Double) -> ConversationTest? {
        // A conversation with a mistake is still read to the end, so that one run names every
        // mistake in it; the file then runs no test.
        guard let members = object(node, path: path, allowed: Self.conversationKeys) else { return nil }
        let name = members["name"].flatMap { string($0, path: "\(path).name", nonEmpty: true) } ?? ""
        if members["name"] == nil { report(path, node, "a conversation needs a \"name\"") }
        let session = members["session"].flatMap { string($0, path: "\(path).session", nonEmpty: true) } ?? "test"
        let begin = members["now"].flatMap { moment($0, path: "\(path).now") } ?? start
        let list = members["turns"].flatMap { array($0, path: "\(path).turns") }
        if members["turns"] == nil || list?.isEmpty == true {
            report(path, node, "a conversation needs \"turns\" with at least one turn")
        }
        let turns = (list ?? []).enumerated().compactMap { decodeTurn($1, path: "\(path).turns[\($0)]") }
        var test = ConversationTest(
            name: name, session: session, start: begin, turns: turns, origin: origin(path, node))
        if let lang = members["lang"] {
            test.language = string(lang, path: "\(path).lang", nonEmpty: true)
            test.languageOrigin = origin("\(path).lang", lang)
        }
        return test
    }

    private mutating func decodeTurn(_ node: JSONNode, path: String) -> TestTurn? {
        let errorsBefore = errors.count
        guard let members = object(node, path: path, allowed: Self.turnKeys) else { return nil }
        if let agentNode = members["agent"] { return decodeAgentStep(agentNode, members, node: node, path: path) }
        for key in ["does", "says", "queue"] where members[key] != nil {
            report("\(path).\(key)", members[key]!, "\"\(key)\" belongs to an agent's step, which needs \"agent\"")
        }
        if let resultNode = members["result"] {
            if let sayNode = members["say"] {
                report(
                    "\(path).say", sayNode,
                    "a result step has no \"say\": the business's systems answer, not the customer")
            }
            guard let result = decodeResult(resultNode, path: "\(path).result") else {
                return unreadable(members, node: node, path: path)
            }
            var turn = TestTurn(say: "result: \(result.outcome)", origin: origin(path, node))
            turn.result = result
            expectations(members, into: &turn, path: path)
            return turn
        }
        guard let sayNode = members["say"], let say = string(sayNode, path: "\(path).say", nonEmpty: false) else {
            // A misspelt "say" is already reported as an unknown key.
            if members["say"] == nil && errors.count == errorsBefore {
                report(path, node, "a turn needs \"say\": what the customer writes")
            }
            return unreadable(members, node: node, path: path)
        }
        var turn = TestTurn(say: say, origin: origin(path, node))
        expectations(members, into: &turn, path: path)
        return turn
    }

    /// `{"outcome": "found", "values": {…}}` or `{"error": "…"}`, read as `usher serve` reads
    /// an `action.result` line.
    mutating func decodeResult(_ node: JSONNode, path: String) -> TestActionResult? {
        guard let members = object(node, path: path, allowed: Self.resultKeys) else { return nil }
        let values = members["values"].map { resultValues($0, path: "\(path).values") } ?? [:]
        let error = members["error"].flatMap { string($0, path: "\(path).error", nonEmpty: true) }
        var outcome = error == nil ? ActionResult.outcome(for: values) : ActionDefinition.failed
        if let node = members["outcome"], let name = string(node, path: "\(path).outcome", nonEmpty: true) {
            guard SlotName.isValid(name) else {
                report(
                    "\(path).outcome", node, "an outcome is a name of letters, digits and _, such as found or not_found"
                )
                return nil
            }
            guard error == nil || name == ActionDefinition.failed else {
                report(
                    "\(path).outcome", node,
                    "a result with \"error\" is a failure: leave \"outcome\" out or make it \"failed\"")
                return nil
            }
            outcome = name
        }
        return TestActionResult(outcome: outcome, values: values, error: error)
    }

    /// `{"agent": "ann", "does": "claim" | "release" | "close" | "transfer", "queue": …}` or
    /// `{"agent": "ann", "says": "…"}`, with expectations on what the customer is shown.
    private mutating func decodeAgentStep(
        _ agentNode: JSONNode, _ members: [String: JSONNode], node: JSONNode, path: String
    ) -> TestTurn? {
        var members = members
        for key in ["say", "meta", "intent", "slots", "result"] where members[key] != nil {
            report(
                "\(path).\(key)", members[key]!, "an agent's step has no \"\(key)\": that belongs to a customer's turn")
            // Not read either, so a name in it is not checked against the bot as well.
            members[key] = nil
        }
        let agent = string(agentNode, path: "\(path).agent", nonEmpty: true)
        guard let agent, let kind = agentStepKind(members, node: node, path: path) else {
            return unreadable(members, node: node, path: path)
        }
        let label: String
        switch kind {
        case .claim: label = "claim"
        case .says(let text): label = "says " + text
        case .transfer(let queue): label = "transfer to " + queue
        case .release: label = "release"
        case .close: label = "close"
        }
        var turn = TestTurn(say: "\(agent): \(label)", origin: origin(path, node))
        turn.agent = TestAgentStep(agent: agent, kind: kind)
        expectations(members, into: &turn, path: path)
        return turn
    }

    /// What an agent's step does, or `nil` after reporting why it cannot be read.
    private mutating func agentStepKind(_ members: [String: JSONNode], node: JSONNode, path: String)
        -> TestAgentStep.Kind?
    {
        switch (members["does"], members["says"]) {
        case (nil, let says?):
            return string(says, path: "\(path).says", nonEmpty: true).map { .says($0) }
        case (let does?, nil):
            guard let verb = string(does, path: "\(path).does", nonEmpty: true) else { return nil }
            switch verb {
            case "claim": return .claim
            case "release": return .release
            case "close": return .close
            case "transfer":
                guard let queueNode = members["queue"] else {
                    report(path, node, "a transfer needs \"queue\": where the customer goes")
                    return nil
                }
                return string(queueNode, path: "\(path).queue", nonEmpty: true).map { .transfer(queue: $0) }
            default:
                report("\(path).does", does, "unknown step \"\(verb)\"; expected claim, transfer, release or close")
                return nil
            }
        default:
            report(path, node, "an agent's step needs exactly one of \"does\" and \"says\"")
            return nil
        }
    }

    /// A turn whose mistakes are reported, with its expectations read all the same so that
    /// the names in them are checked against the bot in the same run. It never runs: a file
    /// with a mistake runs no test.
    private mutating func unreadable(_ members: [String: JSONNode], node: JSONNode, path: String) -> TestTurn {
        var turn = TestTurn(say: "", origin: origin(path, node))
        expectations(members, into: &turn, path: path)
        return turn
    }

    /// The expectations a customer's turn and an agent's step share.
    private mutating func expectations(_ members: [String: JSONNode], into turn: inout TestTurn, path: String) {
        if let meta = members["meta"] { turn.meta = stringMap(meta, path: "\(path).meta") }
        if let advance = members["advance"] {
            turn.advance = number(advance, path: "\(path).advance", in: 0...1e9) ?? 0
        }
        if let intent = members["intent"] {
            if case .null = intent.value {
                turn.intent = .some(nil)
            } else {
                turn.intent = string(intent, path: "\(path).intent", nonEmpty: true).map { .some($0) }
                turn.intentOrigin = origin("\(path).intent", intent)
            }
        }
        if let slots = members["slots"] {
            turn.slots = optionalStringMap(slots, path: "\(path).slots")
            if case .object(let named) = slots.value {
                for member in named where turn.slots[member.key] != nil {
                    turn.slotOrigins[member.key] = DefinitionOrigin(
                        file: file, path: "\(path).slots.\(member.key)", location: member.keyLocation)
                }
            }
        }
        turn.reply = members["reply"].flatMap { string($0, path: "\(path).reply", nonEmpty: false) }
        turn.replyContains = members["reply_contains"].flatMap {
            string($0, path: "\(path).reply_contains", nonEmpty: true)
        }
        if let pattern = members["reply_matches"],
            let source = string(pattern, path: "\(path).reply_matches", nonEmpty: true)
        {
            if let problem = ReplyPattern.problem(source) {
                report("\(path).reply_matches", pattern, problem)
            } else {
                turn.replyMatches = source
            }
        }
        if let state = members["state"], let value = string(state, path: "\(path).state", nonEmpty: true) {
            if ["bot", "action", "queued", "agent"].contains(value) {
                turn.state = value
            } else {
                report("\(path).state", state, "unknown state \"\(value)\"; expected bot, action, queued or agent")
            }
        }
        if let action = members["action"] {
            if case .null = action.value {
                turn.action = .some(nil)
            } else {
                turn.action = string(action, path: "\(path).action", nonEmpty: true).map { .some($0) }
                turn.actionOrigin = origin("\(path).action", action)
            }
        }
    }

    /// A moment as ISO 8601 (`2026-03-03`, `2026-03-03T10:00:00Z`) or seconds since 1970.
    private mutating func moment(_ node: JSONNode, path: String) -> Double? {
        if case .number(let seconds) = node.value { return seconds }
        guard let text = string(node, path: path, nonEmpty: true) else { return nil }
        guard let seconds = ISOMoment.seconds(text) else {
            report(path, node, "expected a date and time such as \"2026-03-03T10:00:00Z\"")
            return nil
        }
        return seconds
    }

    /// An action result's values, read as `usher serve` reads them: strings, numbers and
    /// booleans as text, null left out.
    private mutating func resultValues(_ node: JSONNode, path: String) -> [String: String] {
        guard case .object(let members) = node.value else {
            report(path, node, "expected an object, found \(node.value.kindDescription)")
            return [:]
        }
        var result: [String: String] = [:]
        for member in members {
            switch member.value.value.scalarText {
            case .text(let text): result[member.key] = text
            case .null: continue
            case .inexact:
                report(
                    "\(path).\(member.key)", member.value, "a number too large to keep exactly; write it as a string")
            case .nested:
                report(
                    "\(path).\(member.key)", member.value,
                    "expected a string, number, boolean or null, found \(member.value.value.kindDescription)")
            }
        }
        return result
    }

    mutating func stringMap(_ node: JSONNode, path: String) -> [String: String] {
        optionalStringMap(node, path: path).compactMapValues { $0 }
    }

    private mutating func optionalStringMap(_ node: JSONNode, path: String) -> [String: String?] {
        guard case .object(let members) = node.value else {
            report(path, node, "expected an object, found \(node.value.kindDescription)")
            return [:]
        }
        var result: [String: String?] = [:]
        for member in members {
            switch member.value.value {
            case .null: result[member.key] = .some(nil)
            case .string(let text): result[member.key] = text
            default:
                report(
                    "\(path).\(member.key)", member.value,
                    "expected a string or null, found \(member.value.value.kindDescription)")
            }
        }
        return result
    }
}

/// ISO 8601 moments in UTC: `YYYY-MM-DD`, optionally followed by `THH:MM[:SS]` and `Z`.
enum ISOMoment {
    static func seconds(_ text: String) -> Double? {
        let parts = text.split(separator: "T", maxSplits: 1)
        let dateParts = parts[0].split(separator: "-").compactMap { Int($0) }
        guard dateParts.count == 3, let date = CalendarDate(year: dateParts[0], month: dateParts[1], day: dateParts[2])
        else {
            return nil
        }
        var seconds = Double(date.daysSinceEpoch) * 86_400
        if parts.count == 2 {
            let time = parts[1].hasSuffix("Z") ? parts[1].dropLast() : parts[1]
            let fields = time.split(separator: ":").compactMap { Int($0) }
            guard (2...3).contains(fields.count), (0..<24).contains(fields[0]), (0..<60).contains(fields[1]) else {
                return nil
            }
            seconds += Double(fields[0] * 3600 + fields[1] * 60 + (fields.count == 3 ? fields[2] : 0))
        }
        return seconds
    }
}
