import Foundation
import GRDB
import Usher

/// Conversations in a SQLite file through GRDB: `usher serve --state FILE`.
///
/// Each batch is one IMMEDIATE transaction in WAL mode, so a batch is committed whole before its
/// answers are written, readers (`usher stats`) never block the server, and several processes
/// may share one file: the write lock takes them in turn, each transaction first catches up on
/// the contact-centre events the others committed, and the sessions this process keeps in memory
/// are dropped whenever SQLite's `data_version` says another connection wrote.
///
/// A failed write (read-only file, full disk, a lock held too long) throws ``StoreError`` with
/// nothing of the batch kept; the connection is then reopened for the next batch, so the server
/// recovers by itself once writes succeed.
public final class SQLiteConversationStore: ConversationStore {
    /// What a commit must survive.
    public enum Sync: String, Sendable, CaseIterable {
        /// `synchronous=NORMAL`: a process crash loses nothing committed; a power loss may lose
        /// the last transactions (never corrupts).
        case normal
        /// `synchronous=FULL`: a power loss loses nothing committed, at the cost of an fsync per commit.
        case full
    }

    public let path: String
    public let sync: Sync
    /// How long a transaction waits for another process's lock before giving up.
    public let busyTimeout: Double
    private var queue: DatabaseQueue?
    /// Sessions as last committed, valid while no other connection has written.
    private var cache: [String: SessionState] = [:]
    private var dataVersion: Int?
    /// The last contact-centre event this store has seen.
    private var cursor: Int64 = 0
    /// The file's device and inode when it was opened: a file deleted or replaced under a
    /// running server is noticed, and never silently recreated empty.
    private var identity: FileIdentity?
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()

    /// Opens (or creates) the state file; refuses, untouched, a file that is not Usher's.
    public init(path: String, sync: Sync = .normal, busyTimeout: Double = 5) throws(StoreError) {
        self.path = path
        self.sync = sync
        self.busyTimeout = busyTimeout
        queue = try Self.retrying { () throws(StoreError) in try open() }
    }

    /// Runs `attempt` again a few times when the store is merely unavailable: two servers
    /// started together on a new file race to create its tables, and the loser finds them made.
    private static func retrying<T>(_ attempt: () throws(StoreError) -> T) throws(StoreError) -> T {
        var tries = 0
        while true {
            do {
                return try attempt()
            } catch  where error.kind == .unavailable && tries < 5 {
                tries += 1
                usleep(UInt32(20_000 * tries))
            }
        }
    }

    private func open() throws(StoreError) -> DatabaseQueue {
        try checkPath()
        try SQLiteSchema.checkHeader(of: path)
        try checkReadOnly()
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "usher-state"
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(.unavailable, "\(path): cannot open: \(SQLiteErrors.describe(error))")
        }
        do {
            try queue.read { db in try SQLiteSchema.checkContents(db, path: path) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unusable, "\(path): cannot read the database: \(SQLiteErrors.describe(error))")
        }
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = \(sync == .full ? "FULL" : "NORMAL")")
            }
            try SQLiteSchema.migrator.migrate(queue)
            // A file that can be read but not written is refused now, not request by request.
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                try db.execute(sql: "ROLLBACK")
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw StoreError(.unusable, "\(path): the file is read-only; usher needs to write it")
        } catch {
            throw StoreError(.unavailable, "\(path): cannot prepare the database: \(SQLiteErrors.describe(error))")
        }
        cache.removeAll()
        dataVersion = nil
        identity = FileIdentity(path: path)
        return queue
    }

    /// Refuses, with the reason, a path that cannot hold a state file.
    private func checkPath() throws(StoreError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreError(.unusable, "\(path): is a directory; give a file's name") }
            if access(path, R_OK | W_OK) != 0 {
                throw StoreError(.unusable, "\(path): permission denied (usher needs to read and write it)")
            }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            throw StoreError(.unusable, "\(path): the folder \(folder) does not exist")
        }
    }

    /// Looks at an existing file through a read-only connection first, so that one that is not
    /// Usher's is refused without ever being opened for writing (closing a writer can
    /// checkpoint another program's write-ahead log).
    private func checkReadOnly() throws(StoreError) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let reader = try DatabaseQueue(path: path, configuration: configuration)
            try reader.read { db in try SQLiteSchema.checkContents(db, path: path) }
            try reader.close()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unavailable, "\(path): cannot read: \(SQLiteErrors.describe(error))")
        }
    }

    public func transact<Result>(_ work: (StoreTransaction) throws -> (StoreChanges, Result)) throws -> Result {
        if let identity, FileIdentity(path: path) != identity {
            // Not reopened: that would create an empty file and lose every queue and session.
            throw StoreError(
                .unavailable,
                "\(path): the state file was deleted or replaced while in use; nothing of the batch was kept; put the file back, or restart usher to start a new one"
            )
        }
        let queue = try connection()
        var outcome: (StoreChanges, Result, Int64)?
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let version = try Int.fetchOne(db, sql: "PRAGMA data_version")
                    if version != dataVersion { cache.removeAll() }
                    dataVersion = version
                    let events = try newEvents(db)
                    let transaction = Transaction(store: self, db: db, newEvents: events.events)
                    let (changes, result) = try work(transaction)
                    let last = try write(changes, db)
                    outcome = (changes, result, max(events.last, last))
                    return .commit
                }
            }
        } catch let error as StoreError {
            self.queue = nil
            throw error
        } catch let error as DatabaseError {
            // Reopened for the next batch: a file made writable again, or a lock released, then works.
            self.queue = nil
            throw StoreError(.unavailable, "\(path): \(SQLiteErrors.describe(error)); nothing of the batch was kept")
        }
        guard let (changes, result, last) = outcome else { fatalError("a committed transaction has an outcome") }
        cursor = last
        for state in changes.unchanged { cache[state.id] = state }
        for state in changes.saved { cache[state.id] = state }
        for id in changes.removed { cache[id] = nil }
        return result
    }

    /// The events other writers committed since `cursor`, and the last one's number.
    private func newEvents(_ db: Database) throws -> (events: [CentreEvent], last: Int64) {
        var events: [CentreEvent] = []
        var last = cursor
        let rows = try Row.fetchCursor(
            db, sql: "SELECT seq, event FROM centre_events WHERE seq > ? ORDER BY seq", arguments: [cursor])
        while let row = try rows.next() {
            last = row[0]
            let json: String = row[1]
            events.append(try decodeEvent(json, seq: last))
        }
        return (events, last)
    }

    func decodeEvent(_ json: String, seq: Int64) throws(StoreError) -> CentreEvent {
        try StoredValue.centreEvent(json, seq: seq, store: path)
    }

    /// Writes a batch's changes; returns the number of the last event written (0 when none).
    private func write(_ changes: StoreChanges, _ db: Database) throws -> Int64 {
        if !changes.saved.isEmpty {
            let statement = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO sessions (id, updated_at, state) VALUES (?, ?, ?)")
            for state in changes.saved {
                try statement.execute(arguments: [state.id, state.updatedAt, state.snapshot()])
            }
        }
        if !changes.removed.isEmpty {
            let statement = try db.cachedStatement(sql: "DELETE FROM sessions WHERE id = ?")
            for id in changes.removed { try statement.execute(arguments: [id]) }
        }
        if !changes.turns.isEmpty {
            let statement = try db.cachedStatement(sql: SQLiteRows.insertTurn)
            let formEvent = try db.cachedStatement(
                sql: "INSERT INTO form_events (turn, at, session, form, event, slot) VALUES (?, ?, ?, ?, ?, ?)")
            for turn in changes.turns {
                try statement.execute(arguments: SQLiteRows.arguments(turn))
                let seq = db.lastInsertedRowID
                for event in turn.formEvents {
                    try formEvent.execute(arguments: [
                        seq, turn.at, turn.session, event.form, event.kind.rawValue, event.slot,
                    ])
                }
            }
        }
        var last: Int64 = 0
        if !changes.events.isEmpty {
            let statement = try db.cachedStatement(
                sql: "INSERT INTO centre_events (at, kind, session, agent, queue, event) VALUES (?, ?, ?, ?, ?, ?)")
            for event in changes.events {
                let data = try encoder.encode(event)
                // Read back before it is stored: an event the log could not replay would stop
                // every later transaction, so it is refused here, with its batch.
                guard (try? decoder.decode(CentreEvent.self, from: data)) == event else {
                    throw StoreError(
                        .unavailable,
                        "\(path): a \(event.kind) event does not read back as written; nothing of the batch was kept")
                }
                let json = String(decoding: data, as: UTF8.self)
                try statement.execute(arguments: [event.at, event.kind, event.session, event.agent, event.queue, json])
                last = db.lastInsertedRowID
            }
        }
        if !changes.ends.isEmpty {
            let statement = try db.cachedStatement(
                sql: "INSERT INTO session_ends (at, session, reason, agent) VALUES (?, ?, ?, ?)")
            for end in changes.ends {
                try statement.execute(arguments: [end.at, end.session, end.reason.code, end.reason.agent])
            }
        }
        return last
    }

    func decodeSession(_ data: Data, id: String) throws(StoreError) -> SessionState {
        try StoredValue.session(data, id: id, store: path)
    }

    public func idleSessions(before cutoff: Double, limit: Int) throws -> [String] {
        try reading { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM sessions WHERE updated_at < ? ORDER BY updated_at LIMIT ?",
                arguments: [cutoff, limit])
        }
    }

    public var keepsLog: Bool { true }

    /// Copies the write-ahead log into the database file and empties it: at a clean shutdown,
    /// so the file alone holds everything and the log does not grow between runs.
    public func checkpoint() throws {
        guard let queue else { return }
        do {
            _ = try queue.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            throw StoreError(.unavailable, "\(path): cannot checkpoint: \(SQLiteErrors.describe(error))")
        }
    }

    public func sessionCount() throws -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions") ?? 0 }
    }

    /// The open connection, opened again after a failure closed it.
    private func connection() throws(StoreError) -> DatabaseQueue {
        if let queue { return queue }
        let opened = try open()
        queue = opened
        return opened
    }

    /// Runs a read on the open connection, as a ``StoreError`` when it fails.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        let queue = try connection()
        do {
            return try queue.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unavailable, "\(path): \(SQLiteErrors.describe(error))")
        }
    }

    private final class Transaction: StoreTransaction {
        unowned let store: SQLiteConversationStore
        let db: Database
        let newEvents: [CentreEvent]
        private(set) var unreadable: [String: String] = [:]

        init(store: SQLiteConversationStore, db: Database, newEvents: [CentreEvent]) {
            self.store = store
            self.db = db
            self.newEvents = newEvents
        }

        func sessions(_ ids: [String]) throws -> [String: SessionState] {
            var found: [String: SessionState] = [:]
            var missing: [String] = []
            for id in ids {
                if let state = store.cache.removeValue(forKey: id) {
                    found[id] = state
                } else {
                    missing.append(id)
                }
            }
            if !missing.isEmpty {
                let statement = try db.cachedStatement(sql: "SELECT state FROM sessions WHERE id = ?")
                for id in missing {
                    guard let data = try Data.fetchOne(statement, arguments: [id]) else { continue }
                    do {
                        found[id] = try store.decodeSession(data, id: id)
                    } catch {
                        unreadable[id] = error.description
                    }
                }
            }
            return found
        }
    }
}
