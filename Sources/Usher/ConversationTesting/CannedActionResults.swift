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

    /// Parses and validates a results file, reporting every mistake with line and JSON path.
    public static func load(_ bytes: [UInt8], file: String) throws(DefinitionErrors) -> CannedActionResults {
        try ConversationTestDecoder.decode(bytes, file: file) { $0.decodeCannedResults($1) }
    }
}

extension ConversationTestDecoder {
    mutating func decodeCannedResults(_ root: JSONNode) -> CannedActionResults {
        var results = CannedActionResults(cases: [:])
        guard case .object(let actions) = root.value else {
            report(
                "", root,
                "expected an object of actions and their results, such as {\"lookup_order\": [{\"values\": {\"status\": \"shipped\"}}]}, found \(root.value.kindDescription)"
            )
            return results
        }
        for action in actions {
            guard identifier(action.value, key: action.key, path: action.key, what: "action"),
                let list = array(action.value, path: action.key)
            else { continue }
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
