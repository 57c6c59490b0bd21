import Foundation
import Usher

/// Reading one stored row's values, for both stores: a value that cannot be read becomes a
/// ``DamagedRow`` naming the store, the table, the row and the column, and what is wrong.
struct StoredValue {
    let store: String
    let table: String
    /// The row's key as its table names it: `seq 13`, `id "web-42"`.
    let row: String
    /// When the row was logged, when that could be read.
    var at: Double?

    init(store: String, table: String, row: String, at: Double? = nil) {
        self.store = store
        self.table = table
        self.row = row
        self.at = at
    }

    /// A row of a log table, known by its sequence number.
    init(store: String, table: String, seq: Int64, at: Double? = nil) {
        self.init(store: store, table: table, row: "seq \(seq)", at: at)
    }

    func damaged(_ column: String, _ problem: String) -> DamagedRow {
        DamagedRow(store: store, table: table, row: row, column: column, problem: problem, at: at)
    }

    /// `column`'s value as read by `read`, whose error (a wrong type, a missing value) is
    /// described rather than passed on.
    func value<T>(_ column: String, _ read: () throws -> T) throws(DamagedRow) -> T {
        do {
            return try read()
        } catch {
            throw damaged(column, Self.describe(error))
        }
    }

    /// `json`, the text of `column`, decoded as `type`.
    func json<T: Decodable>(_ type: T.Type, _ json: String, column: String) throws(DamagedRow) -> T {
        try self.json(type, Data(json.utf8), column: column)
    }

    func json<T: Decodable>(_ type: T.Type, _ data: Data, column: String) throws(DamagedRow) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            // The value is shown only when it is no JSON at all: a well-formed one may hold what
            // a customer said, and the path in it says enough.
            guard (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil else {
                throw damaged(column, "not valid JSON: \(Self.excerpt(String(decoding: data, as: UTF8.self)))")
            }
            throw damaged(column, Self.describe(error))
        }
    }

    /// An enumeration's value from its stored code.
    func code<T>(_ value: String, column: String, _ make: (String) -> T?) throws(DamagedRow) -> T {
        guard let made = make(value) else { throw damaged(column, "unknown value \(Self.excerpt(value))") }
        return made
    }

    /// The start of a stored value, quoted, so a damaged row can be found by eye.
    static func excerpt(_ text: String) -> String {
        JSONWriter.string(text.count > 60 ? String(text.prefix(60)) + "…" : text)
    }

    /// What a decoder's error says, without Swift's type dump: where in the JSON, and what.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "no \"\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "\(path): ") + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}

/// The rows a server cannot go on without, read the one way in both stores.
extension StoredValue {
    /// What a `centre_events` row that cannot be read means, and where recovery is described.
    static let unreadableEvent =
        "the contact centre is rebuilt from every event, so the store cannot be used until the row is repaired "
        + "or deleted (docs/storage.md, \"A damaged row\")"

    /// The contact-centre event a `centre_events` row holds.
    static func centreEvent(_ json: String, seq: Int64, store: String) throws(StoreError) -> CentreEvent {
        do {
            return try StoredValue(store: store, table: "centre_events", seq: seq).json(
                CentreEvent.self, json, column: "event")
        } catch {
            throw StoreError(.unusable, "\(error); \(unreadableEvent)")
        }
    }

    /// The session a `sessions` row holds.
    static func session(_ json: Data, id: String, store: String) throws(StoreError) -> SessionState {
        do {
            return try StoredValue(store: store, table: "sessions", row: "id \(JSONWriter.string(id))").json(
                SessionState.self, json, column: "state")
        } catch {
            throw StoreError(.unusable, "\(error); a reset of the session clears it")
        }
    }
}
