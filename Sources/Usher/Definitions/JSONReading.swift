/// A decoder of JSON files written by people (bot definitions, conversation tests): it collects
/// every error with its file, JSON path and location instead of stopping at the first.
protocol JSONReading {
    var file: String { get }
    var errors: [DefinitionError] { get set }
}

/// The typed readers every such decoder uses: each checks the JSON type, reports a precise error
/// at the value's location, and returns `nil` so decoding can go on.
extension JSONReading {
    mutating func object(_ node: JSONNode, path: String, allowed: [String]) -> [String: JSONNode]? {
        guard case .object(let members) = node.value else {
            report(path, node, "expected an object, found \(node.value.kindDescription)")
            return nil
        }
        var result: [String: JSONNode] = [:]
        for member in members {
            guard allowed.contains(member.key) else {
                let memberPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                var message = "unknown key \"\(member.key)\""
                if let suggestion = Spelling.closest(to: member.key, among: allowed) {
                    message += "; did you mean \"\(suggestion)\"?"
                } else {
                    message += "; expected one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
                }
                errors.append(
                    DefinitionError(file: file, path: memberPath, location: member.keyLocation, message: message))
                continue
            }
            result[member.key] = member.value
        }
        return result
    }

    mutating func array(_ node: JSONNode, path: String) -> [JSONNode]? {
        guard case .array(let elements) = node.value else {
            report(path, node, "expected an array, found \(node.value.kindDescription)")
            return nil
        }
        return elements
    }

    mutating func string(_ node: JSONNode, path: String, nonEmpty: Bool) -> String? {
        guard case .string(let text) = node.value else {
            report(path, node, "expected a string, found \(node.value.kindDescription)")
            return nil
        }
        if nonEmpty && text.allSatisfy(\.isWhitespace) {
            report(path, node, "must not be empty")
            return nil
        }
        return text
    }

    mutating func number(_ node: JSONNode, path: String, in range: ClosedRange<Double>) -> Double? {
        guard case .number(let value) = node.value else {
            report(path, node, "expected a number, found \(node.value.kindDescription)")
            return nil
        }
        guard range.contains(value) else {
            report(
                path, node,
                "must be between \(range.lowerBound.formatted) and \(range.upperBound.formatted), found \(value.formatted)"
            )
            return nil
        }
        return value
    }

    mutating func template(_ node: JSONNode, path: String) -> Template? {
        guard let text = string(node, path: path, nonEmpty: true) else { return nil }
        do throws(Template.ParseError) {
            return try Template.parse(text)
        } catch {
            report(path, node, error.message)
            return nil
        }
    }

    mutating func templates(_ node: JSONNode, path: String) -> [Template] {
        guard let list = array(node, path: path) else { return [] }
        return list.enumerated().compactMap { template($1, path: "\(path)[\($0)]") }
    }

    mutating func boolean(_ node: JSONNode, path: String) -> Bool? {
        guard case .bool(let value) = node.value else {
            report(path, node, "expected true or false, found \(node.value.kindDescription)")
            return nil
        }
        return value
    }

    mutating func integer(_ node: JSONNode, path: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = number(node, path: path, in: Double(range.lowerBound)...Double(range.upperBound)) else {
            return nil
        }
        guard value == value.rounded() else {
            report(path, node, "expected a whole number, found \(value.formatted)")
            return nil
        }
        return Int(value)
    }

    /// Names of slots, entities and contexts: letters, digits and `_`, starting with a letter.
    mutating func identifier(_ node: JSONNode, key: String, path: String, what: String) -> Bool {
        guard SlotName.isValid(key) else {
            report(path, node, "invalid \(what) name \"\(key)\": use letters, digits and _, starting with a letter")
            return false
        }
        return true
    }

    mutating func report(_ path: String, _ node: JSONNode, _ message: String) {
        errors.append(DefinitionError(file: file, path: path, location: node.location, message: message))
    }

    func origin(_ path: String, _ node: JSONNode) -> DefinitionOrigin {
        DefinitionOrigin(file: file, path: path, location: node.location)
    }

    /// Where each string in `node` (an object or array, at any depth) was written, by JSON
    /// path: for checks of the texts an intent says, which run once the bot is merged and must
    /// name the line of the text at fault.
    func stringOrigins(_ node: JSONNode, path: String) -> [String: DefinitionOrigin] {
        switch node.value {
        case .string: return [path: origin(path, node)]
        case .array(let elements):
            var origins: [String: DefinitionOrigin] = [:]
            for (offset, element) in elements.enumerated() {
                origins.merge(stringOrigins(element, path: "\(path)[\(offset)]")) { first, _ in first }
            }
            return origins
        case .object(let members):
            var origins: [String: DefinitionOrigin] = [:]
            for member in members {
                origins.merge(stringOrigins(member.value, path: "\(path).\(member.key)")) { first, _ in first }
            }
            return origins
        default: return [:]
        }
    }

    /// Where each member of the object `node` (and, `levels` deep, of the objects it holds) was
    /// written, by JSON path: for errors found only once the bot is merged, which must point at
    /// the entry at fault rather than at the object above it.
    func memberOrigins(_ node: JSONNode, path: String, levels: Int = 1) -> [String: DefinitionOrigin] {
        guard levels > 0, case .object(let members) = node.value else { return [:] }
        var origins: [String: DefinitionOrigin] = [:]
        for member in members {
            let memberPath = "\(path).\(member.key)"
            origins[memberPath] = origin(memberPath, member.value)
            origins.merge(memberOrigins(member.value, path: memberPath, levels: levels - 1)) { first, _ in first }
        }
        return origins
    }
}
