import Foundation
import PostgresNIO
import Usher

/// Writing a batch's changes: one statement per table, whatever the batch's size.
extension PostgresConversationStore {
    /// What a committed batch leaves: the versions its sessions were written at, and the last
    /// centre event taken in or written.
    struct Written {
        var versions: [String: Int64] = [:]
        var lastEvent: Int64
        /// The transaction, when a statement that ran anyway said which it is (saves a round
        /// trip before `COMMIT`: see ``PostgresCommit``).
        var mark: PostgresCommit.Mark?
    }

    func write(_ changes: StoreChanges, _ transaction: Transaction) throws -> Written {
        var written = Written(lastEvent: transaction.lastEvent)
        if !changes.saved.isEmpty {
            var bindings = PostgresBindings()
            bindings.append(changes.saved.map(\.id))
            bindings.append(changes.saved.map(\.updatedAt))
            bindings.append(changes.saved.map { $0.snapshot() })
            let rows = try link.attempt(
                """
                INSERT INTO sessions (id, updated_at, version, state)
                SELECT id, updated_at, nextval('session_versions'), state
                FROM unnest($1::text[], $2::double precision[], $3::text[]) AS t(id, updated_at, state)
                ON CONFLICT (id) DO UPDATE
                    SET updated_at = excluded.updated_at, version = excluded.version, state = excluded.state
                RETURNING id, version
                """, bindings)
            for row in rows {
                let (id, version) = try row.decode((String, Int64).self)
                written.versions[id] = version
            }
        }
        if !changes.removed.isEmpty {
            var bindings = PostgresBindings()
            bindings.append(changes.removed)
            try link.attempt("DELETE FROM sessions WHERE id = ANY($1::text[])", bindings)
        }
        if !changes.turns.isEmpty { written.mark = try writeTurns(changes.turns) }
        if !changes.events.isEmpty { written.lastEvent = try writeEvents(changes.events, transaction) }
        if !changes.ends.isEmpty {
            var bindings = PostgresBindings()
            bindings.append(PostgresRows.ends(changes.ends))
            try link.attempt(PostgresRows.insertEnds, bindings)
        }
        return written
    }

    /// Logs the turns, and returns the transaction's mark, asked in the same round trip.
    private func writeTurns(_ turns: [TurnRecord]) throws -> PostgresCommit.Mark? {
        var count = PostgresBindings()
        count.append(turns.count)
        let rows = try link.attempt(
            "SELECT nextval('turns_seq_seq'), txid_current(), pg_backend_pid() FROM generate_series(1, $1)", count
        ).map { try $0.decode((Int64, Int64, Int32).self) }
        let seqs = rows.map(\.0).sorted()
        let mark = rows.first.map { PostgresCommit.Mark(transaction: $0.1, backend: $0.2) }
        var bindings = PostgresBindings()
        bindings.append(PostgresRows.turns(turns, seqs: seqs))
        try link.attempt(PostgresRows.insertTurns, bindings)
        if let events = PostgresRows.formEvents(turns, seqs: seqs) {
            var bindings = PostgresBindings()
            bindings.append(events)
            try link.attempt(PostgresRows.insertFormEvents, bindings)
        }
        return mark
    }

    /// Appends centre events after the last one committed, provided none came since the
    /// transaction caught up; otherwise its decisions may rest on an old centre: ``Retry``.
    private func writeEvents(_ events: [CentreEvent], _ transaction: Transaction) throws -> Int64 {
        var encoded: [(CentreEvent, String)] = []
        for event in events {
            let data = try encoder.encode(event)
            // Read back before it is stored: an event the log could not replay would stop
            // every later transaction, so it is refused here, with its batch.
            guard (try? decoder.decode(CentreEvent.self, from: data)) == event else {
                throw StoreError(
                    .unavailable,
                    "\(address): a \(event.kind) event does not read back as written; nothing of the batch was kept")
            }
            encoded.append((event, String(decoding: data, as: UTF8.self)))
        }
        let head: Int64
        if let locked = transaction.head {
            head = locked
        } else {
            let rows = try link.attempt("SELECT seq FROM centre_head FOR UPDATE")
            head = try rows.first?.decode(Int64.self) ?? 0
        }
        guard head == transaction.lastEvent else { throw Retry(sessions: transaction.requested) }
        var bindings = PostgresBindings()
        bindings.append(PostgresRows.events(encoded, first: head + 1))
        bindings.append(head + Int64(encoded.count))
        try link.attempt(
            """
            WITH added AS (\(PostgresRows.insertEvents))
            UPDATE centre_head SET seq = $2
            """, bindings)
        return head + Int64(encoded.count)
    }
}
