/// Conversations in this process's memory: the default for `usher serve` and `usher chat`
/// without `--state`, and for tests. Nothing survives the process.
///
/// Sessions handed to a transaction are lent, and kept as they were until it ends, so that one
/// that fails leaves them unchanged: a turn therefore copies its session's history once per
/// batch. The log is bounded by ``logLimit`` (nothing is kept when it is 0), contact-centre
/// events included: this store has one writer, so nothing ever replays them.
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
        let changes: StoreChanges
        let result: Result
        do {
            (changes, result) = try work(transaction)
        } catch {
            for (id, state) in transaction.taken { sessions[id] = state }
            throw error
        }
        for (id, state) in transaction.taken { sessions[id] = state }
        for state in changes.saved { sessions[state.id] = state }
        for id in changes.removed { sessions[id] = nil }
        // The versions the batch replaced are now held by `taken` alone.
        releaser.release(&transaction.taken)
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
        /// What the transaction took, as it was, to put back when it ends.
        var taken: [String: SessionState] = [:]

        init(store: InMemoryConversationStore, newEvents: [CentreEvent]) {
            self.store = store
            self.newEvents = newEvents
        }

        func sessions(_ ids: [String]) -> [String: SessionState] {
            var found: [String: SessionState] = [:]
            found.reserveCapacity(ids.count)
            taken.reserveCapacity(taken.count + ids.count)
            for id in ids {
                if let state = taken[id] {
                    found[id] = state
                } else if let state = store.sessions.removeValue(forKey: id) {
                    taken[id] = state
                    found[id] = state
                }
            }
            return found
        }
    }
}
