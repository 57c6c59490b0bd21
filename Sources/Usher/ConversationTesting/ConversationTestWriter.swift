/// Writes conversations that happened as conversation tests, so a flow a bot author just tried
/// by hand becomes a regression test that `usher test` replays.
///
/// ```swift
/// let turn = RecordedTurn(say: "hello", intent: "greeting", slots: [:], replies: ["Hello!"], queued: false)
/// let text = ConversationTestWriter.file(conversations: [
///     ConversationTestWriter.conversation(name: "greets", start: 1_795_428_000, turns: [turn])
/// ])
/// ```
public enum ConversationTestWriter {
    /// One customer turn (or one agent's step) as it went: what was said and what the customer
    /// was shown.
    public struct RecordedTurn: Sendable, Equatable {
        public var say: String
        /// Set for an agent's step; `say`, `intent` and `slots` are then not written.
        public var agent: TestAgentStep?
        /// Whom the customer talked to after the turn (`queued`, `agent`); `nil` with the bot,
        /// or for `queued` set.
        public var state: String?
        /// `nil` for a fallback.
        public var intent: String?
        /// Slots this turn filled.
        public var slots: [String: String]
        /// What the customer was shown, the queue announcement included.
        public var replies: [String]
        /// The turn handed the customer off.
        public var queued: Bool
        /// Request metadata sent with the message.
        public var meta: [String: String]
        /// Seconds the clock was moved on before this turn.
        public var advance: Double
        /// Set for an action's result instead of a customer message; `say` is then not written.
        public var result: TestActionResult?
        /// The action the turn called.
        public var action: String?

        public init(
            say: String, intent: String?, slots: [String: String], replies: [String], queued: Bool,
            meta: [String: String] = [:], advance: Double = 0
        ) {
            self.say = say
            self.meta = meta
            self.advance = advance
            self.intent = intent
            self.slots = slots
            self.replies = replies
            self.queued = queued
        }
    }

    /// A conversation object, indented to sit in a file's `conversations` list. Its `now` is the
    /// first turn's moment, so relative dates replay as they were said.
    public static func conversation(name: String, start: Double, turns: [RecordedTurn], language: String? = nil)
        -> String
    {
        let lines = turns.map { "      " + turn($0) }
        let lang = language.map { ", \"lang\": " + JSONWriter.string($0) } ?? ""
        return
            "    {\"name\": \(JSONWriter.string(name)), \"now\": \(JSONWriter.string(isoMoment(start)))\(lang), \"turns\": [\n"
            + lines.joined(separator: ",\n") + "\n    ]}"
    }

    /// A whole test file holding `conversations`.
    public static func file(conversations: [String]) -> String {
        "{\n  \"conversations\": [\n" + conversations.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    /// `existing` (the text of the test file `file`) with `conversation` added at the end of its
    /// list; refused, with the reason, when the file is not a test file whose `conversations`
    /// list comes last.
    public static func appending(_ conversation: String, to existing: String, file: String)
        throws(DefinitionErrors) -> String
    {
        let before = try ConversationTestDecoder.load(Array(existing.utf8), file: file).conversations.count
        guard let brace = lastVisible(in: existing, before: existing.endIndex), existing[brace] == "}",
            let bracket = lastVisible(in: existing, before: brace), existing[bracket] == "]",
            let last = lastVisible(in: existing, before: bracket)
        else { throw cannotAppend(file) }
        let head = existing[...last]
        let separator = existing[last] == "[" ? "\n" : ",\n"
        let updated = String(head) + separator + conversation + "\n  " + String(existing[bracket...])
        let after = try ConversationTestDecoder.load(Array(updated.utf8), file: file).conversations.count
        guard after == before + 1 else { throw cannotAppend(file) }
        return updated
    }

    /// The last character before `end` that is not white space.
    private static func lastVisible(in text: String, before end: String.Index) -> String.Index? {
        text[..<end].lastIndex { !$0.isWhitespace }
    }

    private static func cannotAppend(_ file: String) -> DefinitionErrors {
        DefinitionErrors([
            DefinitionError(
                file: file, path: "conversations",
                message: "cannot add a conversation: the file must end with its \"conversations\" list")
        ])
    }

    /// An agent's step as a test writes it.
    public static func agentStep(
        _ step: TestAgentStep, shown: [String], state: String, advance: Double = 0
    ) -> RecordedTurn {
        var turn = RecordedTurn(say: "", intent: nil, slots: [:], replies: shown, queued: false, advance: advance)
        turn.agent = step
        turn.state = state
        return turn
    }

    private static func turn(_ turn: RecordedTurn) -> String {
        if let step = turn.agent {
            var fields = ["\"agent\": " + JSONWriter.string(step.agent)]
            if turn.advance > 0 { fields.append("\"advance\": " + JSONWriter.number(turn.advance)) }
            switch step.kind {
            case .claim: fields.append("\"does\": \"claim\"")
            case .says(let text): fields.append("\"says\": " + JSONWriter.string(text))
            case .transfer(let queue): fields.append("\"does\": \"transfer\", \"queue\": " + JSONWriter.string(queue))
            case .release: fields.append("\"does\": \"release\"")
            case .close: fields.append("\"does\": \"close\"")
            }
            fields.append("\"reply\": " + JSONWriter.string(turn.replies.joined(separator: "\n")))
            fields.append("\"state\": " + JSONWriter.string(turn.state ?? "bot"))
            return "{" + fields.joined(separator: ", ") + "}"
        }
        if let result = turn.result {
            var answer: [String] = []
            if result.error == nil { answer.append("\"outcome\": " + JSONWriter.string(result.outcome)) }
            if !result.values.isEmpty { answer.append("\"values\": " + ProtocolCodec.object(result.values)) }
            if let error = result.error { answer.append("\"error\": " + JSONWriter.string(error)) }
            var fields = ["\"result\": {" + answer.joined(separator: ", ") + "}"]
            if turn.advance > 0 { fields.append("\"advance\": " + JSONWriter.number(turn.advance)) }
            fields.append("\"reply\": " + JSONWriter.string(turn.replies.joined(separator: "\n")))
            fields.append("\"state\": " + JSONWriter.string(turn.state ?? "bot"))
            return "{" + fields.joined(separator: ", ") + "}"
        }
        var fields = ["\"say\": " + JSONWriter.string(turn.say)]
        if turn.advance > 0 { fields.append("\"advance\": " + JSONWriter.number(turn.advance)) }
        if !turn.meta.isEmpty { fields.append("\"meta\": " + ProtocolCodec.object(turn.meta)) }
        fields.append("\"intent\": " + (turn.intent.map(JSONWriter.string) ?? "null"))
        if !turn.slots.isEmpty { fields.append("\"slots\": " + ProtocolCodec.object(turn.slots)) }
        if let action = turn.action { fields.append("\"action\": " + JSONWriter.string(action)) }
        fields.append("\"reply\": " + JSONWriter.string(turn.replies.joined(separator: "\n")))
        if let state = turn.state ?? (turn.queued ? "queued" : nil) {
            fields.append("\"state\": " + JSONWriter.string(state))
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// `2026-11-23T10:00:00Z`.
    static func isoMoment(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let date = CalendarDate.fromEpoch(seconds: Double(whole))
        let time = ((whole % 86_400) + 86_400) % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date)T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }
}
