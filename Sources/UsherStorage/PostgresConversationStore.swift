import Foundation
import Logging
import PostgresNIO
import Usher

/// Conversations in PostgreSQL through PostgresNIO: `usher serve --state postgres://…`, for
/// several processes on one or many machines sharing sessions, queues and agents.
///
/// Each batch is one transaction on one connection, and three locks make many processes act as
/// one:
/// - **Sessions.** A transaction takes a transaction-scoped advisory lock on every session it
///   reads (existing or not yet created), so a session's turns never run at once in two
///   processes, and run in the order their locks were granted. The first locks of a
///   transaction are taken in key order; any it needs later are only tried, and a transaction
///   that cannot have one starts again with all of them taken up front, in order. So no
///   transaction ever waits while holding a lock another waiting one needs: no deadlocks.
/// - **The contact centre.** Its rules stay in the engine's ``ContactCentre``; the store keeps its
///   events in one total order, numbered in commit order under the row lock of `centre_head`.
///   A batch takes that lock when it first decides anything with the centre (``StoreTransaction/
///   takeCentre()``: a handoff, a claim) and applies the events committed meanwhile, so only
///   that part of batches takes turns across processes; the customers' turns run before it, in
///   parallel. A transaction that writes events without having taken the centre checks under
///   the lock that no event came since it caught up, and otherwise runs again on the news (after
///   two lost races it takes the lock at its start). So every process replays the same centre, a
///   customer is claimed once and ticket numbers never repeat.
/// - **Sessions kept in memory** carry the version they were read at; a transaction reads a
///   session's snapshot again only when another process wrote it since.
///
/// A lost connection fails the batch (``StoreError``, nothing kept); the next batch connects
/// again, so the server recovers by itself once the database is back.
public final class PostgresConversationStore: ConversationStore {
    public let address: PostgresAddress
    let link: PostgresLink
    /// Sessions as last committed, with the version they were committed at.
    var cache: [String: (version: Int64, state: SessionState)] = [:]
    /// The last contact-centre event this store has seen.
    private var cursor: Int64 = 0
    /// Whether a transaction has committed: until then, the store has not caught up with the
    /// contact centre's events, and its first read of them (every event ever, replayed at start)
    /// may rightly outlast the statement timeout on a busy desk's database.
    private var caughtUp = false
    let encoder = JSONEncoder()
    let decoder = JSONDecoder()
    /// Runs just before `COMMIT` is sent: where tests break the connection.
    var beforeCommit: (() -> Void)?
    /// Seconds a statement may run by default: a batch's statements take milliseconds, so one
    /// that runs 10 s is stuck (on a lock a stopped process holds, a server in trouble), and its
    /// customers are better told `storage_unavailable` than kept waiting.
    public static let defaultStatementTimeout = 10.0
    /// How many times a batch runs again after lost races before it fails.
    static let attempts = 40
    /// From which attempt a batch takes the centre's lock at its start.
    static let pessimisticFrom = 3

    /// Connects, and brings the database to this Usher's schema (or, with `migrating` false, for
    /// reading the log only, checks that it has it); refuses, untouched, one written by a newer
    /// Usher. An unreachable database throws ``StoreError/Kind/unavailable``.
    ///
    /// `statementTimeout` (seconds, 0 for none) bounds every statement but the migrations': a
    /// batch waiting on a lock held elsewhere, or on a server that stopped answering, fails with
    /// ``StoreError/Kind/unavailable`` instead of stalling the process.
    public init(
        address: PostgresAddress, connectTimeout: Double = 5, statementTimeout: Double = defaultStatementTimeout,
        migrating: Bool = true,
        logger: Logger = Logger(label: "usher.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws(StoreError) {
        self.address = address
        link = PostgresLink(
            address: address, connectTimeout: connectTimeout, statementTimeout: statementTimeout, logger: logger)
        if migrating {
            try PostgresSchema.migrate(link)
        } else {
            try PostgresSchema.check(link)
        }
    }

    /// Why a transaction must run again: it lost a race for a session or the centre.
    struct Retry: Error {
        /// Every session it asked for, to lock up front next time.
        var sessions: Set<String>
    }

    public func transact<Result>(_ work: (StoreTransaction) throws -> (StoreChanges, Result)) throws -> Result {
        var prelock: Set<String> = []
        var attempt = 1
        while true {
            do {
                return try run(work, prelock: prelock, pessimistic: attempt >= Self.pessimisticFrom)
            } catch let retry as Retry {
                guard attempt < Self.attempts else {
                    throw StoreError(
                        .unavailable,
                        "\(address): the batch lost \(attempt) races with other processes for its sessions or the contact centre; nothing of the batch was kept"
                    )
                }
                prelock.formUnion(retry.sessions)
                attempt += 1
            }
        }
    }

    private func run<Result>(
        _ work: (StoreTransaction) throws -> (StoreChanges, Result), prelock: Set<String>, pessimistic: Bool
    ) throws -> Result {
        let transaction = Transaction(store: self)
        do {
            try link.begin()
            if !prelock.isEmpty { try transaction.lock(Array(prelock)) }
            if pessimistic { transaction.head = try lockHead() }
            let seen = cursor
            let (events, last) =
                caughtUp ? try self.events(after: seen) : try link.withoutTimeout { try self.events(after: seen) }
            transaction.newEvents = events
            transaction.lastEvent = last
            let (changes, result) = try work(transaction)
            let written = try write(changes, transaction)
            try commit(writes: !changes.isEmpty, mark: written.mark)
            cursor = written.lastEvent
            caughtUp = true
            for state in changes.unchanged {
                if let version = transaction.versions[state.id] { cache[state.id] = (version, state) }
            }
            for state in changes.saved {
                if let version = written.versions[state.id] { cache[state.id] = (version, state) }
            }
            for id in changes.removed { cache[id] = nil }
            return result
        } catch {
            link.rollback()
            // Whatever this transaction read may be stale now.
            for id in transaction.requested { cache[id] = nil }
            if let failure = error as? PostgresFailure {
                if failure.isRace { throw Retry(sessions: transaction.requested) }
                throw StoreError(.unavailable, "\(address): \(failure.description); nothing of the batch was kept")
            }
            if let error = error as? StoreError, !error.message.hasSuffix("nothing of the batch was kept"),
                !error.message.hasSuffix(Self.mayHaveBeenKept)
            {
                throw StoreError(error.kind, error.message + "; nothing of the batch was kept")
            }
            throw error
        }
    }

    /// How a batch's error ends when the connection broke during its `COMMIT` and the database
    /// could not say whether it landed: the only case where an answer cannot say for sure.
    static let mayHaveBeenKept = "; the batch may have been kept"

    /// Commits the batch. When the connection breaks during `COMMIT` itself, the batch may have
    /// landed although no answer came: the store connects again and asks what became of the
    /// transaction (``PostgresCommit``), and carries on as committed if it was, so an answer
    /// never says `storage_unavailable` for a batch that is stored.
    private func commit(writes: Bool, mark known: PostgresCommit.Mark?) throws {
        let mark = writes ? try known ?? PostgresCommit.mark(link) : nil
        beforeCommit?()
        do {
            try link.commit()
        } catch {
            // The server refused the COMMIT on a live connection: it rolled back, nothing is kept.
            guard let mark, !link.isConnected else { throw error }
            let outcome: PostgresCommit.Outcome
            do {
                outcome = try PostgresCommit.outcome(of: mark, link)
            } catch {
                let reason = error.message.replacingOccurrences(of: "\(address): ", with: "")
                throw StoreError(
                    .unavailable,
                    "\(address): the connection broke during COMMIT and the database could not be asked whether it landed (\(reason))\(Self.mayHaveBeenKept)"
                )
            }
            switch outcome {
            case .committed: return
            case .rolledBack: throw error
            case .running, .unknown:
                throw StoreError(
                    .unavailable,
                    "\(address): the connection broke during COMMIT and the database cannot tell whether it landed\(Self.mayHaveBeenKept)"
                )
            }
        }
    }

    /// The number of the last centre event, locked until the transaction ends.
    private func lockHead() throws -> Int64 {
        let rows = try link.attempt("SELECT seq FROM centre_head FOR UPDATE")
        guard let row = rows.first else { throw StoreError(.unusable, "\(address): centre_head is empty") }
        return try row.decode(Int64.self)
    }

    /// The events committed after number `first`, and the last one's number.
    func events(after first: Int64) throws -> ([CentreEvent], Int64) {
        var bindings = PostgresBindings()
        bindings.append(first)
        let rows = try link.attempt("SELECT seq, event FROM centre_events WHERE seq > $1 ORDER BY seq", bindings)
        var events: [CentreEvent] = []
        var last = first
        for row in rows {
            let (seq, json) = try row.decode((Int64, String).self)
            events.append(try decodeEvent(json, seq: seq))
            last = seq
        }
        return (events, last)
    }

    func decodeEvent(_ json: String, seq: Int64) throws(StoreError) -> CentreEvent {
        try StoredValue.centreEvent(json, seq: seq, store: address.description)
    }

    func decodeSession(_ json: String, id: String) throws(StoreError) -> SessionState {
        try StoredValue.session(Data(json.utf8), id: id, store: address.description)
    }

    public func idleSessions(before cutoff: Double, limit: Int) throws -> [String] {
        var bindings = PostgresBindings()
        bindings.append(cutoff)
        bindings.append(limit)
        let rows = try reading(
            "SELECT id FROM sessions WHERE updated_at < $1 ORDER BY updated_at LIMIT $2", bindings)
        return try rows.map { try $0.decode(String.self) }
    }

    public func sessionCount() throws -> Int {
        let rows = try reading("SELECT count(*) FROM sessions")
        return try rows.first.map { try $0.decode(Int.self) } ?? 0
    }

    public var keepsLog: Bool { true }

    /// A statement outside a batch's transaction, as a ``StoreError`` when it fails.
    func reading(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
        do {
            return try link.attempt(sql, bindings)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unavailable, "\(address): \(PostgresFailure(error).description)")
        }
    }

    /// What a transaction holds: the news, the sessions it read and the versions it read them at.
    final class Transaction: StoreTransaction {
        unowned let store: PostgresConversationStore
        var newEvents: [CentreEvent] = []
        /// The number of the last event the transaction has taken in.
        var lastEvent: Int64 = 0
        /// The centre's head, when the transaction locked it.
        var head: Int64?
        private(set) var unreadable: [String: String] = [:]
        /// Every session asked for, and the version each was read at.
        private(set) var requested: Set<String> = []
        private(set) var versions: [String: Int64] = [:]
        private var locked: Set<String> = []

        init(store: PostgresConversationStore) {
            self.store = store
        }

        /// Locks the sessions `ids` and reads them, in one round trip: waiting, in key order,
        /// for the transaction's first locks; only trying for later ones (a transaction that
        /// waited while holding locks could deadlock), so one another process holds makes the
        /// transaction run again with every session locked up front (``Retry``).
        func lockAndRead(_ ids: [String], cached: [Int64]) throws -> PostgresQueryResult {
            requested.formUnion(ids)
            var bindings = PostgresBindings()
            bindings.append(ids)
            bindings.append(cached)
            bindings.append(locked.isEmpty && head == nil)
            let rows = try store.link.attempt(
                "SELECT id, version, state FROM usher_take_sessions($1, $2, $3)", bindings)
            locked.formUnion(ids)
            return rows
        }

        /// Locks the sessions `ids` (those read before a retry, up front).
        func lock(_ ids: [String]) throws {
            _ = try lockAndRead(ids, cached: ids.map { _ in -1 })
        }

        /// Locks `centre_head` for the rest of the transaction and returns the events committed
        /// since the transaction caught up: from here on, no other process can commit an event
        /// before this one, so its decisions need no second run.
        func takeCentre() throws -> [CentreEvent] {
            guard head == nil else { return [] }
            let rows = try store.link.attempt("SELECT seq FROM centre_head FOR UPDATE")
            let locked = try rows.first?.decode(Int64.self) ?? 0
            head = locked
            guard locked != lastEvent else { return [] }
            let (events, last) = try store.events(after: lastEvent)
            lastEvent = last
            return events
        }

        func sessions(_ ids: [String]) throws -> [String: SessionState] {
            var cached: [String: (version: Int64, state: SessionState)] = [:]
            for id in ids {
                if let entry = store.cache.removeValue(forKey: id) { cached[id] = entry }
            }
            let rows = try lockAndRead(ids, cached: ids.map { cached[$0]?.version ?? -1 })
            var found: [String: SessionState] = [:]
            for row in rows {
                let (id, version, json) = try row.decode((String, Int64, String?).self)
                versions[id] = version
                if let json {
                    do {
                        found[id] = try store.decodeSession(json, id: id)
                    } catch {
                        unreadable[id] = error.description
                    }
                } else if let entry = cached[id] {
                    found[id] = entry.state
                }
            }
            return found
        }
    }
}
