import Foundation
import PostgresNIO
import Usher

/// What went wrong talking to PostgreSQL, in the words a person reads: PostgresNIO's errors
/// hide the server's message from their description (it may quote data), so the parts that say
/// what happened are taken out here, once.
struct PostgresFailure: Error, CustomStringConvertible {
    /// The server's SQLSTATE, when the server answered with an error.
    var state: String?
    var description: String
    /// Whether the connection is gone (closed, refused, timed out) rather than a statement refused.
    var closesConnection: Bool

    init(_ error: any Error) {
        if let failure = error as? PostgresFailure {
            self = failure
            return
        }
        guard let error = error as? PSQLError else {
            state = nil
            description = Self.describeNetwork(error)
            closesConnection = true
            return
        }
        switch error.code {
        case .server:
            state = error.serverInfo?[.sqlState]
            let message = error.serverInfo?[.message] ?? "an error"
            description = message
            // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 08xxx connection.
            closesConnection = state.map { $0.hasPrefix("57P") || $0.hasPrefix("08") } ?? false
        case .connectionError:
            state = nil
            description = error.underlying.map(Self.describeNetwork) ?? "cannot connect"
            closesConnection = true
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            state = nil
            description = "the database closed the connection"
            closesConnection = true
        default:
            state = nil
            description = "\(error.code)"
            closesConnection = true
        }
    }

    /// Whether retrying the whole transaction may succeed: a deadlock, a serialization failure,
    /// or a lock not available.
    /// (55P03: a session another process holds, which the transaction only tried to lock.)
    var isRace: Bool { state == "40P01" || state == "40001" || state == "55P03" }

    func storeError(_ address: PostgresAddress, connecting: Bool = false) -> StoreError {
        if connecting {
            if state == "3D000" { return StoreError(.unusable, "\(address): \(description); create it first") }
            if state == "28P01" || state == "28000" { return StoreError(.unusable, "\(address): \(description)") }
            return StoreError(.unavailable, "\(address): cannot connect: \(description)")
        }
        return StoreError(.unavailable, "\(address): \(description)")
    }

    /// A socket error as a phrase: "connection refused" rather than a type dump.
    private static func describeNetwork(_ error: any Error) -> String {
        let text = "\(error)"
        let known = [
            ("Connection refused", "connection refused"), ("connectTimeout", "timed out"),
            ("connect timeout", "timed out"), ("No route to host", "no route to host"),
            ("Connection reset", "connection reset"), ("Broken pipe", "the connection broke"),
            ("unresolvable", "the host name does not resolve"), ("resolution", "the host name does not resolve"),
        ]
        for (needle, phrase) in known where text.localizedCaseInsensitiveContains(needle) { return phrase }
        return text
    }
}
