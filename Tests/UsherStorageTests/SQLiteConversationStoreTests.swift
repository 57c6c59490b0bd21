import Foundation
import GRDB
import Testing
import Usher
import UsherStorage

/// What only the SQLite store has to get right: files that are not its own, and faults.
@Suite("SQLiteConversationStore")
struct SQLiteConversationStoreTests {
    private func session(_ id: String, text: String = "hello") -> SessionState {
        var state = SessionState(id: id, language: "en", now: 100)
        state.history = [Turn(text: text, intent: nil, confidence: 0, replies: ["ok"], at: 100)]
        return state
    }

    private func commit(_ store: ConversationStore, _ states: [SessionState]) throws {
        try store.transact { _ in
            var changes = StoreChanges()
            changes.saved = states
            changes.turns = states.map {
                TurnRecord(
                    at: 100, session: $0.id, text: $0.history.last?.text ?? "", intent: nil, confidence: 0,
                    decidedBy: .fallback, replies: ["ok"], state: "bot", botVersion: "v")
            }
            return (changes, ())
        }
    }

    private func refusal(_ path: String) -> StoreError? {
        do {
            _ = try SQLiteConversationStore(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let place = try StorePlace()
        let contents = Data("hello world, this is my diary\n".utf8)
        _ = FileManager.default.createFile(atPath: place.file, contents: contents)
        let error = try #require(refusal(place.file))
        #expect(error.kind == .unusable)
        #expect(
            error.message
                == "\(place.file): not a SQLite database (it starts with \"hello world, thi\"); the file was not changed"
        )
        #expect(FileManager.default.contents(atPath: place.file) == contents)
    }

    @Test func binaryGarbageIsDescribedByItsBytes() throws {
        let place = try StorePlace()
        _ = FileManager.default.createFile(
            atPath: place.file, contents: Data([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))
        #expect(
            refusal(place.file)?.message
                == "\(place.file): not a SQLite database (it starts with bytes 89 50 4e 47 0d 0a 1a 0a); the file was not changed"
        )
    }

    @Test func anotherProgramsDatabaseIsRefusedUntouched() throws {
        let place = try StorePlace()
        try DatabaseQueue(path: place.file).write { db in
            try db.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE orders (id)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: place.file))
        #expect(
            refusal(place.file)?.message
                == "\(place.file): a SQLite database, but not an Usher state file (its tables are customers, orders); the file was not changed"
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: place.file)) == before)
    }

    /// Another program's WAL database, its write-ahead log still open: refusing it must not
    /// checkpoint that log into the file.
    @Test func anotherProgramsWALDatabaseIsRefusedWithoutCheckpointing() throws {
        let place = try StorePlace()
        var configuration = Configuration()
        configuration.journalMode = .wal
        let other = try DatabaseQueue(path: place.file, configuration: configuration)
        try other.write { db in
            try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
            for index in 0..<100 {
                try db.execute(sql: "INSERT INTO notes (text) VALUES (?)", arguments: ["n\(index)"])
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: place.file))
        let wal = try Data(contentsOf: URL(fileURLWithPath: place.file + "-wal"))
        #expect(refusal(place.file)?.message.hasSuffix("(its tables are notes); the file was not changed") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: place.file)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: place.file + "-wal")) == wal)
        try other.close()
    }

    /// A file written before turns logged action outcomes gains the columns when opened; its
    /// older turns have none.
    @Test func aVersion1FileGainsTheActionColumns() throws {
        let place = try StorePlace()
        try commit(try SQLiteConversationStore(path: place.file), [session("a")])
        try DatabaseQueue(path: place.file).write { db in
            try db.execute(
                sql: """
                    ALTER TABLE turns DROP COLUMN action;
                    ALTER TABLE turns DROP COLUMN action_outcome;
                    DELETE FROM grdb_migrations WHERE identifier = 'v2';
                    """)
        }
        let store = try SQLiteConversationStore(path: place.file)
        try store.transact { _ in (.anActionResult, ()) }
        let logged = try store.log().turns
        #expect(logged.map(\.actionOutcome) == [nil, "found"], "\(logged)")
        let columns = try DatabaseQueue(path: place.file).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('turns') WHERE name LIKE 'action%'")
        }
        #expect(columns == ["action", "action_outcome"])
    }

    /// A file written before turns logged the session's language gains the column; its older
    /// turns have none.
    @Test func aVersion2FileGainsTheLanguageColumn() throws {
        let place = try StorePlace()
        try commit(try SQLiteConversationStore(path: place.file), [session("a")])
        try DatabaseQueue(path: place.file).write { db in
            try db.execute(
                sql: """
                    DROP INDEX turns_by_start; DROP INDEX form_events_by_turn; ALTER TABLE turns DROP COLUMN language;
                    DELETE FROM grdb_migrations WHERE identifier IN ('v3', 'v4');
                    """)
        }
        let store = try SQLiteConversationStore(path: place.file)
        try store.transact { _ in (.anActionResult, ()) }
        #expect(try store.log().turns.map(\.language) == [nil, "ru"])
    }

    @Test func aFileFromANewerUsherIsRefusedUntouched() throws {
        let place = try StorePlace()
        try commit(try SQLiteConversationStore(path: place.file), [session("a")])
        try DatabaseQueue(path: place.file).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-from-the-future')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: place.file))
        let error = try #require(refusal(place.file))
        #expect(error.kind == .unusable)
        #expect(
            error.message
                == "\(place.file): written by a newer Usher (schema v2-from-the-future; this Usher knows up to v4); upgrade Usher to use it; the file was not changed"
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: place.file)) == before)
    }

    @Test func pathsThatCannotHoldAStateFileSayWhy() throws {
        let place = try StorePlace()
        #expect(refusal(place.folder)?.message == "\(place.folder): is a directory; give a file's name")
        let nowhere = place.folder + "/missing/state.sqlite"
        #expect(refusal(nowhere)?.message == "\(nowhere): the folder \(place.folder)/missing does not exist")
    }

    /// The file deleted (here: moved away) under a running store: batches fail with the reason
    /// and nothing is recreated empty; put back, it works again with everything in it.
    @Test func aFileDeletedWhileInUseIsNeverRecreatedEmpty() throws {
        let place = try StorePlace()
        let store = try SQLiteConversationStore(path: place.file)
        try commit(store, [session("a")])
        try FileManager.default.moveItem(atPath: place.file, toPath: place.file + ".moved")
        let error = #expect(throws: StoreError.self) { try commit(store, [session("b")]) }
        #expect(
            error?.message
                == "\(place.file): the state file was deleted or replaced while in use; nothing of the batch was kept; put the file back, or restart usher to start a new one"
        )
        #expect(!FileManager.default.fileExists(atPath: place.file))
        try FileManager.default.moveItem(atPath: place.file + ".moved", toPath: place.file)
        try commit(store, [session("c")])
        #expect(try store.log().turns.map(\.session) == ["a", "c"])
    }

    @Test func anEmptyFileBecomesAStateFile() throws {
        let place = try StorePlace()
        _ = FileManager.default.createFile(atPath: place.file, contents: Data())
        let store = try SQLiteConversationStore(path: place.file)
        try commit(store, [session("a")])
        #expect(try store.sessionCount() == 1)
        let mode = try DatabaseQueue(path: place.file).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        #expect(mode == "wal")
    }

    /// Another process holds the write lock: the batch fails with the reason, keeps nothing, and
    /// the next one after the lock is gone succeeds.
    @Test func aLockedDatabaseFailsTheBatchAndRecovers() throws {
        let place = try StorePlace()
        let store = try SQLiteConversationStore(path: place.file, busyTimeout: 0.05)
        try commit(store, [session("a")])
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: place.file, configuration: configuration)
        try other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        let error = #expect(throws: StoreError.self) { try commit(store, [session("b")]) }
        #expect(error?.kind == .unavailable)
        #expect(
            error?.message == "\(place.file): the database is locked by another process; nothing of the batch was kept")
        try other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        try commit(store, [session("c")])
        #expect(try store.sessionCount() == 2)
        #expect(try store.log().turns.map(\.session) == ["a", "c"])
    }

    /// A real full disk (a tiny tmpfs): the failing batch keeps nothing, nothing committed before
    /// is lost, and writing works again once there is room.
    @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func aFullDiskFailsTheBatchAndRecovers() throws {
        let mount = try #require(TemporaryMount.make(kilobytes: 400))
        let file = mount.folder + "/state.sqlite"
        let store = try SQLiteConversationStore(path: file)
        // Room set aside, to free once the disk is full.
        let filler = mount.folder + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: Data(count: 96 * 1_024))
        var committed = 0
        var failure: StoreError?
        let padding = String(repeating: "x", count: 2_000)
        for batch in 0..<2_000 {
            do {
                try commit(store, (0..<10).map { session("s\(batch)-\($0)", text: padding) })
                committed += 10
            } catch {
                failure = error as? StoreError
                break
            }
        }
        let error = try #require(failure)
        #expect(error.kind == .unavailable)
        #expect(error.message.hasPrefix("\(file): "))
        #expect(error.message.hasSuffix("; nothing of the batch was kept"))
        #expect(error.message.contains("disk is full") || error.message.contains("I/O error"), "\(error)")
        try FileManager.default.removeItem(atPath: filler)
        try commit(store, [session("after")])
        #expect(try store.sessionCount() == committed + 1)
        #expect(try store.log().turns.count == committed + 1)
    }

    /// The state file turns read-only under a running store (immutable, which holds even for
    /// root): batches fail with the reason, and the store recovers by itself once it is
    /// writable again.
    @Test(.enabled(if: getuid() == 0, "chattr needs root"))
    func aReadOnlyFileFailsTheBatchAndRecovers() throws {
        let place = try StorePlace()
        let store = try SQLiteConversationStore(path: place.file)
        try commit(store, [session("a")])
        let files = [place.file, place.file + "-wal"]
        #expect(TemporaryMount.run("/usr/bin/chattr", ["+i"] + files))
        defer { TemporaryMount.run("/usr/bin/chattr", ["-i"] + files) }
        let error = #expect(throws: StoreError.self) { try commit(store, [session("b")]) }
        #expect(error?.kind == .unavailable)
        #expect(error?.message.hasPrefix("\(place.file): ") == true, "\(String(describing: error))")
        #expect(error?.message.hasSuffix("nothing of the batch was kept") == true, "\(String(describing: error))")
        #expect(TemporaryMount.run("/usr/bin/chattr", ["-i"] + files))
        try commit(store, [session("c")])
        #expect(try store.log().turns.map(\.session) == ["a", "c"])
    }
}
