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

    public func scanLog(from: Double?, to: Double?, detail: LogDetail, _ visit: (LogRecord) throws -> Void) throws {
        let inRange: (LogRecord) -> Bool = { ($0.at >= from ?? -.infinity) && $0.at < to ?? .infinity }
        var kept = turns
        if case .unmatched(let below) = detail { kept = kept.filter { $0.isUnmatched(below: below) } }
        let records = (kept.map(LogRecord.turn) + events.map(LogRecord.event) + ends.map(LogRecord.end)).filter(
            inRange)
        // A stable sort: records of one moment keep the order they were committed in.
        for record in records.enumerated().sorted(by: { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }) {
            try visit(record.element)
        }
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
