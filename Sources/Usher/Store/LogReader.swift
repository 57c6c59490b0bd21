/// What reads the conversation log back for figures: every store, and a read-only view of a
/// state file that a server may be writing at the same time.
///
/// A store answers one question, ``readLog(detail:_:)``: the streams of a part of its log
/// (``LogPart``). Which records a period's figures count is decided once, here, for every
/// store: ``scanLog(from:to:detail:_:)``.
///
/// ```swift
/// var builder = StatsBuilder()
/// try store.scanLog(from: monday, to: tuesday, detail: .summary) { builder.add($0) }
/// ```
public protocol LogReader {
    /// Opens the log for reading and calls `body` with a function that gives the streams of a
    /// part of it; the streams can be read only while `body` runs, each as far as it likes.
    /// `detail` says how much of each turn to read (and which turns, for `.unmatched`).
    func readLog(detail: LogDetail, _ body: (_ open: (LogPart) throws -> LogStreams) throws -> Void) throws
}

extension LogReader {
    /// Calls `visit` with every record of the conversations that began in `from..<to` (seconds
    /// since 1970; `nil` is open), whole, in time order, without holding the whole log in
    /// memory: their turns, contact-centre events and ends, those logged after `to` included.
    /// A conversation that began before `from` is left out, even its turns in the period
    /// (``LogPeriod`` says which records are whose). With `from`, the customers' contacts of the
    /// day before come first, as ``LogRecord/earlierContact(customer:start:)``.
    ///
    /// Past `to`, only the conversations still open then are read, and only until the last of
    /// them has ended.
    public func scanLog(from: Double?, to: Double?, detail: LogDetail, _ visit: (LogRecord) throws -> Void) throws {
        try readLog(detail: detail) { open in
            guard from != nil || to != nil else {
                return try LogMerge.merge(try open(.span(from: nil, to: nil)), visit)
            }
            var period = LogPeriod(from: from, to: to)
            if let from {
                let before = try open(.contacts(from: from - StatsBuilder.repeatWindow, to: from))
                for contact in try LogPeriod.earlierContacts(in: before.turns) { try visit(contact) }
            }
            func admit(_ record: LogRecord) throws {
                if let kept = period.admit(record) { try visit(kept) }
            }
            try LogMerge.merge(try open(.span(from: from, to: to)), admit)
            guard let to else { return }
            var tail = try open(.tail(from: from, to: to, sessions: period.open))
            // Each tail turn says whether its conversation is the period's; the events and ends
            // are read only while a conversation of the period is open.
            let (events, ends) = (tail.events, tail.ends)
            tail.events = { period.open.isEmpty ? nil : try events() }
            tail.ends = { period.open.isEmpty ? nil : try ends() }
            try LogMerge.merge(tail, admit)
        }
    }
}
