import Foundation

/// Adds labelled messages to a bot's definition files: `usher learn`.
///
/// Pure: definition files in, changed files out. Every label is checked first; one that names
/// no intent (with "did you mean"), a new intent that already exists, or a file that no longer
/// parses refuses the whole run, so no file changes unless every label is right.
public struct BotLearner {
    /// What one run adds.
    public struct Plan: Sendable, Equatable {
        /// File path → its new contents.
        public var files: [String: [UInt8]] = [:]
        /// One line per change, for the author: "intents/orders.json: order_status + 3 examples".
        public var report: [String] = []
    }

    public let bot: BotDefinition
    /// The definition files as read, by path.
    public let sources: [String: [UInt8]]
    /// Where new intents go (created when missing).
    public let newFile: String

    public init(bot: BotDefinition, sources: [BotLoader.Source], newFile: String) {
        self.bot = bot
        self.sources = Dictionary(sources.map { ($0.name, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        self.newFile = newFile
    }

    public func plan(_ entries: [UnmatchedInbox.Entry], inbox: String) throws(DefinitionErrors) -> Plan {
        let names = bot.intents.map(\.name)
        var errors: [DefinitionError] = []
        var additions: [String: [String]] = [:]
        var creations: [(name: String, texts: [String])] = []
        var skipped = 0
        let known = Dictionary(
            bot.intents.flatMap { intent in intent.examples.map { ($0.text.lowercased(), intent.name) } },
            uniquingKeysWith: { first, _ in first })
        func fresh(_ texts: [String]) -> [String] {
            let kept = texts.filter { known[$0.lowercased()] == nil }
            skipped += texts.count - kept.count
            return kept
        }
        for entry in entries {
            func fail(_ message: String) {
                errors.append(
                    DefinitionError(
                        file: inbox, path: "label", location: SourceLocation(line: entry.line, column: 1),
                        message: message))
            }
            switch entry.label {
            case .none, .ignore: continue
            case .intent(let name):
                guard names.contains(name) else {
                    let guess = Spelling.closest(to: name, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
                    fail("\"\(name)\" names no intent\(guess) (or write new:\(name) for a new one)")
                    continue
                }
                additions[name, default: []] += fresh(entry.texts)
            case .newIntent(let name):
                guard Self.isName(name) else {
                    fail("\"new:\(name)\": an intent's name is letters, digits and _ , starting with a letter")
                    continue
                }
                guard !names.contains(name) else {
                    fail("intent \"\(name)\" exists already; label the group \"\(name)\" to add examples to it")
                    continue
                }
                if let index = creations.firstIndex(where: { $0.name == name }) {
                    creations[index].texts += fresh(entry.texts)
                } else {
                    creations.append((name, fresh(entry.texts)))
                }
            }
        }
        guard errors.isEmpty else { throw DefinitionErrors(errors) }
        var plan = Plan()
        for (name, texts) in additions.sorted(by: { $0.key < $1.key }) where !texts.isEmpty {
            try add(texts, to: name, in: &plan)
        }
        let created = creations.filter { !$0.texts.isEmpty }
        if !created.isEmpty { try create(created, in: &plan) }
        if skipped > 0 {
            plan.report.append("\(skipped) text\(skipped == 1 ? " was" : "s were") already examples; skipped")
        }
        return plan
    }

    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// An example's text as written in a definition file: a JSON string, braces doubled so a
    /// customer's `{` is not read as a slot marker.
    static func example(_ text: String) -> String {
        JSONWriter.string(text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}"))
    }

    private func add(_ texts: [String], to intent: String, in plan: inout Plan) throws(DefinitionErrors) {
        guard let definition = bot.intent(named: intent),
            let bytes = plan.files[definition.origin.file] ?? sources[definition.origin.file]
        else { return }
        let file = definition.origin.file
        var editor = JSONTextEditor(bytes)
        let node = try parse(bytes, file: file)
        guard let intentNode = intentObject(named: intent, in: node),
            case .object(let members) = intentNode.value
        else { throw Self.cannotEdit(file, "intent \"\(intent)\" is not where the bot says it is") }
        if let examples = members.first(where: { $0.key == "examples" })?.value, case .array(let items) = examples.value
        {
            editor.append(
                texts.map(Self.example), toArrayAt: editor.offset(of: examples.location),
                elements: items.map { editor.offset(of: $0.location) })
        } else if let nameMember = members.first(where: { $0.key == "name" }) {
            let end = editor.end(ofValueAt: editor.offset(of: nameMember.value.location))
            let text = ", \"examples\": [" + texts.map(Self.example).joined(separator: ", ") + "]"
            var bytes = editor.bytes
            bytes.insert(contentsOf: Array(text.utf8), at: end)
            editor = JSONTextEditor(bytes)
        }
        plan.files[file] = editor.bytes
        plan.report.append("\(file): \(intent) + \(texts.count) example\(texts.count == 1 ? "" : "s")")
    }

    private func create(_ intents: [(name: String, texts: [String])], in plan: inout Plan) throws(DefinitionErrors) {
        let objects = intents.map { intent in
            "{\"name\": \(JSONWriter.string(intent.name)), \"examples\": ["
                + intent.texts.map(Self.example).joined(separator: ", ") + "]}"
        }
        if let bytes = plan.files[newFile] ?? sources[newFile] {
            var editor = JSONTextEditor(bytes)
            let node = try parse(bytes, file: newFile)
            guard case .object(let members) = node.value,
                let list = members.first(where: { $0.key == "intents" })?.value, case .array(let items) = list.value
            else { throw Self.cannotEdit(newFile, "it has no \"intents\" list to add to") }
            editor.append(
                objects, toArrayAt: editor.offset(of: list.location),
                elements: items.map { editor.offset(of: $0.location) })
            plan.files[newFile] = editor.bytes
        } else {
            plan.files[newFile] = Array(
                ("{\n  \"intents\": [\n    " + objects.joined(separator: ",\n    ") + "\n  ]\n}\n").utf8)
        }
        for intent in intents {
            plan.report.append(
                "\(newFile): new intent \(intent.name) with \(intent.texts.count) example\(intent.texts.count == 1 ? "" : "s"); give it responses"
            )
        }
    }

    private func parse(_ bytes: [UInt8], file: String) throws(DefinitionErrors) -> JSONNode {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw DefinitionErrors([DefinitionError(file: file, location: error.location, message: error.message)])
        }
    }

    private func intentObject(named name: String, in root: JSONNode) -> JSONNode? {
        guard case .object(let members) = root.value,
            let list = members.first(where: { $0.key == "intents" })?.value, case .array(let items) = list.value
        else { return nil }
        return items.first { item in
            guard case .object(let fields) = item.value, let value = fields.first(where: { $0.key == "name" })?.value,
                case .string(let found) = value.value
            else { return false }
            return found == name
        }
    }

    private static func cannotEdit(_ file: String, _ why: String) -> DefinitionErrors {
        DefinitionErrors([DefinitionError(file: file, message: "cannot add examples here: \(why)")])
    }
}
