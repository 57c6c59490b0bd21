import Foundation
import GRDB
import Usher

extension StoredValue {
    /// `column` of a SQLite row, as `T`.
    func read<T: DatabaseValueConvertible>(_ row: Row, _ column: String) throws(DamagedRow) -> T {
        try value(column) { try row.decode(T.self, forColumn: column) }
    }
}

/// How log records become SQL rows: the columns `usher stats` filters and groups by are
/// columns; lists and maps are compact JSON.
enum SQLiteRows {
    static let insertTurn = """
        INSERT INTO turns (at, session, started_at, customer, text, intent, confidence, decided_by, candidates,
            pattern, similarity, filled, form, form_slot, replies, state, handoff_code, handoff, handoff_queue,
            action, action_outcome, language, bot_version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func arguments(_ turn: TurnRecord) -> StatementArguments {
        StatementArguments(
            [
                turn.at, turn.session, turn.conversationStart, turn.customer, turn.text, turn.intent, turn.confidence,
                turn.decidedBy.rawValue,
                candidates(turn.candidates), turn.pattern, turn.similarity, object(turn.filled), turn.form,
                turn.formSlot,
                array(turn.replies), turn.state, turn.handoff?.code, turn.handoff.map(json), turn.handoffQueue,
                turn.action, turn.actionOutcome, turn.language, turn.botVersion,
            ] as [(any DatabaseValueConvertible)?])
    }

    /// Where a row of a log table is, for the errors of reading it: its `seq` and time.
    static func place(of row: Row, table: String, store: String) -> StoredValue {
        StoredValue(
            store: store, table: table, row: (try? row.decode(Int64.self, forColumn: "seq")).map { "seq \($0)" } ?? "?",
            at: try? row.decode(Double.self, forColumn: "at"))
    }

    /// The record a `turns` row holds (``StoredTurn``).
    static func turn(_ row: Row, store: String) throws(DamagedRow) -> TurnRecord {
        try StoredTurn.record(Columns(row: row, place: place(of: row, table: "turns", store: store)))
    }

    /// A SQLite row's columns.
    private struct Columns: StoredColumns {
        let row: Row
        let place: StoredValue

        func has(_ column: String) -> Bool { row.hasColumn(column) }
        func text(_ column: String) throws(DamagedRow) -> String { try place.read(row, column) }
        func optionalText(_ column: String) throws(DamagedRow) -> String? { try place.read(row, column) }
        func number(_ column: String) throws(DamagedRow) -> Double { try place.read(row, column) }
        func optionalNumber(_ column: String) throws(DamagedRow) -> Double? { try place.read(row, column) }
    }

    /// The turn a `form_events` row belongs to, and the event.
    static func formEvent(_ row: Row, store: String) throws(DamagedRow) -> (turn: Int64, event: FormEvent) {
        let cell = place(of: row, table: "form_events", store: store)
        let kind = try cell.code(try cell.read(row, "event"), column: "event", FormEvent.Kind.init)
        return (
            try cell.read(row, "turn"),
            FormEvent(form: try cell.read(row, "form"), kind: kind, slot: try cell.read(row, "slot"))
        )
    }

    static func json(_ reason: HandoffReason) -> String {
        String(decoding: (try? JSONEncoder().encode(reason)) ?? Data("null".utf8), as: UTF8.self)
    }

    static func array(_ strings: [String]) -> String {
        "[" + strings.map(JSONWriter.string).joined(separator: ",") + "]"
    }

    static func object(_ map: [String: String]) -> String {
        "{"
            + map.sorted { $0.key < $1.key }.map { JSONWriter.string($0.key) + ":" + JSONWriter.string($0.value) }
            .joined(separator: ",") + "}"
    }

    static func candidates(_ candidates: [TurnRecord.Candidate]) -> String {
        "["
            + candidates.map { "{\"intent\":\(JSONWriter.string($0.intent)),\"score\":\(JSONWriter.number($0.score))}" }
            .joined(separator: ",") + "]"
    }
}
