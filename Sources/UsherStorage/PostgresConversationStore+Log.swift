import Foundation
import PostgresNIO
import Usher

/// Reading the conversation log back: every record (``log()``, for tests and replay), or those
/// of a period in time order (``scanLog(from:to:detail:_:)``, for `usher stats`), read a page at
/// a time so a million turns are never held at once.
extension PostgresConversationStore: LogReader {
    /// How many rows of a table one page holds.
    static let pageSize = 5_000

    public func log() throws -> ConversationLog {
        var log = ConversationLog()
        try scan(from: nil, to: nil, detail: .full) { try log.append($0) }
        return log
    }

    public func scanLog(from: Double?, to: Double?, detail: LogDetail, _ visit: (LogRecord) throws -> Void) throws {
        try scan(from: from, to: to, detail: detail) { record in
            if case .turn(var turn) = record, case .summary = detail {
                turn.text = ""
                turn.candidates = []
                turn.filled = [:]
                try visit(.turn(turn))
            } else {
                try visit(record)
            }
        }
    }

    /// The three tables, each read a page at a time in its own order, merged by the engine's
    /// ``LogMerge`` (as the SQLite store's are, so both order the log alike).
    private func scan(from: Double?, to: Double?, detail: LogDetail, _ visit: (LogRecord) throws -> Void) throws {
        let range = (from ?? -Double.greatestFiniteMagnitude, to ?? Double.greatestFiniteMagnitude)
        var below: Double?
        if case .unmatched(let threshold) = detail { below = threshold }
        var turns = Pages { after in try self.turnPage(after: after, range: range, below: below) }
        var events = Pages { after in try self.eventPage(after: after, range: range) }
        var ends = Pages { after in try self.endPage(after: after, range: range) }
        try LogMerge.merge(turns: { try turns.next() }, events: { try events.next() }, ends: { try ends.next() }, visit)
    }

    private func rangeBindings(_ after: Int64, _ range: (Double, Double)) -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(after)
        bindings.append(range.0)
        bindings.append(range.1)
        bindings.append(Self.pageSize)
        return bindings
    }

    private func turnPage(after: Int64, range: (Double, Double), below: Double?) throws -> [(Int64, LogRecord)] {
        var bindings = rangeBindings(after, range)
        var filter = ""
        if let below {
            bindings.append(below)
            filter =
                " AND (decided_by = 'fallback' OR (decided_by IN ('similarity', 'pattern') AND confidence < $5))"
        }
        let rows = try reading(
            """
            SELECT \(PostgresRows.turnColumns) FROM turns
            WHERE seq > $1 AND at >= $2 AND at < $3\(filter) ORDER BY seq LIMIT $4
            """, bindings)
        var page: [(seq: Int64, turn: LogRecord)] = []
        for row in rows {
            let cells = row.makeRandomAccess()
            let seq = try cells["seq"].decode(Int64.self)
            do throws(DamagedRow) {
                page.append((seq, .turn(try PostgresRows.turn(cells, store: address.description))))
            } catch {
                page.append((seq, .damaged(error)))
            }
        }
        guard let first = page.first?.seq, let last = page.last?.seq else { return [] }
        var formBindings = PostgresBindings()
        formBindings.append(first)
        formBindings.append(last)
        var formEvents: [Int64: [FormEvent]] = [:]
        var damaged: [(Int64, LogRecord)] = []
        for row in try reading(
            "SELECT seq, at, turn, form, event, slot FROM form_events WHERE turn BETWEEN $1 AND $2 ORDER BY seq",
            formBindings)
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

    private func eventPage(after: Int64, range: (Double, Double)) throws -> [(Int64, LogRecord)] {
        let rows = try reading(
            "SELECT seq, at, event FROM centre_events WHERE seq > $1 AND at >= $2 AND at < $3 ORDER BY seq LIMIT $4",
            rangeBindings(after, range))
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

    private func endPage(after: Int64, range: (Double, Double)) throws -> [(Int64, LogRecord)] {
        let rows = try reading(
            """
            SELECT seq, at, session, reason, agent FROM session_ends
            WHERE seq > $1 AND at >= $2 AND at < $3 ORDER BY seq LIMIT $4
            """, rangeBindings(after, range))
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
