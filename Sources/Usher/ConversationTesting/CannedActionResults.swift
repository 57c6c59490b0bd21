/// Results that answer a bot's actions with no program behind it, so a bot author can try flows
/// with actions offline (`usher chat --actions FILE`): per action, cases tried in order, each
/// with the slot values it answers (`when`, none for any) and the result.
///
/// ```json
/// {"lookup_order": [
///   {"when": {"order_id": "AB123456"}, "values": {"status": "shipped", "eta": "2026-12-03"}},
///   {"outcome": "not_found"}
/// ]}
/// ```
public struct CannedActionResults: Sendable {
    public struct Case: Sendable, Equatable {
        /// Slot values the call must have for this case to answer it.
        public var when: [String: String]
        public var result: TestActionResult
    }

    public var cases: [String: [Case]]

    /// The first case of the call's action whose `when` the call's slots satisfy.
    public func result(for call: PendingAction) -> TestActionResult? {
        cases[call.name]?.first { $0.when.allSatisfy { call.slots[$0.key] == $0.value } }?.result
    }

    /// Parses and validates a results file, reporting every mistake with line and JSON path:
    /// with `bot`, also an action none of its intents calls and a `when` slot none of the
    /// intents that call it has (a typo there once made a case that never answers).
    public static func load(_ bytes: [UInt8], file: String, bot: BotDefinition? = nil) throws(DefinitionErrors)
        -> CannedActionResults
    {
        try ConversationTestDecoder.decode(bytes, file: file) { decoder, root in
            decoder.decodeCannedResults(root, bot: bot)
        }
    }
}

extension ConversationTestDecoder {
    mutating func decodeCannedResults(_ root: JSONNode, bot: BotDefinition?) -> CannedActionResults {
        var results = CannedActionResults(cases: [:])
        guard case .object(let actions) = root.value else {
            report(
                "", root,
                "expected an object of actions and their results, such as {\"lookup_order\": [{\"values\": {\"status\": \"shipped\"}}]}, found \(root.value.kindDescription)"
            )
            return results
        }
        // Each action the bot calls, with the slots of the intents that call it.
        var called: [String: Set<String>] = [:]
        for intent in bot?.intents ?? [] {
            if let name = intent.action?.name { called[name, default: []].formUnion(intent.slots.map(\.name)) }
        }
        for action in actions {
            guard identifier(action.value, key: action.key, path: action.key, what: "action"),
                let list = array(action.value, path: action.key)
            else { continue }
            if bot != nil && called[action.key] == nil {
                let names = called.keys.sorted()
                let guess = Spelling.closest(to: action.key, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
                report(
                    action.key, action.value,
                    "no intent of the bot calls action \"\(action.key)\"\(guess) (it calls \(names.isEmpty ? "none" : names.joined(separator: ", ")))"
                )
                continue
            }
            results.cases[action.key] = list.enumerated().compactMap { offset, node in
                let path = "\(action.key)[\(offset)]"
                guard case .object(let members) = node.value else {
                    report(path, node, "expected an object such as {\"when\": {…}, \"values\": {…}}")
                    return nil
                }
                var when: [String: String] = [:]
                var rest: [JSONMember] = []
                for member in members {
                    if member.key == "when" {
                        when = stringMap(member.value, path: "\(path).when")
                        let slots = called[action.key] ?? []
                        for key in when.keys.sorted() where bot != nil && !slots.contains(key) {
                            let guess =
                                Spelling.closest(to: key, among: slots.sorted()).map { "; did you mean \"\($0)\"?" }
                                ?? ""
                            report(
                                "\(path).when.\(key)", member.value,
                                "\"\(action.key)\" is called with no slot \"\(key)\"\(guess) (its slots: \(slots.sorted().joined(separator: ", ")))"
                            )
                        }
                    } else {
                        rest.append(member)
                    }
                }
                let answer = JSONNode(.object(rest), at: node.location)
                return decodeResult(answer, path: path).map { CannedActionResults.Case(when: when, result: $0) }
            }
        }
        return results
    }
}
