import Foundation

/// Adds labelled messages to a bot's definition files: `usher learn`.
///
/// Pure: definition files in, changed files out. The whole inbox is checked first, and every
/// problem in it reported at once; a broken line, a label that names no intent (with "did you
/// mean"), a new intent that already exists or that the loader would refuse, or a file that no
/// longer parses refuses the whole run, so no file changes unless every label is right.
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

    /// What learning the inbox `file` (its `bytes`) would change. Every problem of the inbox is
    /// reported at once, in file order: its broken lines, and the labels of all the others.
    public func plan(inbox bytes: [UInt8], file: String) throws(DefinitionErrors) -> Plan {
        let inbox = UnmatchedInbox.decode(bytes, file: file)
        return try plan(inbox.entries, inbox: file, decodingErrors: inbox.errors)
    }

    /// What learning `entries` would change; `decodingErrors`, what reading the inbox found
    /// wrong, are reported in file order with the problems of the labels.
    func plan(_ entries: [UnmatchedInbox.Entry], inbox: String, decodingErrors: [DefinitionError] = [])
        throws(DefinitionErrors) -> Plan
    {
        let names = bot.intents.map(\.name)
        var errors = decodingErrors
        var additions: [Key: [String]] = [:]
        var creations: [(name: String, line: Int, texts: [String: [String]])] = []
        var skipped = 0
        let known = Self.examples(of: bot)
        for entry in entries {
            func fail(_ message: String, path: String = "label") {
                errors.append(
                    DefinitionError(
                        file: inbox, path: path, location: SourceLocation(line: entry.line, column: 1),
                        message: message))
            }
            if case .none = entry.label { continue }
            if case .ignore = entry.label { continue }
            guard let byLanguage = languages(of: entry, fail: fail) else { continue }
            var fresh: [String: [String]] = [:]
            for (language, texts) in byLanguage {
                let kept = texts.filter { known[language]?.contains($0.lowercased()) != true }
                skipped += texts.count - kept.count
                if !kept.isEmpty { fresh[language] = kept }
            }
            switch entry.label {
            case .none, .ignore: continue
            case .intent(let name):
                guard names.contains(name) else {
                    let guess = Spelling.closest(to: name, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
                    fail("\"\(name)\" names no intent\(guess) (or write new:\(name) for a new one)")
                    continue
                }
                for (language, texts) in fresh {
                    additions[Key(intent: name, language: language), default: []] += texts
                }
            case .newIntent(let name):
                if let problem = IntentName.problem(name) {
                    fail(name.isEmpty ? "\"new:\" needs the new intent's name after it" : problem)
                    continue
                }
                guard !names.contains(name) else {
                    fail("intent \"\(name)\" exists already; label the group \"\(name)\" to add examples to it")
                    continue
                }
                if let index = creations.firstIndex(where: { $0.name == name }) {
                    creations[index].texts.merge(fresh, uniquingKeysWith: +)
                } else {
                    creations.append((name, entry.line, fresh))
                }
            }
        }
        for creation in creations where creation.texts[bot.language] == nil && !creation.texts.isEmpty {
            let others = creation.texts.keys.sorted().joined(separator: ", ")
            errors.append(
                DefinitionError(
                    file: inbox, path: "label", location: SourceLocation(line: creation.line, column: 1),
                    message:
                        "new intent \"\(creation.name)\" would have examples in \(others) only; an intent is defined in the bot's own language (\(bot.language)) first: label a group in \(bot.language) new:\(creation.name) too, or add the intent by hand"
                ))
        }
        guard errors.isEmpty else { throw DefinitionErrors(Self.inFileOrder(errors)) }
        var plan = Plan()
        for (key, texts) in additions.sorted(by: { ($0.key.intent, $0.key.language) < ($1.key.intent, $1.key.language) }
        )
        where !texts.isEmpty {
            if key.language == bot.language {
                try add(texts, to: key.intent, in: &plan)
            } else {
                try translate(key.intent, into: key.language, adding: texts, in: &plan)
            }
        }
        let created = creations.filter { !$0.texts.isEmpty }
        if !created.isEmpty { try create(created.map { ($0.name, $0.texts[bot.language] ?? []) }, in: &plan) }
        for creation in created {
            for (language, texts) in creation.texts.sorted(by: { $0.key < $1.key }) where language != bot.language {
                try translate(creation.name, into: language, adding: texts, in: &plan)
            }
        }
        if skipped > 0 {
            plan.report.append("\(skipped) text\(skipped == 1 ? " was" : "s were") already examples; skipped")
        }
        return plan
    }

    /// The texts already examples of `bot`, lower-cased, by language; with `intent`, only that
    /// intent's.
    static func examples(of bot: BotDefinition, intent: String? = nil) -> [String: Set<String>] {
        func wanted(_ name: String) -> Bool { intent == nil || name == intent }
        var known = [
            bot.language: Set(bot.intents.filter { wanted($0.name) }.flatMap(\.examples).map { $0.text.lowercased() })
        ]
        for translation in bot.translations {
            known[translation.language, default: []].formUnion(
                translation.intents.filter { wanted($0.name) }.flatMap(\.examples).map { $0.text.lowercased() })
        }
        return known
    }

    /// Whether the bot has learned a labelled group: its label names an intent (or a `new:` one)
    /// the bot has, and every text is already one of that intent's examples, in any language.
    /// `usher stats --unmatched` leaves such groups out of the inbox it writes again.
    public static func isLearned(_ entry: UnmatchedInbox.Entry, by bot: BotDefinition) -> Bool {
        let name: String
        switch entry.label {
        case .intent(let intent), .newIntent(let intent): name = intent
        case .ignore, .none: return false
        }
        guard bot.intents.contains(where: { $0.name == name }) else { return false }
        let known = examples(of: bot, intent: name).values.reduce(into: Set<String>()) { $0.formUnion($1) }
        return entry.texts.allSatisfy { known.contains($0.lowercased()) }
    }

    /// An intent in one of the bot's languages.
    struct Key: Hashable {
        var intent: String
        var language: String
    }

    /// `errors` by line, those of one line in the order they were found.
    static func inFileOrder(_ errors: [DefinitionError]) -> [DefinitionError] {
        errors.enumerated().sorted {
            ($0.element.location?.line ?? 0, $0.offset) < ($1.element.location?.line ?? 0, $1.offset)
        }
        .map(\.element)
    }

    /// An example's text as written in a definition file: a JSON string, braces doubled so a
    /// customer's `{` is not read as a slot marker.
    static func example(_ text: String) -> String {
        JSONWriter.string(text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}"))
    }

    func add(_ texts: [String], to intent: String, in plan: inout Plan) throws(DefinitionErrors) {
        guard let file = bot.intent(named: intent)?.origin.file else { return }
        guard try appendExamples(texts, toObjectNamed: intent, list: "intents", in: file, plan: &plan) else {
            throw Self.cannotEdit(file, "intent \"\(intent)\" is not where the bot says it is")
        }
        plan.report.append("\(file): \(intent) + \(texts.count) example\(texts.count == 1 ? "" : "s")")
    }

    /// Appends `texts` to the examples of the object named `name` in the `list` array of `file`
    /// (adding `examples` after its name when it has none); `false` when there is no such object.
    func appendExamples(
        _ texts: [String], toObjectNamed name: String, list: String, in file: String, plan: inout Plan
    ) throws(DefinitionErrors) -> Bool {
        guard let bytes = plan.files[file] ?? sources[file] else { return false }
        var editor = JSONTextEditor(bytes)
        let node = try parse(bytes, file: file)
        guard let object = intentObject(named: name, in: node, list: list), case .object(let members) = object.value
        else { return false }
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
        return true
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
                "\(newFile): new intent \(intent.name) with \(intent.texts.count) example\(intent.texts.count == 1 ? "" : "s"); give it responses: until it has some, the bot does not load for serve, chat or test"
            )
        }
    }

    func parse(_ bytes: [UInt8], file: String) throws(DefinitionErrors) -> JSONNode {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw DefinitionErrors([DefinitionError(file: file, location: error.location, message: error.message)])
        }
    }

    func intentObject(named name: String, in root: JSONNode, list key: String = "intents") -> JSONNode? {
        guard case .object(let members) = root.value,
            let list = members.first(where: { $0.key == key })?.value, case .array(let items) = list.value
        else { return nil }
        return items.first { item in
            guard case .object(let fields) = item.value, let value = fields.first(where: { $0.key == "name" })?.value,
                case .string(let found) = value.value
            else { return false }
            return found == name
        }
    }

    static func cannotEdit(_ file: String, _ why: String) -> DefinitionErrors {
        DefinitionErrors([DefinitionError(file: file, message: "cannot add examples here: \(why)")])
    }
}
