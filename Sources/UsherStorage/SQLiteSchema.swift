import Foundation
import GRDB
import Usher

/// The SQLite state file's schema, and the checks that keep Usher from writing into a file that
/// is not its own. Migrations are appended, never edited: a file records which ones it has had,
/// and one that has had a migration this build does not know was written by a newer Usher.
enum SQLiteSchema {
    /// What `usher_meta.application` holds in every Usher state file.
    static let application = "usher"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE usher_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                    INSERT INTO usher_meta (key, value) VALUES ('application', '\(application)');
                    -- One row per live session: its bounded snapshot (slots, forms, contexts, recent turns).
                    CREATE TABLE sessions (
                        id TEXT PRIMARY KEY NOT NULL,
                        updated_at REAL NOT NULL,
                        state BLOB NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX sessions_by_update ON sessions (updated_at);
                    -- The conversation log: every customer turn, append-only.
                    CREATE TABLE turns (
                        seq INTEGER PRIMARY KEY,
                        at REAL NOT NULL,
                        session TEXT NOT NULL,
                        started_at REAL NOT NULL,
                        customer TEXT,
                        text TEXT NOT NULL,
                        intent TEXT,
                        confidence REAL NOT NULL,
                        decided_by TEXT NOT NULL,
                        candidates TEXT NOT NULL,
                        pattern TEXT,
                        similarity REAL,
                        filled TEXT NOT NULL,
                        form TEXT,
                        form_slot TEXT,
                        replies TEXT NOT NULL,
                        state TEXT NOT NULL,
                        handoff_code TEXT,
                        handoff TEXT,
                        handoff_queue TEXT,
                        bot_version TEXT NOT NULL
                    );
                    CREATE INDEX turns_by_time ON turns (at);
                    CREATE INDEX turns_by_session ON turns (session, seq);
                    CREATE INDEX turns_by_customer ON turns (customer, at) WHERE customer IS NOT NULL;
                    -- What each turn did to forms: the funnels.
                    CREATE TABLE form_events (
                        seq INTEGER PRIMARY KEY,
                        turn INTEGER NOT NULL REFERENCES turns (seq),
                        at REAL NOT NULL,
                        session TEXT NOT NULL,
                        form TEXT NOT NULL,
                        event TEXT NOT NULL,
                        slot TEXT
                    );
                    CREATE INDEX form_events_by_form ON form_events (form, at);
                    -- The contact centre's events, append-only: replayed, they rebuild every queue,
                    -- ticket and agent; they are also the agents' log.
                    CREATE TABLE centre_events (
                        seq INTEGER PRIMARY KEY,
                        at REAL NOT NULL,
                        kind TEXT NOT NULL,
                        session TEXT,
                        agent TEXT,
                        queue TEXT,
                        event TEXT NOT NULL
                    );
                    CREATE INDEX centre_events_by_time ON centre_events (at);
                    -- Sessions that ended, and why.
                    CREATE TABLE session_ends (
                        seq INTEGER PRIMARY KEY,
                        at REAL NOT NULL,
                        session TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        agent TEXT
                    );
                    CREATE INDEX session_ends_by_time ON session_ends (at);
                    """)
        }
        // Which action a turn settled, and how (issue 12's action results), for usher stats.
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    ALTER TABLE turns ADD COLUMN action TEXT;
                    ALTER TABLE turns ADD COLUMN action_outcome TEXT;
                    """)
        }
        // The session's language at each turn, so usher stats can give figures per language.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: "ALTER TABLE turns ADD COLUMN language TEXT;")
        }
        // usher stats counts a conversation whole in the period it began: the turns of a period's
        // conversations logged after its end are found by their start, their form events by turn.
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    CREATE INDEX turns_by_start ON turns (started_at, at);
                    CREATE INDEX form_events_by_turn ON form_events (turn);
                    """)
        }
        return migrator
    }

    /// Refuses a file that is not a SQLite database, before anything opens it for writing.
    static func checkHeader(of path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            // A file that does not exist yet is created; any other failure is the opener's to report.
            return
        }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 16) }
        let header = Data(bytes.prefix(max(0, count)))
        guard !header.isEmpty else { return }
        if header != Data("SQLite format 3\0".utf8) {
            throw StoreError(
                .unusable,
                "\(path): not a SQLite database (it starts with \(describe(header))); the file was not changed")
        }
    }

    /// Refuses a SQLite database that holds something other than Usher's state, or Usher's state
    /// in a newer schema than this build knows; an empty database is fine.
    static func checkContents(_ db: Database, path: String) throws(StoreError) {
        do {
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            // A file another Usher is creating at this moment may hold only the migrator's table.
            if tables.allSatisfy({ $0 == "grdb_migrations" }) { return }
            let isUsher =
                try tables.contains("usher_meta")
                && String.fetchOne(db, sql: "SELECT value FROM usher_meta WHERE key = 'application'") == application
            guard isUsher else {
                let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
                throw StoreError(
                    .unusable,
                    "\(path): a SQLite database, but not an Usher state file (its tables are \(shown)); the file was not changed"
                )
            }
            let known = Set(migrator.migrations)
            let applied = try migrator.appliedIdentifiers(db)
            let unknown = applied.subtracting(known).sorted()
            if !unknown.isEmpty {
                throw StoreError(
                    .unusable,
                    "\(path): written by a newer Usher (schema \(unknown.joined(separator: ", ")); this Usher knows up to \(migrator.migrations.last ?? "none")); upgrade Usher to use it; the file was not changed"
                )
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unusable, "\(path): cannot read the database: \(SQLiteErrors.describe(error))")
        }
    }

    private static func describe(_ header: Data) -> String {
        let printable = header.allSatisfy { ($0 >= 0x20 && $0 < 0x7f) || $0 == 0x09 || $0 == 0x0a || $0 == 0x0d }
        if printable { return JSONWriter.string(String(decoding: header, as: UTF8.self)) }
        return "bytes " + header.prefix(8).map { String(format: "%02x", $0) }.joined(separator: " ")
    }
}

/// Turns GRDB's errors into the words a person reads.
enum SQLiteErrors {
    static func describe(_ error: any Error) -> String {
        if error is DecodingError { return StoredValue.describe(error) }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_READONLY: return "the file is read-only"
            case .SQLITE_FULL: return "the disk is full"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "the database is locked by another process"
            case .SQLITE_NOTADB: return "not a SQLite database"
            case .SQLITE_CORRUPT: return "the database is corrupt"
            case .SQLITE_CANTOPEN: return "cannot open the file"
            case .SQLITE_IOERR: return "an I/O error (\(error.message ?? "unknown"))"
            default: return error.message ?? "\(error.resultCode)"
            }
        }
        return "\(error)"
    }
}
