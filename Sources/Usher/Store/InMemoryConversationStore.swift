/// Conversations in this process's memory: the default for `usher serve` and `usher chat`
/// without `--state`, and for tests. Nothing survives the process.
///
/// Sessions handed to a transaction are copies: the store's versions change only when it
/// commits, so one that fails leaves them unchanged, and a turn copies its session's history
/// once per batch. The versions a commit replaces are freed on another thread. The log is
/// bounded by ``logLimit`` (nothing is kept when it is 0), contact-centre events included: this
/// store has one writer, so nothing ever replays them.
public final class InMemoryConversationStore: ConversationStore, LogReader {
    private var sessions: [String: SessionState] = [:]
    private var turns: [TurnRecord] = []
    private var events: [CentreEvent] = []
    private var ends: [SessionEnd] = []
    /// The most records of each kind the log keeps; older ones are dropped, so a long-running
    /// server's memory stays bounded.
    public let logLimit: Int
    /// Frees the versions of sessions that batches replaced, off the committing thread.
    private let releaser = SessionReleaser()

    public init(logLimit: Int = 10_000) {
        self.logLimit = logLimit
    }

    public func transact<Result>(_ work: (StoreTransaction) throws -> (StoreChanges, Result)) throws -> Result {
        // One writer: no other process ever commits events this one has not seen.
        let transaction = Transaction(store: self, newEvents: [])
        // Nothing is written until the work succeeds, so a failed batch leaves every session as it was.
        let (changes, result) = try work(transaction)
        var replaced: [SessionState] = []
        replaced.reserveCapacity(changes.saved.count + changes.removed.count)
        for state in changes.saved {
            if let old = sessions.updateValue(state, forKey: state.id) { replaced.append(old) }
        }
        for id in changes.removed {
            if let old = sessions.removeValue(forKey: id) { replaced.append(old) }
        }
        releaser.release(&replaced)
        append(changes.turns, to: &turns)
        append(changes.ends, to: &ends)
        append(changes.events, to: &events)
        return result
    }

    private func append<T>(_ records: [T], to log: inout [T]) {
        guard logLimit > 0 else { return }
        log += records
        if log.count > logLimit + logLimit / 4 { log.removeFirst(log.count - logLimit) }
    }

    public func idleSessions(before cutoff: Double, limit: Int) -> [String] {
        Array(sessions.values.lazy.filter { $0.updatedAt < cutoff }.map(\.id).prefix(limit))
    }

    public func sessionCount() -> Int { sessions.count }

    public var keepsLog: Bool { logLimit > 0 }

    public func log() -> ConversationLog {
        ConversationLog(turns: turns, events: events, ends: ends)
    }

    public func readLog(detail: LogDetail, _ body: (_ open: (LogPart) throws -> LogStreams) throws -> Void) throws {
        try body { part in
            var kept = turns
            if case .unmatched(let below) = detail { kept = kept.filter { $0.isUnmatched(below: below) } }
            let (turnsOf, eventsOf, endsOf) = Self.select(part)
            return LogStreams(
                turns: Self.stream(kept.filter(turnsOf).map(LogRecord.turn)),
                events: Self.stream(events.filter(eventsOf).map(LogRecord.event)),
                ends: Self.stream(ends.filter(endsOf).map(LogRecord.end)))
        }
    }

    /// Which turns, events and ends `part` holds.
    private static func select(
        _ part: LogPart
    ) -> (turns: (TurnRecord) -> Bool, events: (CentreEvent) -> Bool, ends: (SessionEnd) -> Bool) {
        switch part {
        case .span(let from, let to):
            let period = LogPeriod(from: from, to: to)
            return ({ period.contains($0.at) }, { period.contains($0.at) }, { period.contains($0.at) })
        case .tail(let from, let to, let sessions):
            let period = LogPeriod(from: from, to: to)
            return (
                { $0.at >= to && period.contains($0.conversationStart) },
                { $0.at >= to && ($0.session.map(sessions.contains) ?? ($0.kind == "left")) },
                { $0.at >= to && sessions.contains($0.session) }
            )
        case .contacts(let from, let to):
            let period = LogPeriod(from: from, to: to)
            return (
                { $0.customer != nil && period.contains($0.at) && $0.conversationStart >= from }, { _ in false },
                { _ in false }
            )
        }
    }

    /// `records` one at a time, in time order; records of one moment keep the order they were
    /// committed in (a stable sort).
    private static func stream(_ records: [LogRecord]) -> LogMerge.Stream {
        var sorted = records.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(
            \.element
        )[...]
        return { sorted.popFirst() }
    }

    private final class Transaction: StoreTransaction {
        unowned let store: InMemoryConversationStore
        let newEvents: [CentreEvent]
        /// Values in memory are always readable.
        let unreadable: [String: String] = [:]

        init(store: InMemoryConversationStore, newEvents: [CentreEvent]) {
            self.store = store
            self.newEvents = newEvents
        }

        func sessions(_ ids: [String]) -> [String: SessionState] {
            // The store's own versions stay where they are until the transaction commits: a turn
            // changes a copy.
            var found: [String: SessionState] = [:]
            found.reserveCapacity(ids.count)
            for id in ids {
                if let state = store.sessions[id] { found[id] = state }
            }
            return found
        }
    }
}
