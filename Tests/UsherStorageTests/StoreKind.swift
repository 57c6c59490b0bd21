import Foundation
import Testing
import Usher
import UsherStorage

/// Every kind of store the conformance suite runs against, and how a test opens one.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory
    case sqlite

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
        }
    }
}

/// A temporary folder holding one state file, removed when the test is done with it.
final class StorePlace: Sendable {
    let folder: String
    var file: String { folder + "/state.sqlite" }

    init() throws {
        folder = NSTemporaryDirectory() + "usher-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}
