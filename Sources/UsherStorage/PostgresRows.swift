import Foundation
import PostgresNIO
import Usher

extension StoredValue {
    /// `column` of a PostgreSQL row, as `T`.
    func read<T: PostgresDecodable>(_ cells: PostgresRandomAccessRow, _ column: String) throws(DamagedRow) -> T {
        guard cells.contains(column) else { throw damaged(column, "no such column") }
        return try value(column) { try cells[column].decode(T.self) }
    }
}

/// How log records become PostgreSQL rows, and back. A batch's records travel as one JSON
/// array each, unpacked by `json_to_recordset` on the server: one statement per table per
/// batch, whatever the batch's size. The columns are the SQLite file's, so `usher stats` and
/// people's own queries read both alike.
enum PostgresRows {
    static let turnColumns =
        "seq, at, session, started_at, customer, text, intent, confidence, decided_by, candidates, pattern, similarity, filled, form, form_slot, replies, state, handoff_code, handoff, handoff_queue, action, action_outcome, language, bot_version"

    static let turnTypes = """
        seq bigint, at double precision, session text, started_at double precision, customer text, text text,
        intent text, confidence double precision, decided_by text, candidates text, pattern text,
        similarity double precision, filled text, form text, form_slot text, replies text, state text,
        handoff_code text, handoff text, handoff_queue text, action text, action_outcome text, language text,
        bot_version text
        """

    static let insertTurns = """
        INSERT INTO turns (\(turnColumns))
        SELECT \(turnColumns) FROM json_to_recordset($1::json) AS t(\(turnTypes))
        """

    static let insertFormEvents = """
        INSERT INTO form_events (turn, at, session, form, event, slot)
        SELECT turn, at, session, form, event, slot
        FROM json_to_recordset($1::json) AS t(turn bigint, at double precision, session text, form text, event text, slot text)
        """

    static let insertEvents = """
        INSERT INTO centre_events (seq, at, kind, session, agent, queue, event)
        SELECT seq, at, kind, session, agent, queue, event
        FROM json_to_recordset($1::json)
            AS t(seq bigint, at double precision, kind text, session text, agent text, queue text, event text)
        """

    static let insertEnds = """
        INSERT INTO session_ends (at, session, reason, agent)
        SELECT at, session, reason, agent
        FROM json_to_recordset($1::json) AS t(at double precision, session text, reason text, agent text)
        """

    /// The turns as a JSON array of rows, numbered `seqs` in order.
    static func turns(_ turns: [TurnRecord], seqs: [Int64]) -> String {
        rows(zip(seqs, turns)) { seq, turn in
            [
                ("seq", "\(seq)"), ("at", number(turn.at)), ("session", text(turn.session)),
                ("started_at", number(turn.conversationStart)), ("customer", text(turn.customer)),
                ("text", text(turn.text)), ("intent", text(turn.intent)), ("confidence", number(turn.confidence)),
                ("decided_by", text(turn.decidedBy.rawValue)),
                ("candidates", text(SQLiteRows.candidates(turn.candidates))),
                ("pattern", text(turn.pattern)), ("similarity", turn.similarity.map(number) ?? "null"),
                ("filled", text(SQLiteRows.object(turn.filled))), ("form", text(turn.form)),
                ("form_slot", text(turn.formSlot)), ("replies", text(SQLiteRows.array(turn.replies))),
                ("state", text(turn.state)), ("handoff_code", text(turn.handoff?.code)),
                ("handoff", text(turn.handoff.map(SQLiteRows.json))), ("handoff_queue", text(turn.handoffQueue)),
                ("action", text(turn.action)), ("action_outcome", text(turn.actionOutcome)),
                ("language", text(turn.language)), ("bot_version", text(turn.botVersion)),
            ]
        }
    }

    /// The form events of `turns` (numbered `seqs`), or `nil` when they did nothing to a form.
    static func formEvents(_ turns: [TurnRecord], seqs: [Int64]) -> String? {
        let events = zip(seqs, turns).flatMap { seq, turn in turn.formEvents.map { (seq, turn, $0) } }
        guard !events.isEmpty else { return nil }
        return rows(events) { seq, turn, event in
            [
                ("turn", "\(seq)"), ("at", number(turn.at)), ("session", text(turn.session)),
                ("form", text(event.form)),
                ("event", text(event.kind.rawValue)), ("slot", text(event.slot)),
            ]
        }
    }

    /// Centre events, already encoded, numbered from `first`.
    static func events(_ events: [(CentreEvent, String)], first: Int64) -> String {
        rows(events.enumerated()) { index, pair in
            let (event, json) = pair
            return [
                ("seq", "\(first + Int64(index))"), ("at", number(event.at)), ("kind", text(event.kind)),
                ("session", text(event.session)), ("agent", text(event.agent)), ("queue", text(event.queue)),
                ("event", text(json)),
            ]
        }
    }

    static func ends(_ ends: [SessionEnd]) -> String {
        rows(ends) { end in
            [
                ("at", number(end.at)), ("session", text(end.session)), ("reason", text(end.reason.code)),
                ("agent", text(end.reason.agent)),
            ]
        }
    }

    /// Where a row of a log table is, for the errors of reading it: its `seq` and time.
    static func place(of cells: PostgresRandomAccessRow, table: String, store: String) -> StoredValue {
        StoredValue(
            store: store, table: table,
            row: (try? cells["seq"].decode(Int64.self)).map { "seq \($0)" } ?? "?",
            at: try? cells["at"].decode(Double.self))
    }

    /// The record a `turns` row holds (the columns of ``turnColumns``; ``StoredTurn``).
    static func turn(_ cells: PostgresRandomAccessRow, store: String) throws(DamagedRow) -> TurnRecord {
        try StoredTurn.record(Columns(cells: cells, place: place(of: cells, table: "turns", store: store)))
    }

    /// A PostgreSQL row's columns.
    private struct Columns: StoredColumns {
        let cells: PostgresRandomAccessRow
        let place: StoredValue

        func has(_ column: String) -> Bool { cells.contains(column) }
        func text(_ column: String) throws(DamagedRow) -> String { try place.read(cells, column) }
        func optionalText(_ column: String) throws(DamagedRow) -> String? { try place.read(cells, column) }
        func number(_ column: String) throws(DamagedRow) -> Double { try place.read(cells, column) }
        func optionalNumber(_ column: String) throws(DamagedRow) -> Double? { try place.read(cells, column) }
    }

    /// A JSON array of objects, one per element, each written from its (column, JSON value) pairs.
    private static func rows<S: Sequence>(_ elements: S, _ columns: (S.Element) -> [(String, String)]) -> String {
        var out = "["
        for (index, element) in elements.enumerated() {
            if index > 0 { out += "," }
            out += "{"
            for (column, (name, value)) in columns(element).enumerated() {
                if column > 0 { out += "," }
                out += "\"\(name)\":\(value)"
            }
            out += "}"
        }
        return out + "]"
    }

    /// A number that reads back as the same double (Swift prints the shortest such digits).
    private static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }

    /// A text value; PostgreSQL's text cannot hold U+0000, so a NUL a customer typed is logged as
    /// U+FFFD instead of failing the batch of everyone it arrived with.
    private static func text(_ value: String?) -> String {
        guard let value else { return "null" }
        guard value.utf8.contains(0) else { return JSONWriter.string(value) }
        return JSONWriter.string(value.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}"))
    }
}
