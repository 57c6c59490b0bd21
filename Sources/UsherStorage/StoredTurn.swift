import Usher

/// One stored row's columns, as a store reads them: the few types a `turns` row holds.
protocol StoredColumns {
    /// Where the row is, for the errors of reading it.
    var place: StoredValue { get }
    /// Whether the row was read with this column (a scan for figures leaves some out).
    func has(_ column: String) -> Bool
    func text(_ column: String) throws(DamagedRow) -> String
    func optionalText(_ column: String) throws(DamagedRow) -> String?
    func number(_ column: String) throws(DamagedRow) -> Double
    func optionalNumber(_ column: String) throws(DamagedRow) -> Double?
}

/// The record a `turns` row holds, read the one way in both stores.
enum StoredTurn {
    /// A scan for figures leaves out the text, the candidates and the filled slots; they come
    /// back empty.
    static func record(_ row: some StoredColumns) throws(DamagedRow) -> TurnRecord {
        let cell = row.place
        func json<T: Decodable>(_ type: T.Type, _ column: String, absent: T) throws(DamagedRow) -> T {
            guard row.has(column) else { return absent }
            return try cell.json(type, try row.text(column), column: column)
        }
        let handoff = try row.optionalText("handoff")
        return TurnRecord(
            at: try row.number("at"), session: try row.text("session"),
            conversationStart: try row.number("started_at"), customer: try row.optionalText("customer"),
            text: row.has("text") ? try row.text("text") : "", intent: try row.optionalText("intent"),
            confidence: try row.number("confidence"),
            decidedBy: try cell.code(try row.text("decided_by"), column: "decided_by", TurnRecord.Decision.init),
            candidates: try json([TurnRecord.Candidate].self, "candidates", absent: []),
            pattern: try row.optionalText("pattern"), similarity: try row.optionalNumber("similarity"),
            filled: try json([String: String].self, "filled", absent: [:]), form: try row.optionalText("form"),
            formSlot: try row.optionalText("form_slot"), replies: try json([String].self, "replies", absent: []),
            state: try row.text("state"),
            handoff: try handoff.map { json throws(DamagedRow) in
                try cell.json(HandoffReason.self, json, column: "handoff")
            },
            handoffQueue: try row.optionalText("handoff_queue"), action: try row.optionalText("action"),
            actionOutcome: try row.optionalText("action_outcome"), language: try row.optionalText("language"),
            botVersion: try row.text("bot_version"))
    }
}
