import Foundation
import Synchronization
import Testing
import Usher
import UsherTestSupport

@testable import UsherStorage

/// What only the PostgreSQL store has to get right: schema versions, an unreachable database,
/// and many processes (here, several stores) on one database.
@Suite("PostgresConversationStore", .enabled(if: TestDatabase.server != nil, TestDatabase.skipped))
struct PostgresConversationStoreTests {
    private func session(_ id: String, n: String) -> SessionState {
        var state = SessionState(id: id, language: "en", now: 100)
        state.slots = ["n": n]
        return state
    }

    @Test func aDatabaseFromANewerUsherIsRefusedUntouched() throws {
        let database = try TestDatabase()
        _ = try PostgresConversationStore(address: database.address)
        try database.execute("INSERT INTO usher_schema (version) VALUES (5)")
        #expect(
            throws: StoreError(
                .unusable,
                "\(database.address): written by a newer Usher (schema v5; this Usher knows up to v4); upgrade Usher to use it; the database was not changed"
            )
        ) { try PostgresConversationStore(address: database.address) }
        #expect(
            try database.strings("SELECT version::text FROM usher_schema ORDER BY version") == [
                "1", "2", "3", "4", "5",
            ])
    }

    /// A database migrated before turns logged action outcomes gains the columns when a
    /// process of this version opens it.
    @Test func aVersion1DatabaseGainsTheActionColumns() throws {
        let database = try TestDatabase()
        _ = try PostgresConversationStore(address: database.address)
        try database.execute("ALTER TABLE turns DROP COLUMN action, DROP COLUMN action_outcome, DROP COLUMN language")
        try database.execute("DROP INDEX turns_by_start")
        try database.execute("DELETE FROM usher_schema WHERE version >= 2")
        let store = try PostgresConversationStore(address: database.address)
        #expect(
            try database.strings("SELECT version::text FROM usher_schema ORDER BY version") == ["1", "2", "3", "4"])
        try store.transact { _ in (.anActionResult, ()) }
        #expect(try database.strings("SELECT action_outcome FROM turns") == ["found"])
    }

    /// A database migrated before turns logged the session's language gains the column.
    @Test func aVersion2DatabaseGainsTheLanguageColumn() throws {
        let database = try TestDatabase()
        _ = try PostgresConversationStore(address: database.address)
        try database.execute("ALTER TABLE turns DROP COLUMN language")
        try database.execute("DROP INDEX turns_by_start")
        try database.execute("DELETE FROM usher_schema WHERE version >= 3")
        let store = try PostgresConversationStore(address: database.address)
        #expect(
            try database.strings("SELECT version::text FROM usher_schema ORDER BY version") == ["1", "2", "3", "4"])
        try store.transact { _ in (.anActionResult, ()) }
        #expect(try database.strings("SELECT language FROM turns") == ["ru"])
    }

    @Test func aDatabaseWithAnotherProgramsSessionsTableIsRefused() throws {
        let database = try TestDatabase()
        try database.execute("CREATE TABLE sessions (token text)")
        #expect(
            throws: StoreError(
                .unusable,
                "\(database.address): has a sessions table but no usher_schema: not Usher's; give Usher its own database or schema; the database was not changed"
            )
        ) { try PostgresConversationStore(address: database.address) }
    }

    @Test func aDatabaseThatDoesNotExistIsNamed() throws {
        var address = try TestDatabase.serverAddress()
        address.database = "usher_no_such_database"
        #expect(
            throws: StoreError(
                .unusable, "\(address): database \"usher_no_such_database\" does not exist; create it first")
        ) { try PostgresConversationStore(address: address) }
    }

    @Test func readingTheLogOfADatabaseUsherNeverWroteIsRefused() throws {
        let database = try TestDatabase()
        #expect(
            throws: StoreError(
                .unusable,
                "\(database.address): no Usher state in it; give the database `usher serve --state` writes")
        ) { try PostgresConversationStore(address: database.address, migrating: false) }
    }

    /// PostgreSQL's text cannot hold U+0000: a NUL a customer typed is logged as U+FFFD, and the
    /// session (a JSON snapshot, where it is escaped) keeps it as typed.
    @Test func aNulInATurnIsLoggedAsAReplacementCharacter() throws {
        let database = try TestDatabase()
        let store = try PostgresConversationStore(address: database.address)
        var state = session("s", n: "a\u{0}b")
        state.history = [Turn(text: "hi\u{0}", intent: nil, confidence: 0, replies: ["ok"], at: 100)]
        try store.transact { _ in
            var changes = StoreChanges()
            changes.saved = [state]
            changes.turns = [
                TurnRecord(
                    at: 100, session: "s", text: "hi\u{0}there", intent: nil, confidence: 0, decidedBy: .fallback,
                    replies: ["ok\u{0}"], state: "bot", botVersion: "v")
            ]
            return (changes, ())
        }
        let turn = try #require(try store.log().turns.first)
        #expect(turn.text == "hi\u{FFFD}there")
        #expect(turn.replies == ["ok\u{0}"])
        let again = try PostgresConversationStore(address: database.address)
        let read = try again.transact { transaction in (StoreChanges(), try transaction.sessions(["s"])["s"]) }
        #expect(read == state)
    }

    /// A session read by one process is locked until that process commits: another process
    /// reading it waits, then sees what the first wrote, never the version before.
    @Test func aSessionIsLockedUntilItsTransactionEnds() throws {
        let database = try TestDatabase()
        let address = database.address
        let first = try PostgresConversationStore(address: address)
        let asking = Mutex(false)
        let seen = Mutex<String??>(nil)
        try first.transact { transaction -> (StoreChanges, Void) in
            let found = try transaction.sessions(["s"])
            #expect(found.isEmpty)
            Thread.detachNewThread {
                let value = try? PostgresConversationStore(address: address).transact { transaction in
                    asking.withLock { $0 = true }
                    let found = try transaction.sessions(["s"])
                    var changes = StoreChanges()
                    changes.unchanged = Array(found.values)
                    return (changes, found["s"]?.slots["n"])
                }
                seen.withLock { $0 = .some(value ?? nil) }
            }
            try Self.wait { asking.withLock { $0 } }
            Thread.sleep(forTimeInterval: 0.3)
            #expect(seen.withLock { $0 } == nil, "the second store read a session the first holds")
            var changes = StoreChanges()
            changes.saved = [session("s", n: "1")]
            return (changes, ())
        }
        try Self.wait { seen.withLock { $0 } != nil }
        #expect(seen.withLock { $0 } == .some("1"))
    }

    /// Waits up to 10 seconds for `condition`.
    private static func wait(_ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(10)
        while !condition() {
            guard Date() < deadline else { throw TestDatabaseMissing(reason: "timed out") }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// A batch whose contact-centre decisions rest on events it has not seen runs again with
    /// them: the events of both are kept once each, in commit order.
    @Test func aBatchThatMissedAnotherProcesssEventsRunsAgain() throws {
        let database = try TestDatabase()
        let first = try PostgresConversationStore(address: database.address)
        let second = try PostgresConversationStore(address: database.address)
        let one = CentreEvent.joined(agent: "one", queues: ["general"], capacity: 1, at: 1)
        let two = CentreEvent.joined(agent: "two", queues: ["general"], capacity: 1, at: 2)
        var heard: [[CentreEvent]] = []
        try second.transact { transaction in
            heard.append(transaction.newEvents)
            if heard.count == 1 {
                try first.transact { _ in
                    var changes = StoreChanges()
                    changes.events = [one]
                    return (changes, ())
                }
            }
            var changes = StoreChanges()
            changes.events = [two]
            return (changes, ())
        }
        #expect(heard == [[], [one]])
        #expect(try first.log().events == [one, two])
        #expect(try first.transact { (StoreChanges(), $0.newEvents) } == [two])
    }

    /// A batch that takes the centre before deciding with it hears of what others committed
    /// meanwhile, and runs once: no other process can commit an event before it any more.
    @Test func takingTheCentreHandsOverTheEventsThatCameMeanwhile() throws {
        let database = try TestDatabase()
        let first = try PostgresConversationStore(address: database.address)
        let second = try PostgresConversationStore(address: database.address)
        let one = CentreEvent.joined(agent: "one", queues: ["general"], capacity: 1, at: 1)
        let two = CentreEvent.joined(agent: "two", queues: ["general"], capacity: 1, at: 2)
        var runs = 0
        let late = try second.transact { transaction in
            runs += 1
            if runs == 1 {
                try first.transact { _ in
                    var changes = StoreChanges()
                    changes.events = [one]
                    return (changes, ())
                }
            }
            let late = try transaction.takeCentre()
            var changes = StoreChanges()
            changes.events = [two]
            return (changes, late)
        }
        #expect(runs == 1)
        #expect(late == [one])
        #expect(try first.log().events == [one, two])
        #expect(try second.transact { (StoreChanges(), $0.newEvents) }.isEmpty)
    }

    /// A statement that waits longer than the statement timeout (here on a session another
    /// process holds) is cancelled by the server: the batch fails, nothing of it kept, and the
    /// same store's next batch, once the lock is free, succeeds on the same connection.
    @Test func aStatementPastTheTimeoutFailsTheBatchAndTheNextOneWorks() throws {
        let database = try TestDatabase()
        let holder = try PostgresConversationStore(address: database.address)
        let waiter = try PostgresConversationStore(address: database.address, statementTimeout: 0.3)
        let started = Date()
        try holder.transact { transaction -> (StoreChanges, Void) in
            _ = try transaction.sessions(["s"])
            #expect(
                throws: StoreError(
                    .unavailable,
                    "\(database.address): canceling statement due to statement timeout; nothing of the batch was kept")
            ) {
                try waiter.transact { transaction in
                    _ = try transaction.sessions(["s"])
                    var changes = StoreChanges()
                    changes.saved = [session("s", n: "lost")]
                    return (changes, ())
                }
            }
            var changes = StoreChanges()
            changes.saved = [session("s", n: "1")]
            return (changes, ())
        }
        #expect(Date().timeIntervalSince(started) < 5, "the timeout did not end the wait")
        let read = try waiter.transact { transaction in
            let found = try transaction.sessions(["s"])
            var changes = StoreChanges()
            changes.saved = [session("s", n: "2")]
            return (changes, found["s"]?.slots["n"])
        }
        #expect(read == "1")
        #expect(try database.strings("SELECT state FROM sessions").first?.contains(#""n":"2""#) == true)
        #expect(try database.strings("SHOW statement_timeout") == ["0"], "the test's own connection is not limited")
    }

    /// A process starting on a busy desk's database reads every centre event ever to rebuild the
    /// contact centre: that first read is not cut off by the statement timeout (here 300,000
    /// events against 50 ms), later batches are.
    @Test func catchingUpAtStartIsNotCutOffByTheStatementTimeout() throws {
        let database = try TestDatabase()
        let writer = try PostgresConversationStore(address: database.address)
        try writer.transact { _ in
            var changes = StoreChanges()
            changes.events = [.joined(agent: "sam", queues: ["general"], capacity: 1, at: 1)]
            return (changes, ())
        }
        try database.execute(
            """
            INSERT INTO centre_events (seq, at, kind, session, agent, queue, event)
            SELECT s, at, kind, session, agent, queue, event FROM centre_events, generate_series(2, 300000) AS s
            """)
        try database.execute("UPDATE centre_head SET seq = 300000")
        let starting = try PostgresConversationStore(address: database.address, statementTimeout: 0.05)
        let heard = try starting.transact { (StoreChanges(), $0.newEvents.count) }
        #expect(heard == 300_000)
        #expect(
            throws: StoreError(
                .unavailable,
                "\(database.address): canceling statement due to statement timeout; nothing of the batch was kept")
        ) {
            try starting.transact { _ in
                try database.execute("SELECT 1")  // the test's own connection: not limited
                _ = try starting.reading("SELECT pg_sleep(0.5)")
                return (StoreChanges(), ())
            }
        }
    }

    /// A server that stops answering altogether (its backend process stopped: its kernel still
    /// acknowledges, so neither keepalive nor its own statement timeout can help) does not hold
    /// the store forever: the client gives the connection up a few seconds past the timeout, and
    /// connects again at the next batch.
    @Test func aServerThatStopsAnsweringIsGivenUp() throws {
        let database = try TestDatabase()
        let store = try PostgresConversationStore(address: database.address, statementTimeout: 0.2)
        let backend = try #require(
            try database.strings(
                "SELECT pid::text FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'usher'"
            ).first)
        guard let pid = Int32(backend), kill(pid, SIGSTOP) == 0 else {
            Issue.record("cannot stop the backend \(backend) (this test needs the server on this machine)")
            return
        }
        defer { kill(pid, SIGCONT) }
        let started = Date()
        #expect(
            throws: StoreError(
                .unavailable,
                "\(database.address): no answer from the database in 5.2 s; the connection was given up; nothing of the batch was kept"
            )
        ) {
            try store.transact { transaction in
                _ = try transaction.sessions(["s"])
                return (StoreChanges(), ())
            }
        }
        #expect(Date().timeIntervalSince(started) < 8)
        kill(pid, SIGCONT)
        try store.transact { _ in
            var changes = StoreChanges()
            changes.saved = [session("s", n: "1")]
            return (changes, ())
        }
        #expect(try store.sessionCount() == 1)
    }

    /// The connection is cut in the middle of a batch: that batch fails with nothing kept, the
    /// next one connects again.
    @Test func aLostConnectionFailsOneBatchAndTheNextReconnects() throws {
        let database = try TestDatabase()
        let store = try PostgresConversationStore(address: database.address)
        // Whether the server's farewell arrives before the socket closes is a race: either text.
        let error = #expect(throws: StoreError.self) {
            try store.transact { transaction in
                _ = try transaction.sessions(["s"])
                try database.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'usher'"
                )
                var changes = StoreChanges()
                changes.saved = [session("s", n: "1")]
                return (changes, ())
            }
        }
        #expect(
            [
                "the database closed the connection", "terminating connection due to administrator command",
            ].map { StoreError(.unavailable, "\(database.address): \($0); nothing of the batch was kept") }
                .contains(error))
        try store.transact { _ in
            var changes = StoreChanges()
            changes.saved = [session("s", n: "2")]
            return (changes, ())
        }
        #expect(try store.sessionCount() == 1)
        #expect(try database.strings("SELECT state FROM sessions").first?.contains(#""n":"2""#) == true)
    }
}

/// The connection breaks during COMMIT itself, where the client cannot know from the socket
/// whether the batch landed: the store asks the database again and answers by what happened.
@Suite(
    "PostgresConversationStore: a connection lost at COMMIT",
    .enabled(if: TestDatabase.server != nil, TestDatabase.skipped))
struct PostgresCommitTests {
    /// A store on a fresh database reached through a relay the test can mute, freeze or break.
    private func relayedStore(
        statementTimeout: Double = PostgresConversationStore.defaultStatementTimeout
    ) throws -> (TestDatabase, TCPRelay, PostgresAddress, PostgresConversationStore) {
        let database = try TestDatabase()
        let relay = try TCPRelay(to: database.address.port)
        var address = database.address
        address.port = relay.port
        return (
            database, relay, address,
            try PostgresConversationStore(address: address, statementTimeout: statementTimeout)
        )
    }

    private func saving(_ n: String) -> (StoreTransaction) throws -> (StoreChanges, Void) {
        { transaction in
            _ = try transaction.sessions(["s"])
            var state = SessionState(id: "s", language: "en", now: 100)
            state.slots = ["n": n]
            var changes = StoreChanges()
            changes.saved = [state]
            changes.turns = [
                TurnRecord(
                    at: 100, session: "s", text: n, intent: nil, confidence: 0, decidedBy: .fallback, replies: [],
                    state: "bot", botVersion: "v")
            ]
            return (changes, ())
        }
    }

    /// COMMIT reaches the server, which commits, but its answer is lost and the connection then
    /// breaks: the batch counts as stored (no storage_unavailable), and is stored once.
    @Test func aCommitWhoseAnswerIsLostCountsAsStored() throws {
        let (database, relay, _, store) = try relayedStore()
        store.beforeCommit = {
            relay.mute()
            Thread.detachNewThread {
                // Long enough for COMMIT to reach the server and commit; then the line breaks.
                Thread.sleep(forTimeInterval: 0.5)
                relay.breakConnections()
            }
        }
        try store.transact(saving("1"))
        store.beforeCommit = nil
        #expect(try database.strings("SELECT text FROM turns") == ["1"])
        try store.transact(saving("2"))
        #expect(try database.strings("SELECT text FROM turns ORDER BY seq") == ["1", "2"])
    }

    /// The connection breaks before COMMIT reaches the server: the batch is not stored, and the
    /// answer says so.
    @Test func aCommitThatNeverArrivedFailsTheBatch() throws {
        let (database, relay, address, store) = try relayedStore()
        store.beforeCommit = { relay.breakConnections() }
        #expect(
            throws: StoreError(
                .unavailable, "\(address): the database closed the connection; nothing of the batch was kept")
        ) { try store.transact(saving("1")) }
        store.beforeCommit = nil
        #expect(try database.strings("SELECT text FROM turns").isEmpty)
        try store.transact(saving("2"))
        #expect(try database.strings("SELECT text FROM turns") == ["2"])
    }

    /// A transaction whose backend has not noticed that its client is gone is ended first, so
    /// the answer is final: here the line goes silent just before COMMIT, the client gives the
    /// connection up at its deadline, and the backend, which never heard the COMMIT, would sit
    /// in its transaction (holding the session's lock) until the store terminates it.
    @Test func aTransactionStillRunningIsEndedThenCountsAsNotStored() throws {
        let (database, relay, address, store) = try relayedStore(statementTimeout: 0.2)
        store.beforeCommit = { relay.freeze() }
        #expect(
            throws: StoreError(
                .unavailable,
                "\(address): no answer from the database in 5.2 s; the connection was given up; nothing of the batch was kept"
            )
        ) { try store.transact(saving("1")) }
        store.beforeCommit = nil
        #expect(
            try database.strings(
                "SELECT count(*)::text FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'usher' AND state LIKE 'idle in transaction%'"
            ) == ["0"])
        #expect(try database.strings("SELECT text FROM turns").isEmpty)
        // The store asked on a new connection, which it goes on using.
        try store.transact(saving("2"))
        #expect(try database.strings("SELECT text FROM turns") == ["2"])
    }
}

/// Runs whether or not a server was given: nothing listens on the port, so the store says so.
@Suite("PostgresConversationStore without a server")
struct PostgresUnreachableTests {
    @Test func anUnreachableDatabaseIsReportedAtOpen() throws {
        let port = try FreePort.take()
        let address = try PostgresAddress("postgres://usher@127.0.0.1:\(port)/desk", environment: [:])
        #expect(
            throws: StoreError(
                .unavailable, "postgres://usher@127.0.0.1:\(port)/desk: cannot connect: connection refused")
        ) { try PostgresConversationStore(address: address) }
    }
}

/// How the store reads the server's word on a transaction whose COMMIT went unanswered.
@Suite("PostgresCommit.Outcome")
struct PostgresCommitOutcomeTests {
    @Test func theServersWordIsReadAsAnOutcome() {
        #expect(PostgresCommit.Outcome(status: "committed") == .committed)
        #expect(PostgresCommit.Outcome(status: "aborted") == .rolledBack)
        #expect(PostgresCommit.Outcome(status: "in progress") == .running)
        #expect(PostgresCommit.Outcome(status: nil) == .unknown)
    }
}
