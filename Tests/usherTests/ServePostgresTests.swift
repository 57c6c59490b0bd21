import Foundation
import Testing
import Usher
import UsherStorage
import UsherTestSupport

/// `usher serve --state postgres://…` as a gateway uses it: conversations outlive the process
/// and cross processes, `usher stats` reads the database, an unreachable database is reported
/// at start, and one lost while serving fails only the affected lines until it is back.
@Suite("usher serve --state postgres://", .enabled(if: TestDatabase.server != nil, TestDatabase.skipped))
struct ServePostgresTests {
    let bot = UsherBinary.root.appendingPathComponent("intents").path

    @Test func aConversationContinuesInAnotherProcessAndStatsReadsIt() throws {
        let database = try TestDatabase()
        let first = try UsherBinary.run(
            ["serve", "--state", database.url, bot],
            input: #"{"id": 1, "session": "c-1", "text": "I want to file a claim"}"# + "\n")
        #expect(first.status == 0)
        #expect(first.stderr.contains("state in \(database.address)"), "\(first.stderr)")
        #expect(first.stdout.contains(#""replies": ["What is your policy number?"]"#))
        let second = try UsherBinary.run(
            ["serve", "--state", database.url, bot], input: #"{"id": 2, "session": "c-1", "text": "PN-123456"}"# + "\n")
        #expect(second.stdout.contains(#""slots": {"policy_number": "PN-123456"}"#), "\(second.stdout)")
        let stats = try UsherBinary.run(["stats", "--state", database.url, "--json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any], "\(stats.stdout)")
        #expect(summary["conversations"] as? Int == 1)
        #expect(try database.strings("SELECT text FROM turns ORDER BY seq") == ["I want to file a claim", "PN-123456"])
    }

    /// The database goes away while the server runs: the lines of the batches it misses are
    /// answered storage_unavailable (a ping still pongs), nothing answered before is lost, and
    /// the server goes on by itself when it is back.
    @Test func aLostDatabaseFailsTheBatchAndTheServerRecovers() throws {
        let database = try TestDatabase()
        let relay = try TCPRelay(to: database.address.port)
        let url = "postgres://\(database.address.user)@127.0.0.1:\(relay.port)/\(database.name)"
        let server = try ServeProcess(["--state", url, "--commit-window", "0", bot])
        server.send([#"{"id": 1, "session": "a", "text": "hello"}"#])
        #expect(try server.readLines(1)[0].contains(#""intent": "greeting""#))
        relay.cut()
        server.send([#"{"id": 2, "session": "b", "text": "hello"}"# + "\n" + #"{"id": 3, "type": "ping"}"#])
        let failed = try server.readLines(2)
        let message = try #require(
            failed[0].firstMatch(of: /"code": "storage_unavailable", "message": "([^"]*)"/)?.1, "\(failed[0])")
        #expect(
            ["the database closed the connection", "cannot connect: connection refused"].contains {
                message == "\(url): \($0); nothing of the batch was kept"
            }, "\(message)")
        #expect(failed[1] == #"{"id": 3, "pong": true}"#)
        server.send([#"{"id": 4, "session": "b", "text": "hello"}"#])
        #expect(
            try server.readLines(1)[0]
                == #"{"id": 4, "error": {"code": "storage_unavailable", "message": "\#(url): cannot connect: connection refused; nothing of the batch was kept"}}"#
        )
        try relay.resume()
        server.send([#"{"id": 5, "session": "b", "text": "where is my order"}"#])
        #expect(try server.readLines(1)[0].contains(#""id": 5, "session": "b""#))
        #expect(server.finish() == 0)
        let errors = server.stderrText()
        #expect(
            errors.contains(
                "usher serve: storage failed: \(message); answering storage_unavailable until it works again\n"),
            "\(errors)")
        #expect(errors.contains("usher serve: storage works again\n"))
        #expect(try database.strings("SELECT text FROM turns ORDER BY seq") == ["hello", "where is my order"])
    }

    /// A batch stuck behind a lock another process holds on a customer's session is cut off at
    /// --statement-timeout: its lines are answered storage_unavailable with the server's reason,
    /// other lines still answered, and once the lock is free the customer is served again.
    @Test func aBatchPastTheStatementTimeoutFailsAndTheServerGoesOn() throws {
        let database = try TestDatabase()
        let server = try ServeProcess(
            ["--state", database.url, "--commit-window", "0", "--statement-timeout", "0.3", bot])
        server.send([#"{"id": 1, "session": "a", "text": "hello"}"#])
        #expect(try server.readLines(1)[0].contains(#""intent": "greeting""#))
        // Another process holds session "a" (in the middle of its own batch) for longer.
        let other = try PostgresConversationStore(address: database.address)
        try other.transact { transaction -> (StoreChanges, Void) in
            let held = try transaction.sessions(["a"])
            server.send([#"{"id": 2, "session": "a", "text": "hello"}"# + "\n" + #"{"id": 3, "type": "ping"}"#])
            let failed = try server.readLines(2)
            #expect(
                failed[0]
                    == #"{"id": 2, "error": {"code": "storage_unavailable", "message": "\#(database.address): canceling statement due to statement timeout; nothing of the batch was kept"}}"#
            )
            #expect(failed[1] == #"{"id": 3, "pong": true}"#)
            var changes = StoreChanges()
            changes.unchanged = Array(held.values)
            return (changes, ())
        }
        server.send([#"{"id": 4, "session": "a", "text": "where is my order"}"#])
        #expect(try server.readLines(1)[0].contains(#""id": 4, "session": "a""#))
        #expect(server.finish() == 0)
        #expect(server.stderrText().contains("usher serve: storage works again\n"))
        #expect(try database.strings("SELECT text FROM turns ORDER BY seq") == ["hello", "where is my order"])
    }

    /// Two servers on one database act as one contact centre: a customer queued through one
    /// is claimed through the other, their messages reach the agent whichever server they come
    /// through, and ticket numbers never repeat.
    @Test func twoServersShareSessionsQueuesAndAgents() throws {
        let database = try TestDatabase()
        let one = try ServeProcess(["--state", database.url, "--commit-window", "0", bot])
        let two = try ServeProcess(["--state", database.url, "--commit-window", "0", bot])
        var tickets: [Int] = []
        for customer in 0..<6 {
            let server = customer.isMultiple(of: 2) ? one : two
            server.send([#"{"session": "c-\#(customer)", "text": "I want to speak to a human"}"#])
            let answer = try server.readLines(1)[0]
            let json = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])
            let ticket = try #require((json["handoff"] as? [String: Any])?["ticket"] as? Int, "\(answer)")
            tickets.append(ticket)
        }
        #expect(tickets == Array(1...6))
        two.send([#"{"type": "agent.join", "agent": "sam", "queues": ["general"], "capacity": 2}"#])
        #expect(try two.readLines(1)[0].contains(#""joined": true"#))
        one.send([#"{"type": "agent.claim", "agent": "sam"}"#])
        let claim = try one.readLines(1)[0]
        #expect(claim.contains(#""session": "c-0""#), "\(claim)")
        two.send([#"{"session": "c-0", "text": "hello, are you there?"}"#])
        let routed = try two.readLines(1)[0]
        #expect(
            routed.contains(
                #"{"type": "to_agent", "agent": "sam", "session": "c-0", "text": "hello, are you there?"}"#),
            "\(routed)")
        two.send([#"{"type": "agent.claim", "agent": "sam", "session": "c-0"}"#])
        #expect(try two.readLines(1)[0].contains(#""code": "not_queued""#))
        // Both show the same queue: the same customers, tickets and places.
        func waiting(_ server: ServeProcess) throws -> [String] {
            server.send([#"{"type": "queue.list"}"#])
            let answer = try server.readLines(1)[0]
            let json = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])
            return (json["queues"] as? [[String: Any]] ?? []).flatMap { queue in
                (queue["waiting"] as? [[String: Any]] ?? []).map {
                    "\(queue["queue"] ?? "") \($0["session"] ?? "") #\($0["ticket"] ?? "") at \($0["position"] ?? "")"
                }
            }
        }
        let seenByOne = try waiting(one)
        #expect(seenByOne.count == 5, "\(seenByOne)")
        #expect(try waiting(two) == seenByOne)
        #expect(one.finish() == 0)
        #expect(two.finish() == 0)
    }
}

/// What needs no database: an address nothing answers on, options that are SQLite's, `--help`.
@Suite("usher serve --state postgres:// without a server")
struct ServePostgresAddressTests {
    let bot = UsherBinary.root.appendingPathComponent("intents").path

    @Test func anUnreachableDatabaseAtStartIsAnErrorWithStatus1() throws {
        let port = try FreePort.take()
        let url = "postgres://usher@127.0.0.1:\(port)/desk"
        let output = try UsherBinary.run(["serve", "--state", url, bot], input: #"{"type": "ping"}"# + "\n")
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "usher: error: \(url): cannot connect: connection refused\n")
        let stats = try UsherBinary.run(["stats", "--state", url])
        #expect(stats.status == 1)
        #expect(stats.stderr == "usher: error: \(url): cannot connect: connection refused\n")
    }

    @Test func aPasswordIsNeverShown() throws {
        let port = try FreePort.take()
        let output = try UsherBinary.run(
            ["serve", "--state", "postgres://usher:hunter2@127.0.0.1:\(port)/desk", bot], input: "")
        #expect(output.status == 1)
        #expect(!output.stderr.contains("hunter2"))
        #expect(
            output.stderr
                == "usher: error: postgres://usher@127.0.0.1:\(port)/desk: cannot connect: connection refused\n")
    }

    @Test func sqliteOptionsAreRefusedWithPostgres() throws {
        let output = try UsherBinary.run(["serve", "--state", "postgres://u@127.0.0.1/d", "--sync", "full", bot])
        #expect(output.status == 2)
        #expect(
            output.stderr.contains(
                "Error: --sync is for a SQLite file; PostgreSQL's durability is its synchronous_commit setting"))
    }

    @Test func theStatementTimeoutIsForPostgresAndBounded() throws {
        let sqlite = try UsherBinary.run(["serve", "--state", "desk.sqlite", "--statement-timeout", "3", bot])
        #expect(sqlite.status == 2)
        #expect(
            sqlite.stderr.contains(
                "Error: --statement-timeout is for a PostgreSQL database (--state postgres://…)"), "\(sqlite.stderr)")
        let negative = try UsherBinary.run(
            ["serve", "--state", "postgres://u@127.0.0.1/d", "--statement-timeout", "4000", bot])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("Error: --statement-timeout must be between 0 and 3600"), "\(negative.stderr)")
    }

    @Test func helpSaysWhatHappensWhenTheDatabaseIsUnreachable() throws {
        let help = try UsherBinary.run(["serve", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
        #expect(
            help.contains(
                "A database that cannot be reached at start is reported on stderr and usher exits with status 1"),
            "\(help)")
        #expect(help.contains("postgres://user@host:port/db"))
        #expect(
            help.contains(
                "--statement-timeout <seconds> Seconds a PostgreSQL statement may run before the batch fails with storage_unavailable (default: 10; 0: no limit)."
            ), "\(help)")
    }
}
