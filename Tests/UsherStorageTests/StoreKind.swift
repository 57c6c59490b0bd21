import Foundation
import GRDB
import Synchronization
import Testing
import Usher
import UsherStorage
import UsherTestSupport

/// Every kind of store the conformance suite runs against, and how a test opens one.
///
/// `postgres` is among them only when `USHER_TEST_POSTGRES` names a server (`.ci/run` starts
/// one); without it, PostgresConversationStoreTests says how to run them.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory
    case sqlite
    case postgres

    static var allCases: [StoreKind] {
        TestDatabase.server == nil ? [.memory, .sqlite] : [.memory, .sqlite, .postgres]
    }

    var testDescription: String { rawValue }

    /// Whether a second store opened on the same place sees what the first committed.
    var persists: Bool { self != .memory }

    /// A fresh, empty store and the place it lives (a folder the test may use and delete).
    func open() throws -> (store: ConversationStore, place: StorePlace) {
        let place = try StorePlace()
        return (try reopen(place), place)
    }

    /// Another store on the same place: another process, or the same one after a restart.
    func reopen(_ place: StorePlace) throws -> ConversationStore {
        switch self {
        case .memory: InMemoryConversationStore()
        case .sqlite: try SQLiteConversationStore(path: place.file, busyTimeout: 1)
        case .postgres: try PostgresConversationStore(address: place.database().address)
        }
    }

    /// Runs `sql` on the place's store behind its back, as a person with `sqlite3` or `psql` would.
    func tamper(_ place: StorePlace, _ sql: String) throws {
        switch self {
        case .memory: break
        case .sqlite: try DatabaseQueue(path: place.file).write { try $0.execute(sql: sql) }
        case .postgres: try place.database().execute(sql)
        }
    }

    /// How the store at `place` names itself in its errors.
    func name(_ place: StorePlace) throws -> String {
        switch self {
        case .memory: "memory"
        case .sqlite: place.file
        case .postgres: try place.database().address.description
        }
    }
}

/// A temporary folder holding one state file, and a PostgreSQL database made when first asked
/// for; both removed when the test is done with them.
final class StorePlace: Sendable {
    let folder: String
    var file: String { folder + "/state.sqlite" }
    private let made = Mutex<TestDatabase?>(nil)

    init() throws {
        folder = NSTemporaryDirectory() + "usher-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// This place's database, made on first use.
    func database() throws -> TestDatabase {
        try made.withLock { made in
            if let made { return made }
            let database = try TestDatabase()
            made = database
            return database
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

extension StoreChanges {
    /// One logged action result (`order_status` found), as a migrated store must keep it.
    static var anActionResult: StoreChanges {
        var changes = StoreChanges()
        changes.turns = [
            TurnRecord(
                at: 1, session: "a", text: "", intent: nil, confidence: 0, decidedBy: .action, replies: ["ok"],
                state: "bot", action: "order_status", actionOutcome: "found", language: "ru", botVersion: "v")
        ]
        return changes
    }
}
