import Foundation
import PostgresNIO
import Usher

/// Telling whether a batch landed when the connection broke during its `COMMIT`.
///
/// The answer to `COMMIT` can be lost after the server committed (the network fails, the
/// client's deadline passes, the server is failed over just then): answering
/// `storage_unavailable` would then be a lie the gateway acts on (a resent turn is logged twice, a
/// customer is queued again). So before `COMMIT` a writing batch notes its transaction's id and
/// its backend's process id (``Mark``: asked with the turns' sequence numbers, so a batch that
/// logs turns pays nothing more; one round trip for other writing batches); when the
/// connection breaks during `COMMIT`, the store connects again and asks the server what became of
/// that transaction (`txid_status`). PostgreSQL keeps this for every recent transaction, so no
/// table of batch ids is needed. A transaction still running (its backend has not noticed yet
/// that its client is gone) is ended first, so the answer is final: its backend is terminated,
/// but only while it still runs that very transaction, never a backend that moved on (behind a
/// pooler, another client's).
enum PostgresCommit {
    /// The batch's transaction as the server knows it.
    struct Mark: Equatable {
        var transaction: Int64
        var backend: Int32
    }

    /// What became of a transaction whose `COMMIT` went unanswered.
    enum Outcome: Equatable {
        case committed
        case rolledBack
        /// Still running: its backend has not yet seen that the connection is gone.
        case running
        /// The server cannot say (it no longer knows a transaction that old).
        case unknown

        /// From `txid_status`: `committed`, `aborted`, `in progress`, or NULL.
        init(status: String?) {
            switch status {
            case "committed": self = .committed
            case "aborted": self = .rolledBack
            case "in progress": self = .running
            default: self = .unknown
            }
        }
    }

    /// Notes the open transaction's id (assigning one: the batch writes anyway) and its backend.
    static func mark(_ link: PostgresLink) throws(StoreError) -> Mark {
        let rows = try link.query("SELECT txid_current(), pg_backend_pid()")
        guard let row = rows.first, let (transaction, backend) = try? row.decode((Int64, Int32).self) else {
            throw StoreError(.unavailable, "\(link.address): the database did not say which transaction this is")
        }
        return Mark(transaction: transaction, backend: backend)
    }

    /// How many times, a tenth of a second apart, the store asks about a transaction still
    /// running before it gives up (its backend is terminated at the first).
    static let checks = 50

    /// What became of the transaction `mark`, asked on a new connection. Throws when the
    /// database cannot be reached to ask, or cannot tell.
    static func outcome(of mark: Mark, _ link: PostgresLink) throws(StoreError) -> Outcome {
        var status = PostgresBindings()
        status.append(mark.transaction)
        for check in 0..<checks {
            let rows = try link.query("SELECT txid_status($1)", status)
            let outcome = Outcome(status: try? rows.first?.decode(String?.self))
            guard outcome == .running else { return outcome }
            if check == 0 {
                // backend_xid is the 32-bit id: the low half of txid_current's.
                var bindings = PostgresBindings()
                bindings.append(mark.backend)
                bindings.append(String(mark.transaction & 0xFFFF_FFFF))
                try link.query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND backend_xid::text = $2",
                    bindings)
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return .running
    }
}
