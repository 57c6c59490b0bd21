import Foundation
import GRDB
import Usher

/// Reads a state file's log back in time order, for figures: turns (with their form events),
/// contact-centre events and session ends, each table read in order and the three merged, so a
/// million turns stream through without being held.
struct SQLiteLogScan {
    let db: Database
    let path: String
    let from: Double?
    let to: Double?
    let detail: LogDetail

    private var range: (sql: String, arguments: StatementArguments) {
        ("at >= ? AND at < ?", [from ?? -Double.greatestFiniteMagnitude, to ?? Double.greatestFiniteMagnitude])
    }

    func run(_ visit: (LogRecord) throws -> Void) throws {
        let decoder = JSONDecoder()
        var turns = try TurnStream(db: db, range: range, detail: detail, path: path)
        let events = try Row.fetchCursor(
            db, sql: "SELECT seq, at, event FROM centre_events WHERE \(range.sql) ORDER BY seq",
            arguments: range.arguments)
        let ends = try Row.fetchCursor(
            db, sql: "SELECT seq, at, session, reason, agent FROM session_ends WHERE \(range.sql) ORDER BY seq",
            arguments: range.arguments)
        try LogMerge.merge(
            turns: { try turns.next() },
            events: { try events.next().map { row in LogRecord.event(try decodeEvent(row, decoder)) } },
            ends: { try ends.next().map(end) }, visit)
    }

    private func decodeEvent(_ row: Row, _ decoder: JSONDecoder) throws -> CentreEvent {
        let json: String = row[2]
        do {
            return try decoder.decode(CentreEvent.self, from: Data(json.utf8))
        } catch {
            throw StoreError(.unusable, "\(path): centre_events row \(row[0] as Int64) cannot be read: \(error)")
        }
    }

    private func end(_ row: Row) throws -> LogRecord {
        guard let reason = SessionEnd.Reason(code: row[3], agent: row[4]) else {
            throw StoreError(.unusable, "\(path): session_ends row \(row[0] as Int64) has an unknown reason")
        }
        return .end(SessionEnd(session: row[2], at: row[1], reason: reason))
    }

    /// Turns in order, each with its form events (read alongside, also in turn order).
    private struct TurnStream {
        let turns: RowCursor
        let formEvents: RowCursor
        let detail: LogDetail
        let path: String
        var pendingEvent: (turn: Int64, event: FormEvent)?

        init(db: Database, range: (sql: String, arguments: StatementArguments), detail: LogDetail, path: String) throws
        {
            let columns: String
            var filter = range.sql
            var arguments = range.arguments
            switch detail {
            case .summary:
                columns =
                    "seq, at, session, started_at, customer, intent, confidence, decided_by, form, form_slot, state, handoff, handoff_queue, action, action_outcome, language, bot_version"
            case .full:
                columns = "*"
            case .unmatched(let below):
                columns = "*"
                filter +=
                    " AND (decided_by = 'fallback' OR (decided_by IN ('similarity', 'pattern') AND confidence < ?))"
                arguments += [below]
            }
            turns = try Row.fetchCursor(
                db, sql: "SELECT \(columns) FROM turns WHERE \(filter) ORDER BY seq", arguments: arguments)
            formEvents = try Row.fetchCursor(
                db, sql: "SELECT turn, form, event, slot FROM form_events WHERE \(range.sql) ORDER BY turn, seq",
                arguments: range.arguments)
            self.detail = detail
            self.path = path
        }

        mutating func next() throws -> LogRecord? {
            guard let row = try turns.next() else { return nil }
            let seq: Int64 = row["seq"]
            var turn: TurnRecord
            if case .summary = detail {
                let handoff: String? = row["handoff"]
                turn = TurnRecord(
                    at: row["at"], session: row["session"], conversationStart: row["started_at"],
                    customer: row["customer"], text: "", intent: row["intent"], confidence: row["confidence"],
                    decidedBy: TurnRecord.Decision(rawValue: row["decided_by"]) ?? .fallback, form: row["form"],
                    formSlot: row["form_slot"], replies: [], state: row["state"],
                    handoff: try handoff.map { try JSONDecoder().decode(HandoffReason.self, from: Data($0.utf8)) },
                    handoffQueue: row["handoff_queue"], action: row["action"], actionOutcome: row["action_outcome"],
                    language: row["language"], botVersion: row["bot_version"])
            } else {
                turn = try SQLiteRows.turn(row)
            }
            while true {
                if pendingEvent == nil, let row = try formEvents.next() {
                    guard let kind = FormEvent.Kind(rawValue: row[2]) else {
                        throw StoreError(.unusable, "\(path): form_events has an unknown event \(row[2] as String)")
                    }
                    pendingEvent = (row[0], FormEvent(form: row[1], kind: kind, slot: row[3]))
                }
                guard let pending = pendingEvent, pending.turn <= seq else { break }
                if pending.turn == seq { turn.formEvents.append(pending.event) }
                pendingEvent = nil
            }
            return .turn(turn)
        }
    }
}

extension SQLiteConversationStore: LogReader {
    public func scanLog(from: Double?, to: Double?, detail: LogDetail, _ visit: (LogRecord) throws -> Void) throws {
        try reading { db in try SQLiteLogScan(db: db, path: path, from: from, to: to, detail: detail).run(visit) }
    }
}
