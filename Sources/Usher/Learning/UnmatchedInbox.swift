import Foundation

/// The author's "what did we not understand" inbox: one group of unmatched messages per line
/// (JSON Lines), largest first, with an empty `label` for the author to fill in; `usher learn`
/// reads it back.
///
/// ```
/// {"label": "", "count": 14, "text": "can I change my delivery slot", "texts": ["can I change my delivery slot", "change delivery time"], "closest_intent": "change_address", "confidence": 0.31, "language": "en"}
/// ```
///
/// A label is an intent's name (the texts become its examples), `new:NAME` (a new intent), or
/// `ignore`; an empty label leaves the group for later.
public enum UnmatchedInbox {
    /// What a label asks for.
    public enum Label: Sendable, Equatable {
        case intent(String)
        case newIntent(String)
        case ignore
        case none
    }

    /// A group as the author labelled it, with the line it is on.
    public struct Entry: Sendable, Equatable {
        public var line: Int
        public var label: Label
        public var texts: [String]
        /// The language the texts are in, when the inbox says (`usher stats` writes it when it
        /// knows); else `usher learn` detects each text's.
        public var language: String?

        public init(line: Int, label: Label, texts: [String], language: String? = nil) {
            self.line = line
            self.label = label
            self.texts = texts
            self.language = language
        }
    }

    public static func encode(_ groups: [UnmatchedGroup]) -> String {
        groups.map { group in
            "{\"label\": \(JSONWriter.string(group.label)), \"count\": \(group.count), "
                + "\"text\": \(JSONWriter.string(group.representative)), \"texts\": ["
                + group.texts.map(JSONWriter.string).joined(separator: ", ") + "], \"closest_intent\": "
                + (group.closestIntent.map(JSONWriter.string) ?? "null")
                + ", \"confidence\": \(JSONWriter.number(group.confidence))"
                + (group.language.map { ", \"language\": \(JSONWriter.string($0))" } ?? "") + "}\n"
        }.joined()
    }

    /// Every group of `bytes` that could be read, and every problem found, each naming `file`
    /// and its line: a broken line is passed over, so that the labels of the others can still be
    /// checked in the same run.
    public static func decode(_ bytes: [UInt8], file: String) -> (entries: [Entry], errors: [DefinitionError]) {
        var entries: [Entry] = []
        var errors: [DefinitionError] = []
        var number = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { continue }
            func fail(_ message: String, path: String = "", column: Int = 1) {
                errors.append(
                    DefinitionError(
                        file: file, path: path, location: SourceLocation(line: number, column: column),
                        message: message))
            }
            let root: JSONNode
            do {
                root = try JSONParser.parse(Array(line))
            } catch {
                // The column goes in the location, once: "3:5: error: unexpected 'n'".
                fail(error.message, column: error.location.column)
                continue
            }
            guard case .object(let members) = root.value else {
                fail("expected a group (a JSON object), found \(root.value.kindDescription)")
                continue
            }
            let fields = Dictionary(members.map { ($0.key, $0.value.value) }, uniquingKeysWith: { first, _ in first })
            guard case .string(let label)? = fields["label"] else {
                fail("a group needs \"label\": an intent, new:NAME, ignore, or \"\" to leave it", path: "label")
                continue
            }
            guard case .array(let items)? = fields["texts"] else {
                fail("a group needs \"texts\", a list of the messages", path: "texts")
                continue
            }
            var texts: [String] = []
            for item in items {
                if case .string(let text) = item.value, !text.isEmpty {
                    texts.append(text)
                } else {
                    fail("every text must be a non-empty string", path: "texts")
                }
            }
            var language: String?
            switch fields["language"] {
            case .string(let tag)? where !tag.isEmpty: language = tag
            case .none, .null?, .string?: break
            default: fail("\"language\" must be a language tag such as \"de\", or null", path: "language")
            }
            entries.append(Entry(line: number, label: parse(label), texts: texts, language: language))
        }
        return (entries, errors)
    }

    static func parse(_ label: String) -> Label {
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .none }
        if trimmed == "ignore" { return .ignore }
        if trimmed.hasPrefix("new:") {
            return .newIntent(String(trimmed.dropFirst(4)).trimmingCharacters(in: .whitespaces))
        }
        return .intent(trimmed)
    }
}
