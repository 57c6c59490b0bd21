import Foundation
import GRDB
import Usher

/// Reads a state file's log back in time order, for figures: turns (with their form events),
/// contact-centre events and session ends, each table read in order and the three merged, so a
/// million turns stream through without being held. A row that cannot be read comes as
/// ``LogRecord/damaged(_:)``, naming its table, row and column, and the scan goes on.
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
        var turns = try TurnStream(db: db, range: range, detail: detail, path: path)
        let events = try Row.fetchCursor(
            db, sql: "SELECT seq, at, event FROM centre_events WHERE \(range.sql) ORDER BY seq",
            arguments: range.arguments)
        let ends = try Row.fetchCursor(
            db, sql: "SELECT seq, at, session, reason, agent FROM session_ends WHERE \(range.sql) ORDER BY seq",
            arguments: range.arguments)
        try LogMerge.merge(
            turns: { try turns.next() },
            events: { try events.next().map(event) },
            ends: { try ends.next().map(end) }, visit)
    }

    private func event(_ row: Row) -> LogRecord {
        let cell = SQLiteRows.place(of: row, table: "centre_events", store: path)
        do {
            return .event(try cell.json(CentreEvent.self, try cell.read(row, "event") as String, column: "event"))
        } catch {
            return .damaged(error)
        }
    }

    private func end(_ row: Row) -> LogRecord {
        let cell = SQLiteRows.place(of: row, table: "session_ends", store: path)
        do {
            let agent: String? = try cell.read(row, "agent")
            let reason = try cell.code(try cell.read(row, "reason"), column: "reason") {
                SessionEnd.Reason(code: $0, agent: agent)
            }
            return .end(
                SessionEnd(session: try cell.read(row, "session"), at: try cell.read(row, "at"), reason: reason))
        } catch {
            return .damaged(error)
        }
    }

    /// Turns in order, each with its form events (read alongside, also in turn order).
    private struct TurnStream {
        let turns: RowCursor
        let formEvents: RowCursor
        let path: String
        var pendingEvent: (turn: Int64, event: FormEvent)?
        /// Form events that could not be read, handed on before the turn they belong to.
        var damaged: [DamagedRow] = []

        init(db: Database, range: (sql: String, arguments: StatementArguments), detail: LogDetail, path: String) throws
        {
            let columns: String
            var filter = range.sql
            var arguments = range.arguments
            switch detail {
            case .summary:
                columns =
                    "seq, at, session, started_at, customer, intent, confidence, decided_by, form, form_slot, replies, state, handoff, handoff_queue, action, action_outcome, language, bot_version"
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
                db,
                sql: "SELECT seq, at, turn, form, event, slot FROM form_events WHERE \(range.sql) ORDER BY turn, seq",
                arguments: range.arguments)
            self.path = path
        }

        mutating func next() throws -> LogRecord? {
            if !damaged.isEmpty { return .damaged(damaged.removeFirst()) }
            guard let row = try turns.next() else { return nil }
            let seq: Int64 = row["seq"]
            var turn: TurnRecord?
            var failure: DamagedRow?
            do {
                turn = try SQLiteRows.turn(row, store: path)
            } catch {
                failure = error
            }
            while true {
                if pendingEvent == nil, let row = try formEvents.next() {
                    do {
                        pendingEvent = try SQLiteRows.formEvent(row, store: path)
                    } catch {
                        damaged.append(error)
                        continue
                    }
                }
                guard let pending = pendingEvent, pending.turn <= seq else { break }
                if pending.turn == seq { turn?.formEvents.append(pending.event) }
                pendingEvent = nil
            }
            if let failure { return .damaged(failure) }
            return turn.map { .turn($0) }
        }
    }
}
