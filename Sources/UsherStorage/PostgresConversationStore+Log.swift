import Foundation
import PostgresNIO
import Usher

/// Reading the conversation log back: every record (``log()``, for tests and replay), or the
/// parts of it a period's figures need (``readLog(detail:_:)``, for `usher stats`), read a page
/// at a time so a million turns are never held at once.
extension PostgresConversationStore: LogReader {
    /// How many rows of a table one page holds.
    static let pageSize = 5_000

    public func log() throws -> ConversationLog {
        var log = ConversationLog()
        try scanLog(from: nil, to: nil, detail: .full) { try log.append($0) }
        return log
    }

    public func readLog(detail: LogDetail, _ body: (_ open: (LogPart) throws -> LogStreams) throws -> Void) throws {
        try body { part in try self.streams(part, detail: detail) }
    }

    /// What selects a part from a table: an SQL condition whose placeholders start at `$3` (`$1`
    /// is the page's last `seq`, `$2` its size), and their values.
    private struct Condition {
        var sql: String
        var bindings: [any PostgresThrowingDynamicTypeEncodable & Sendable]

        static func of(_ part: LogPart) -> (turns: Condition, events: Condition, ends: Condition) {
            switch part {
            case .span(let from, let to):
                let range = Condition(
                    sql: "at >= $3 AND at < $4",
                    bindings: [from ?? -.greatestFiniteMagnitude, to ?? .greatestFiniteMagnitude])
                return (range, range, range)
            case .tail(let from, let to, let sessions):
                // The tail's turns by the moment their conversation began (index turns_by_start),
                // so the rest of the log is not read to find them.
                let sessions = sessions.sorted()
                return (
                    Condition(
                        sql: "started_at >= $3 AND started_at < $4 AND at >= $5",
                        bindings: [from ?? -.greatestFiniteMagnitude, to, to]),
                    Condition(sql: "at >= $3 AND (session = ANY($4) OR kind = 'left')", bindings: [to, sessions]),
                    Condition(sql: "at >= $3 AND session = ANY($4)", bindings: [to, sessions])
                )
            case .contacts(let from, let to):
                let none = Condition(sql: "false", bindings: [])
                return (
                    Condition(
                        sql: "at >= $3 AND at < $4 AND started_at >= $3 AND customer IS NOT NULL", bindings: [from, to]),
                    none, none
                )
            }
        }

        /// The bindings of a page after `seq`: the page's, then the condition's.
        func bindings(after seq: Int64) throws -> PostgresBindings {
            var all = PostgresBindings()
            all.append(seq)
            all.append(PostgresConversationStore.pageSize)
            for value in bindings { try all.append(value) }
            return all
        }
    }

    /// The three tables, each read a page at a time in its own order, merged by the engine's
    /// ``LogMerge`` (as the SQLite store's are, so both order the log alike).
    private func streams(_ part: LogPart, detail: LogDetail) throws -> LogStreams {
        var (turnsWhere, eventsWhere, endsWhere) = Condition.of(part)
        if case .unmatched(let below) = detail {
            turnsWhere.bindings.append(below)
            turnsWhere.sql +=
                " AND (decided_by = 'fallback' OR (decided_by IN ('similarity', 'pattern') AND confidence < $\(turnsWhere.bindings.count + 2)))"
        }
        var turns = Pages { after in try self.turnPage(after: after, turnsWhere, detail: detail) }
        var events = Pages { after in try self.eventPage(after: after, eventsWhere) }
        var ends = Pages { after in try self.endPage(after: after, endsWhere) }
        return LogStreams(turns: { try turns.next() }, events: { try events.next() }, ends: { try ends.next() })
    }

    private func turnPage(after: Int64, _ condition: Condition, detail: LogDetail) throws -> [(Int64, LogRecord)] {
        let rows = try reading(
            """
            SELECT \(PostgresRows.turnColumns) FROM turns
            WHERE seq > $1 AND \(condition.sql) ORDER BY seq LIMIT $2
            """, try condition.bindings(after: after))
        var page: [(seq: Int64, turn: LogRecord)] = []
        for row in rows {
            let cells = row.makeRandomAccess()
            let seq = try cells["seq"].decode(Int64.self)
            do throws(DamagedRow) {
                var turn = try PostgresRows.turn(cells, store: address.description)
                // Figures read no text (the SQLite store does not select it).
                if case .summary = detail {
                    turn.text = ""
                    turn.candidates = []
                    turn.filled = [:]
                }
                page.append((seq, .turn(turn)))
            } catch {
                page.append((seq, .damaged(error)))
            }
        }
        guard let last = page.last?.seq else { return [] }
        var formBindings = PostgresBindings()
        formBindings.append(page.map(\.seq))
        var formEvents: [Int64: [FormEvent]] = [:]
        var damaged: [(Int64, LogRecord)] = []
        for row in try reading(
            "SELECT seq, at, turn, form, event, slot FROM form_events WHERE turn = ANY($1) ORDER BY seq", formBindings)
        {
            let cells = row.makeRandomAccess()
            let cell = PostgresRows.place(of: cells, table: "form_events", store: address.description)
            do {
                let kind = try cell.code(try cell.read(cells, "event"), column: "event", FormEvent.Kind.init)
                let event = FormEvent(
                    form: try cell.read(cells, "form"), kind: kind, slot: try cell.read(cells, "slot"))
                formEvents[try cell.read(cells, "turn") as Int64, default: []].append(event)
            } catch {
                damaged.append((last, .damaged(error)))
            }
        }
        return damaged
            + page.map { seq, record in
                guard case .turn(var turn) = record else { return (seq, record) }
                turn.formEvents = formEvents[seq] ?? []
                return (seq, .turn(turn))
            }
    }

    private func eventPage(after: Int64, _ condition: Condition) throws -> [(Int64, LogRecord)] {
        let rows = try reading(
            "SELECT seq, at, event FROM centre_events WHERE seq > $1 AND \(condition.sql) ORDER BY seq LIMIT $2",
            try condition.bindings(after: after))
        return try rows.map { row in
            let cells = row.makeRandomAccess()
            let cell = PostgresRows.place(of: cells, table: "centre_events", store: address.description)
            let seq = try cells["seq"].decode(Int64.self)
            do throws(DamagedRow) {
                return (
                    seq,
                    .event(try cell.json(CentreEvent.self, try cell.read(cells, "event") as String, column: "event"))
                )
            } catch {
                return (seq, .damaged(error))
            }
        }
    }

    private func endPage(after: Int64, _ condition: Condition) throws -> [(Int64, LogRecord)] {
        let rows = try reading(
            """
            SELECT seq, at, session, reason, agent FROM session_ends
            WHERE seq > $1 AND \(condition.sql) ORDER BY seq LIMIT $2
            """, try condition.bindings(after: after))
        return try rows.map { row in
            let cells = row.makeRandomAccess()
            let cell = PostgresRows.place(of: cells, table: "session_ends", store: address.description)
            let seq = try cells["seq"].decode(Int64.self)
            do throws(DamagedRow) {
                let agent: String? = try cell.read(cells, "agent")
                let reason = try cell.code(try cell.read(cells, "reason"), column: "reason") {
                    SessionEnd.Reason(code: $0, agent: agent)
                }
                return (
                    seq,
                    .end(
                        SessionEnd(
                            session: try cell.read(cells, "session"), at: try cell.read(cells, "at"), reason: reason))
                )
            } catch {
                return (seq, .damaged(error))
            }
        }
    }

    /// A table read a page at a time, by its `seq`.
    private struct Pages {
        let fetch: (Int64) throws -> [(Int64, LogRecord)]
        var page: [(Int64, LogRecord)] = []
        var index = 0
        var last: Int64 = 0
        var done = false

        init(_ fetch: @escaping (Int64) throws -> [(Int64, LogRecord)]) {
            self.fetch = fetch
        }

        mutating func next() throws -> LogRecord? {
            if index == page.count {
                guard !done else { return nil }
                page = try fetch(last)
                index = 0
                done = page.count < PostgresConversationStore.pageSize
                guard !page.isEmpty else { return nil }
                last = page[page.count - 1].0
            }
            index += 1
            return page[index - 1].1
        }
    }
}
