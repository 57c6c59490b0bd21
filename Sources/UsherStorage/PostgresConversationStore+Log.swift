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
        try scan(from: nil, to: nil, detail: .full) { record in
            switch record {
            case .turn(let turn): log.turns.append(turn)
            case .event(let event): log.events.append(event)
            case .end(let end): log.ends.append(end)
            }
        }
        return log
    }

    public func scanLog(from: Double?, to: Double?, detail: LogDetail, _ visit: (LogRecord) throws -> Void) throws {
        try scan(from: from, to: to, detail: detail) { record in
            if case .turn(var turn) = record, case .summary = detail {
                turn.text = ""
                turn.replies = []
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
        var page: [(Int64, TurnRecord)] = []
        do {
            page = try rows.map { try PostgresRows.turn($0) }
        } catch {
            throw StoreError(.unusable, "\(address): a turns row cannot be read: \(error)")
        }
        guard let first = page.first?.0, let last = page.last?.0 else { return [] }
        var formBindings = PostgresBindings()
        formBindings.append(first)
        formBindings.append(last)
        var formEvents: [Int64: [FormEvent]] = [:]
        for row in try reading(
            "SELECT turn, form, event, slot FROM form_events WHERE turn BETWEEN $1 AND $2 ORDER BY seq", formBindings)
        {
            let (turn, form, event, slot) = try row.decode((Int64, String, String, String?).self)
            guard let kind = FormEvent.Kind(rawValue: event) else {
                throw StoreError(.unusable, "\(address): form_events has an unknown event \(event)")
            }
            formEvents[turn, default: []].append(FormEvent(form: form, kind: kind, slot: slot))
        }
        return page.map { seq, turn in
            var turn = turn
            turn.formEvents = formEvents[seq] ?? []
            return (seq, .turn(turn))
        }
    }

    private func eventPage(after: Int64, range: (Double, Double)) throws -> [(Int64, LogRecord)] {
        let rows = try reading(
            "SELECT seq, event FROM centre_events WHERE seq > $1 AND at >= $2 AND at < $3 ORDER BY seq LIMIT $4",
            rangeBindings(after, range))
        return try rows.map { row in
            let (seq, json) = try row.decode((Int64, String).self)
            return (seq, .event(try decodeEvent(json, seq: seq)))
        }
    }

    private func endPage(after: Int64, range: (Double, Double)) throws -> [(Int64, LogRecord)] {
        let rows = try reading(
            """
            SELECT seq, at, session, reason, agent FROM session_ends
            WHERE seq > $1 AND at >= $2 AND at < $3 ORDER BY seq LIMIT $4
            """, rangeBindings(after, range))
        return try rows.map { row in
            let (seq, at, session, code, agent) = try row.decode((Int64, Double, String, String, String?).self)
            guard let reason = SessionEnd.Reason(code: code, agent: agent) else {
                throw StoreError(.unusable, "\(address): session_ends row \(seq) has an unknown reason")
            }
            return (seq, .end(SessionEnd(session: session, at: at, reason: reason)))
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
