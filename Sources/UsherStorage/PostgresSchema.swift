import Foundation
import Usher

/// The PostgreSQL store's schema, versioned like the SQLite file's: `usher_schema` records the
/// migrations a database has had; migrations are appended, never edited, and a database that
/// has had one this build does not know was written by a newer Usher and is refused untouched.
enum PostgresSchema {
    /// Every migration, in order; the version is the position, from 1.
    static let migrations: [String] = [
        """
        -- One row per live session: its bounded snapshot (slots, forms, contexts, recent turns).
        -- version changes at every write (from one sequence for every session), so a process
        -- knows whether the copy it keeps in memory is still the stored one.
        CREATE SEQUENCE session_versions;
        CREATE TABLE sessions (
            id text PRIMARY KEY,
            updated_at double precision NOT NULL,
            version bigint NOT NULL,
            state text NOT NULL
        );
        CREATE INDEX sessions_by_update ON sessions (updated_at);
        -- The conversation log: every customer turn, append-only.
        CREATE TABLE turns (
            seq bigserial PRIMARY KEY,
            at double precision NOT NULL,
            session text NOT NULL,
            started_at double precision NOT NULL,
            customer text,
            text text NOT NULL,
            intent text,
            confidence double precision NOT NULL,
            decided_by text NOT NULL,
            candidates text NOT NULL,
            pattern text,
            similarity double precision,
            filled text NOT NULL,
            form text,
            form_slot text,
            replies text NOT NULL,
            state text NOT NULL,
            handoff_code text,
            handoff text,
            handoff_queue text,
            bot_version text NOT NULL
        );
        CREATE INDEX turns_by_time ON turns (at);
        CREATE INDEX turns_by_session ON turns (session, seq);
        CREATE INDEX turns_by_customer ON turns (customer, at) WHERE customer IS NOT NULL;
        -- What each turn did to forms (turn is a turns.seq; no foreign key, so pruning old turns
        -- never has to cascade).
        CREATE TABLE form_events (
            seq bigserial PRIMARY KEY,
            turn bigint NOT NULL,
            at double precision NOT NULL,
            session text NOT NULL,
            form text NOT NULL,
            event text NOT NULL,
            slot text
        );
        CREATE INDEX form_events_by_form ON form_events (form, at);
        CREATE INDEX form_events_by_turn ON form_events (turn);
        -- The contact centre's events, append-only, numbered in commit order: replayed, they
        -- rebuild every queue, ticket and agent in every process.
        CREATE TABLE centre_events (
            seq bigint PRIMARY KEY,
            at double precision NOT NULL,
            kind text NOT NULL,
            session text,
            agent text,
            queue text,
            event text NOT NULL
        );
        CREATE INDEX centre_events_by_time ON centre_events (at);
        -- The number of the last centre event: its row lock is what orders commits of events.
        CREATE TABLE centre_head (
            one boolean PRIMARY KEY DEFAULT true CHECK (one),
            seq bigint NOT NULL
        );
        INSERT INTO centre_head (seq) VALUES (0);
        -- Sessions that ended, and why.
        CREATE TABLE session_ends (
            seq bigserial PRIMARY KEY,
            at double precision NOT NULL,
            session text NOT NULL,
            reason text NOT NULL,
            agent text
        );
        CREATE INDEX session_ends_by_time ON session_ends (at);
        -- Locks sessions (waiting, in key order, or only trying) and then reads them, in one
        -- round trip: the read is a statement of its own inside this VOLATILE function, so it
        -- sees what the lock's previous holder committed. A session cached at the version
        -- given comes back without its state.
        CREATE FUNCTION usher_take_sessions(ids text[], cached bigint[], wait boolean)
        RETURNS TABLE (id text, version bigint, state text) LANGUAGE plpgsql VOLATILE AS $f$
        #variable_conflict use_column
        DECLARE
            key bigint;
        BEGIN
            FOR key IN SELECT DISTINCT hashtextextended(i, 0) FROM unnest(ids) AS i ORDER BY 1 LOOP
                IF wait THEN
                    PERFORM pg_advisory_xact_lock(key);
                ELSIF NOT pg_try_advisory_xact_lock(key) THEN
                    RAISE EXCEPTION USING ERRCODE = '55P03', MESSAGE = 'a session is locked by another process';
                END IF;
            END LOOP;
            RETURN QUERY SELECT s.id, s.version, CASE WHEN s.version = c.v THEN NULL ELSE s.state END
                FROM unnest(ids, cached) AS c(id, v) JOIN sessions AS s ON s.id = c.id;
        END
        $f$;
        """,
        """
        -- Which action a turn settled, and how (issue 12's action results), for usher stats.
        ALTER TABLE turns ADD COLUMN action text, ADD COLUMN action_outcome text;
        """,
        """
        -- The session's language at each turn, so usher stats can give figures per language.
        ALTER TABLE turns ADD COLUMN language text;
        """,
        """
        -- usher stats counts a conversation whole in the period it began: the turns of a period's
        -- conversations logged after its end are found by their start.
        CREATE INDEX turns_by_start ON turns (started_at, at);
        """,
    ]

    /// The advisory lock key that makes processes starting together migrate one at a time
    /// ("usher" in ASCII).
    static let migrationLock: Int64 = 0x7573_6865_72

    /// Brings the database to this build's schema, or refuses one from a newer Usher.
    static func migrate(_ link: PostgresLink) throws(StoreError) {
        let address = link.address
        // A migration may rightly take long (an index on a big log; another process's
        // migration to wait for): neither the server's statement timeout nor the client's
        // deadline applies to it.
        link.unbounded = true
        defer { link.unbounded = false }
        try link.begin()
        do throws(StoreError) {
            try link.query("SET LOCAL statement_timeout = 0")
            try link.query("SELECT pg_advisory_xact_lock(\(migrationLock))")
            let applied = try appliedVersion(link)
            if applied > migrations.count {
                throw StoreError(
                    .unusable,
                    "\(address): written by a newer Usher (schema v\(applied); this Usher knows up to v\(migrations.count)); upgrade Usher to use it; the database was not changed"
                )
            }
            if applied == 0 {
                try link.query(
                    "CREATE TABLE IF NOT EXISTS usher_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
                )
            }
            for (index, migration) in migrations.enumerated() where index + 1 > applied {
                try link.script(migration)
                try link.query("INSERT INTO usher_schema (version) VALUES (\(index + 1))")
            }
            try link.commit()
        } catch {
            link.rollback()
            throw error
        }
    }

    /// Refuses, for reading, a database Usher never wrote or one from a newer Usher.
    static func check(_ link: PostgresLink) throws(StoreError) {
        let applied = try appliedVersion(link)
        if applied == 0 {
            throw StoreError(
                .unusable, "\(link.address): no Usher state in it; give the database `usher serve --state` writes")
        }
        if applied > migrations.count {
            throw StoreError(
                .unusable,
                "\(link.address): written by a newer Usher (schema v\(applied); this Usher knows up to v\(migrations.count)); upgrade Usher to read it"
            )
        }
    }

    /// The highest migration the database has had; 0 for a database Usher never used.
    static func appliedVersion(_ link: PostgresLink) throws(StoreError) -> Int {
        let exists = try link.query("SELECT to_regclass('usher_schema') IS NOT NULL")
        guard let row = exists.first, (try? row.decode(Bool.self)) == true else {
            if let sessions = try link.query("SELECT to_regclass('sessions') IS NOT NULL").first,
                (try? sessions.decode(Bool.self)) == true
            {
                throw StoreError(
                    .unusable,
                    "\(link.address): has a sessions table but no usher_schema: not Usher's; give Usher its own database or schema; the database was not changed"
                )
            }
            return 0
        }
        let version = try link.query("SELECT coalesce(max(version), 0) FROM usher_schema")
        return (try? version.first?.decode(Int.self)) ?? 0
    }
}
