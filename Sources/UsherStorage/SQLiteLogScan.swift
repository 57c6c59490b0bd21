import Foundation
import GRDB
import Usher

/// Reads a state file's log back in time order, for figures: turns (with their form events),
/// contact-centre events and session ends, each table read in order as a stream, so a million
/// turns go through without being held. A row that cannot be read comes as
/// ``LogRecord/damaged(_:)``, naming its table, row and column, and the stream goes on.
struct SQLiteLogScan {
    let db: Database
    let path: String
    let detail: LogDetail

    /// The SQL conditions that select `part` from each table, with their arguments.
    private struct Selection {
        var turns: (sql: String, arguments: StatementArguments)
        var formEvents: (sql: String, arguments: StatementArguments)
        var events: (sql: String, arguments: StatementArguments)
        var ends: (sql: String, arguments: StatementArguments)
        /// The order events and ends are read in: past a period's end, by time (the time index's
        /// own order), so that reading stops as soon as the last open conversation has ended.
        var order = "seq"

        init(_ part: LogPart) {
            switch part {
            case .span(let from, let to):
                let range: (sql: String, arguments: StatementArguments) = (
                    "at >= ? AND at < ?", [from ?? -.greatestFiniteMagnitude, to ?? .greatestFiniteMagnitude]
                )
                (turns, formEvents, events, ends) = (range, range, range, range)
            case .tail(let from, let to, let sessions):
                // The tail's turns by the moment their conversation began (index turns_by_start),
                // so the rest of the log is not read to find them; the form events by turn.
                let begun = "started_at >= ? AND started_at < ? AND at >= ?"
                let arguments: StatementArguments = [from ?? -.greatestFiniteMagnitude, to, to]
                turns = (begun, arguments)
                formEvents = ("turn IN (SELECT seq FROM turns WHERE \(begun))", arguments)
                let list = "[" + sessions.sorted().map(JSONWriter.string).joined(separator: ",") + "]"
                let named = "session IN (SELECT value FROM json_each(?))"
                events = ("at >= ? AND (\(named) OR kind = 'left')", [to, list])
                ends = ("at >= ? AND \(named)", [to, list])
                order = "at, seq"
            case .contacts(let from, let to):
                turns = ("at >= ? AND at < ? AND started_at >= ? AND customer IS NOT NULL", [from, to, from])
                (formEvents, events, ends) = (("0", []), ("0", []), ("0", []))
            }
        }
    }

    func streams(_ part: LogPart) throws -> LogStreams {
        let selection = Selection(part)
        var turns = try TurnStream(db: db, selection: selection, detail: detail, path: path)
        let events = try Row.fetchCursor(
            db,
            sql: "SELECT seq, at, event FROM centre_events WHERE \(selection.events.sql) ORDER BY \(selection.order)",
            arguments: selection.events.arguments)
        let ends = try Row.fetchCursor(
            db,
            sql:
                "SELECT seq, at, session, reason, agent FROM session_ends WHERE \(selection.ends.sql) ORDER BY \(selection.order)",
            arguments: selection.ends.arguments)
        return LogStreams(
            turns: { try turns.next() }, events: { try events.next().map(event) }, ends: { try ends.next().map(end) })
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

        init(db: Database, selection: Selection, detail: LogDetail, path: String) throws {
            let columns: String
            var filter = selection.turns.sql
            var arguments = selection.turns.arguments
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
                sql:
                    "SELECT seq, at, turn, form, event, slot FROM form_events WHERE \(selection.formEvents.sql) ORDER BY turn, seq",
                arguments: selection.formEvents.arguments)
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
