import Foundation

/// Decodes request lines and encodes response lines of the JSON Lines protocol (docs/protocol.md).
///
/// Pure: bytes in, values out, and values in, one line of text out. Keys are written in a fixed
/// order and numbers with fixed precision, so the same conversation gives byte-identical output.
public enum ProtocolCodec {
    /// The longest session (and agent) id accepted, in bytes; ids are keys, not documents.
    public static let maximumSessionLength = 256
    /// The most metadata keys one request may carry, and the longest key and value, in bytes.
    public static let maximumMetadataKeys = 32
    public static let maximumMetadataKeyLength = 64
    public static let maximumMetadataValueLength = 512

    /// Why `line` is not valid UTF-8, naming the first bad byte (counted from 1), or `nil` when
    /// it is: the JSON and the plain protocol say it alike.
    public static func utf8Problem(_ line: [UInt8]) -> String? {
        // Most lines are ASCII, which is valid UTF-8 without decoding to find out.
        if line.withUnsafeBufferPointer({ $0.allSatisfy { $0 < 0x80 } }) { return nil }
        var decoder = UTF8()
        var bytes = line.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return "the line is not valid UTF-8 (byte \(offset + 1))"
            }
        }
    }

    public static func decode(_ line: [UInt8]) -> Result<ProtocolRequest, ProtocolError> {
        if let problem = utf8Problem(line) {
            return .failure(ProtocolError(code: "invalid_utf8", message: problem))
        }
        // A blank line is no document: "the file is empty" is the parser's word for files.
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            return .failure(ProtocolError(code: "invalid_json", message: "the line is empty; expected a JSON object"))
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(line)
        } catch {
            return .failure(
                ProtocolError(code: "invalid_json", message: "column \(error.location.column): \(error.message)"))
        }
        guard case .object(let members) = root.value else {
            return .failure(
                ProtocolError(
                    code: "invalid_request", message: "expected a JSON object, found \(root.value.kindDescription)"))
        }
        let fields = Fields(members: members)
        let idNode = fields.node("id")
        let id = idNode?.value
        if case .number(let number)? = id, number == number.rounded(), abs(number) > JSONWriter.largestExactInteger {
            // Digits past 2^53 are already lost: echoing a different id would misroute the answer.
            return .failure(
                ProtocolError(
                    code: "invalid_request",
                    message: "\"id\" is an integer too large to echo exactly (beyond 2^53 - 1); send it as a string"))
        }
        if let idNode, let problem = idProblem(idNode, in: line) {
            return .failure(ProtocolError(code: "invalid_request", message: problem))
        }
        do throws(ProtocolError) {
            return .success(try request(fields, id: id))
        } catch {
            return .failure(ProtocolError(code: error.code, message: error.message, id: id))
        }
    }

    /// The `id` of a line too long to read whole, when its first bytes hold it: the object's
    /// first keys are read until `"id"` and its number or string turn up, or the bytes run out,
    /// so an over-long line's error can still be matched to its request.
    public static func leadingID(_ head: [UInt8]) -> JSONValue? {
        var index = 0
        func skipSpace() { while index < head.count, [0x20, 0x09, 0x0D, 0x0A].contains(head[index]) { index += 1 } }
        /// The end of the value starting at `index` (a string, number or literal), if it ends within the head.
        func scalarEnd() -> Int? {
            guard index < head.count else { return nil }
            if head[index] == UInt8(ascii: "\"") {
                var end = index + 1
                while end < head.count, head[end] != UInt8(ascii: "\"") {
                    end += head[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                return end < head.count ? end + 1 : nil
            }
            var end = index
            while end < head.count, !",} \t\r\n".utf8.contains(head[end]) { end += 1 }
            return end < head.count && end > index ? end : nil
        }
        skipSpace()
        guard index < head.count, head[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        while true {
            skipSpace()
            guard index < head.count, head[index] == UInt8(ascii: "\""), let keyEnd = scalarEnd() else { return nil }
            let key = Array(head[index..<keyEnd])
            index = keyEnd
            skipSpace()
            guard index < head.count, head[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            // Only flat values are stepped over: an object or array before the id ends the search.
            guard let valueEnd = scalarEnd() else { return nil }
            if key == Array("\"id\"".utf8) {
                guard let node = try? JSONParser.parse(Array(head[index..<valueEnd])) else { return nil }
                switch node.value {
                // A number that would come back as another is no id to answer with.
                case .number(let number): return isEchoedExactly(head[index..<valueEnd], number) ? node.value : nil
                case .string: return node.value
                default: return nil
                }
            }
            index = valueEnd
            skipSpace()
            guard index < head.count, head[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }

    /// A request's `"at"` (seconds since 1970), which `usher serve --replay-clock` takes as the
    /// time the request happened; `nil` when the line has none or is not a request.
    public static func requestTime(_ line: [UInt8]) -> Double? {
        // Without the bytes `"at"`, and without an escape that could spell them, the line has
        // no such key: it is not parsed a second time (nearly every line of a replay has none).
        guard line.contains(UInt8(ascii: "\\")) || containsAtKey(line) else { return nil }
        guard let root = try? JSONParser.parse(line), case .object(let members) = root.value,
            case .number(let at)? = Fields(members: members)["at"], at.isFinite
        else { return nil }
        return at
    }

    /// Whether `line` holds the bytes `"at"`.
    private static func containsAtKey(_ line: [UInt8]) -> Bool {
        let key = Array(#""at""#.utf8)
        guard line.count >= key.count else { return false }
        return (0...(line.count - key.count)).contains { start in
            line[start] == key[0] && line[start + 1] == key[1] && line[start + 2] == key[2] && line[start + 3] == key[3]
        }
    }

    private static func request(_ fields: Fields, id: JSONValue?) throws(ProtocolError) -> ProtocolRequest {
        let type: String
        switch fields["type"] {
        case nil: type = "message"
        case .string(let value)?: type = value
        case let other?: throw invalid("\"type\" must be a string, found \(other.kindDescription)")
        }
        switch type {
        case "message":
            let session = try sessionID(fields)
            guard case .string(let text)? = fields["text"] else {
                throw invalid(
                    fields["text"] == nil
                        ? "a message needs \"text\""
                        : "\"text\" must be a string, found \(fields["text"]!.kindDescription)")
            }
            // Nothing said is not a message the bot failed to understand: counted as a fallback,
            // two of them handed customers to people.
            guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                throw invalid("\"text\" is empty or only white space; send what the customer wrote")
            }
            return .message(
                id: id,
                CustomerMessage(
                    session: session, text: text, metadata: try metadata(fields["meta"]),
                    language: try language(fields["lang"])))
        case "reset": return .reset(id: id, session: try sessionID(fields))
        case "get": return .get(id: id, session: try sessionID(fields))
        case "ping": return .ping(id: id)
        case "action.result": return .actionResult(id: id, try actionResult(fields))
        case "queue.list": return .agent(id: id, .queueList)
        case "queue.leave": return .agent(id: id, .leaveQueue(session: try sessionID(fields)))
        case _ where type.hasPrefix("agent."):
            return .agent(id: id, try agentRequest(String(type.dropFirst(6)), fields))
        default:
            throw ProtocolError(
                code: "unknown_type",
                message:
                    "unknown request type \"\(type)\"; expected message, action.result, reset, get, ping, queue.list, queue.leave or an agent.* request"
            )
        }
    }

    private static func agentRequest(_ verb: String, _ fields: Fields) throws(ProtocolError) -> AgentRequest {
        let agent = try string(fields, "agent")
        guard agent.utf8.count <= maximumSessionLength else {
            throw invalid("\"agent\" must have 1 to \(maximumSessionLength) bytes")
        }
        try requireNFC(agent, "agent")
        switch verb {
        case "join":
            guard case .array(let list)? = fields["queues"], !list.isEmpty else {
                throw invalid("agent.join needs \"queues\": a non-empty array of queue names")
            }
            let queues = list.compactMap { if case .string(let name) = $0.value { name } else { nil } }
            guard queues.count == list.count else { throw invalid("\"queues\" must hold strings") }
            for queue in queues { try requireNFC(queue, "queues") }
            var capacity = 1
            if let value = fields["capacity"] {
                guard case .number(let number) = value, number == number.rounded(), number >= 1, number <= 1_000 else {
                    throw invalid("\"capacity\" must be a whole number from 1 to 1000")
                }
                capacity = Int(number)
            }
            return .join(agent: agent, queues: queues, capacity: capacity)
        case "leave": return .leave(agent: agent)
        case "claim": return .claim(agent: agent, session: fields["session"] == nil ? nil : try sessionID(fields))
        case "say": return .say(agent: agent, session: try sessionID(fields), text: try string(fields, "text"))
        case "transfer":
            let queue = try string(fields, "queue")
            try requireNFC(queue, "queue")
            return .transfer(agent: agent, session: try sessionID(fields), queue: queue)
        case "release": return .release(agent: agent, session: try sessionID(fields))
        case "close": return .close(agent: agent, session: try sessionID(fields))
        default:
            throw ProtocolError(
                code: "unknown_type",
                message:
                    "unknown request type \"agent.\(verb)\"; the agent requests are join, leave, claim, say, transfer, release and close"
            )
        }
    }

    private static func string(_ fields: Fields, _ key: String) throws(ProtocolError) -> String {
        guard let value = fields[key] else { throw invalid("the request needs \"\(key)\"") }
        guard case .string(let text) = value else {
            throw invalid("\"\(key)\" must be a non-empty string, found \(value.kindDescription)")
        }
        guard !text.isEmpty else { throw invalid("\"\(key)\" must not be empty") }
        return text
    }

    private static func sessionID(_ fields: Fields) throws(ProtocolError) -> String {
        guard let value = fields["session"] else { throw invalid("the request needs \"session\"") }
        guard case .string(let session) = value else {
            throw invalid("\"session\" must be a string, found \(value.kindDescription)")
        }
        guard !session.isEmpty, session.utf8.count <= maximumSessionLength else {
            throw invalid("\"session\" must have 1 to \(maximumSessionLength) bytes")
        }
        try requireNFC(session, "session")
        return session
    }

    /// Swift compares strings by canonical equivalence ("café" written with é or with e and a
    /// combining accent are equal), while ids are bytes to the integrating program and to every
    /// store. Ids in Unicode's composed form (NFC, which plain ASCII already is) are equal
    /// exactly when their bytes are, so two different ids can never share a session, a seat or
    /// a queue; other ids are refused, not conflated.
    public static func isComposed(_ id: String) -> Bool {
        id.utf8.allSatisfy { $0 < 0x80 } || id.elementsEqualBytes(id.precomposedStringWithCanonicalMapping)
    }

    static func requireNFC(_ id: String, _ field: String) throws(ProtocolError) {
        guard isComposed(id) else {
            throw invalid(
                "\"\(field)\" must be in Unicode's composed form (NFC): an accent written as a separate mark could make two different ids one"
            )
        }
    }

    /// `"lang"`: a BCP 47 tag such as `de` or `zh-TW` (ASCII letters, digits and hyphens, starting
    /// with a letter, up to 35 bytes).
    private static func language(_ value: JSONValue?) throws(ProtocolError) -> String? {
        guard let value else { return nil }
        guard case .string(let tag) = value else {
            throw invalid("\"lang\" must be a string such as \"de\" or \"zh-TW\", found \(value.kindDescription)")
        }
        let letter: (UInt8) -> Bool = { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        guard (1...35).contains(tag.utf8.count), tag.utf8.first.map(letter) == true,
            tag.utf8.allSatisfy({ letter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
        else {
            throw invalid(
                "\"lang\" must be a language tag such as \"de\" or \"zh-TW\", found \(JSONWriter.string(tag))")
        }
        return tag
    }

    private static func metadata(_ value: JSONValue?) throws(ProtocolError) -> [String: String] {
        try flatObject(
            value, field: "meta", maxKeys: maximumMetadataKeys, maxKeyLength: maximumMetadataKeyLength,
            maxValueLength: maximumMetadataValueLength)
    }

    /// An object of strings, numbers and booleans, as strings (`meta`, an action result's
    /// `values`): numbers keep their exact digits, and anything nested is refused by name. Where
    /// `nullIsAbsent`, a null value is left out (a backend's field with no value).
    private static func flatObject(
        _ value: JSONValue?, field: String, maxKeys: Int, maxKeyLength: Int, maxValueLength: Int,
        nullIsAbsent: Bool = false
    ) throws(ProtocolError) -> [String: String] {
        guard let value else { return [:] }
        guard case .object(let members) = value else {
            throw invalid("\"\(field)\" must be an object, found \(value.kindDescription)")
        }
        guard members.count <= maxKeys else {
            throw invalid("\"\(field)\" may have at most \(maxKeys) keys, found \(members.count)")
        }
        var result: [String: String] = [:]
        for member in members {
            guard !member.key.isEmpty, member.key.utf8.count <= maxKeyLength else {
                throw invalid("a \"\(field)\" key must have 1 to \(maxKeyLength) bytes")
            }
            if case .string(let text) = member.value.value, text.utf8.count > maxValueLength {
                throw invalid("\"\(field).\(member.key)\" must have at most \(maxValueLength) bytes")
            }
            switch member.value.value.scalarText {
            case .text(let text): result[member.key] = text
            case .null where nullIsAbsent: continue
            case .inexact:
                throw invalid("\"\(field).\(member.key)\" is a number too large to keep exactly; send it as a string")
            case .null, .nested:
                let kinds = nullIsAbsent ? "a string, number, boolean or null" : "a string, number or boolean"
                throw invalid(
                    "\"\(field).\(member.key)\" must be \(kinds), found \(member.value.value.kindDescription)")
            }
        }
        return result
    }

    /// `{"type": "action.result", "session": …, "call": …, "outcome": …, "values": {…}}`, or with
    /// `"error"` for a call that failed.
    private static func actionResult(_ fields: Fields) throws(ProtocolError) -> ActionResult {
        let session = try sessionID(fields)
        guard fields["call"] != nil else {
            throw invalid("an action result needs \"call\", the id of the call it answers (from the action line)")
        }
        let call = try string(fields, "call")
        guard call.utf8.count <= maximumCallLength else {
            throw invalid("\"call\" must have 1 to \(maximumCallLength) bytes")
        }
        let values = try flatObject(
            fields["values"], field: "values", maxKeys: maximumResultValues, maxKeyLength: maximumMetadataKeyLength,
            maxValueLength: maximumResultValueLength, nullIsAbsent: true)
        var error: String?
        if let value = fields["error"] {
            guard case .string(let text) = value, text.unicodeScalars.contains(where: { !$0.properties.isWhitespace })
            else {
                throw invalid("\"error\" must be a non-empty string saying why the call failed")
            }
            error = String(text.prefix(maximumResultValueLength))
        }
        let outcome: String
        switch fields["outcome"] {
        case nil: outcome = error == nil ? ActionResult.outcome(for: values) : ActionDefinition.failed
        case .string(let name)?:
            guard SlotName.isValid(name) else {
                throw invalid(
                    "\"outcome\" must be a name of letters, digits and _ (found, not_found, failed, …), found \"\(name)\""
                )
            }
            outcome = name
        case let other?:
            throw invalid("\"outcome\" must be a string such as \"found\", found \(other.kindDescription)")
        }
        if error != nil && outcome != ActionDefinition.failed {
            throw invalid("a result with \"error\" is a failure: leave \"outcome\" out or make it \"failed\"")
        }
        return ActionResult(session: session, call: call, outcome: outcome, values: values, error: error)
    }

    /// The longest call id accepted, in bytes, and the most values and longest value a result may carry.
    public static let maximumCallLength = 512
    public static let maximumResultValues = 64
    public static let maximumResultValueLength = 4_096

    private static func invalid(_ message: String) -> ProtocolError {
        ProtocolError(code: "invalid_request", message: message)
    }
}

/// A request's fields, looked up by a linear scan: requests have a handful of keys, for which
/// that beats hashing them into a dictionary. A repeated key is a JSON error caught earlier.
private struct Fields {
    let members: [JSONMember]

    subscript(key: String) -> JSONValue? {
        node(key)?.value
    }

    func node(_ key: String) -> JSONNode? {
        members.first { $0.key == key }?.value
    }
}

extension String {
    /// Whether two strings are the same bytes (not merely canonically equivalent).
    func elementsEqualBytes(_ other: String) -> Bool {
        utf8.elementsEqual(other.utf8)
    }
}
