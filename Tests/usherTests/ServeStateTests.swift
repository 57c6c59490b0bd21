import Foundation
import GRDB
import Testing

/// `usher serve --state FILE` as a gateway uses it: conversations outlive the process, a file
/// that is not Usher's is refused untouched, a storage fault fails only the affected lines, and
/// two servers can share one file.
@Suite("usher serve --state")
struct ServeStateTests {
    let bot = UsherBinary.root.appendingPathComponent("intents").path

    private func folder() throws -> URL { try UsherBinary.directory([:]) }

    @Test func aConversationContinuesAfterARestart() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state.sqlite").path
        let first = try UsherBinary.run(
            ["serve", "--state", file, bot],
            input: #"{"id": 1, "session": "c-1", "text": "I want to file a claim"}"# + "\n")
        #expect(first.status == 0)
        #expect(first.stderr.contains("state in \(file)"))
        #expect(first.stdout.contains(#""replies": ["What is your policy number?"]"#))
        let second = try UsherBinary.run(
            ["serve", "--state", file, bot], input: #"{"id": 2, "session": "c-1", "text": "PN-123456"}"# + "\n")
        #expect(second.stdout.contains(#""slots": {"policy_number": "PN-123456"}"#), "\(second.stdout)")
        #expect(second.stdout.contains(#""intent": "file_claim""#))
    }

    @Test(arguments: [
        (
            "diary.txt", Data("dear diary, today I chatted with a bot\n".utf8),
            "not a SQLite database (it starts with \"dear diary, toda\"); the file was not changed"
        )
    ])
    func aFileThatIsNotAStateFileIsRefusedUntouched(name: String, contents: Data, message: String) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: file, contents: contents)
        let output = try UsherBinary.run(["serve", "--state", file, bot], input: #"{"type": "ping"}"# + "\n")
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "usher: error: \(file): \(message)\n")
        #expect(FileManager.default.contents(atPath: file) == contents)
    }

    @Test func usageErrorsNameTheOption() throws {
        let sync = try UsherBinary.run(["serve", "--sync", "full", bot])
        #expect(sync.status == 2)
        #expect(sync.stderr.contains("Error: --sync needs --state"))
        let bad = try UsherBinary.run(["serve", "--state", "x.sqlite", "--sync", "sometimes", bot])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("The value 'sometimes' is invalid for '--sync <normal|full>'"), "\(bad.stderr)")
    }

    /// Another process holds the write lock: the lines of that batch are answered
    /// storage_unavailable (a ping still pongs), nothing of them is kept, and once the lock is
    /// gone the server goes on by itself.
    @Test func aLockedFileFailsTheBatchAndTheServerRecovers() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state.sqlite").path
        let server = try ServeProcess(["--state", file, "--busy-timeout", "0.1", "--commit-window", "0", bot])
        server.send([#"{"id": 1, "session": "a", "text": "hello"}"#])
        #expect(try server.readLines(1)[0].contains(#""intent": "greeting""#))
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: file, configuration: configuration)
        try other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        server.send([#"{"id": 2, "session": "b", "text": "hello"}"# + "\n" + #"{"id": 3, "type": "ping"}"#])
        let failed = try server.readLines(2)
        #expect(
            failed[0]
                == #"{"id": 2, "error": {"code": "storage_unavailable", "message": "\#(file): the database is locked by another process; nothing of the batch was kept"}}"#
        )
        #expect(failed[1] == #"{"id": 3, "pong": true}"#)
        try other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        server.send([#"{"id": 4, "session": "b", "text": "where is my order"}"#])
        #expect(try server.readLines(1)[0].contains(#""id": 4, "session": "b""#))
        #expect(server.finish() == 0)
        let errors = server.stderrText()
        #expect(
            errors.contains(
                "usher serve: storage failed: \(file): the database is locked by another process; nothing of the batch was kept; answering storage_unavailable until it works again\n"
            ), "\(errors)")
        #expect(errors.contains("usher serve: storage works again\n"))
        let logged = try other.read { db in try String.fetchAll(db, sql: "SELECT text FROM turns ORDER BY seq") }
        #expect(logged == ["hello", "where is my order"])
    }

    /// Two servers on one file act as one contact centre: a customer queued through one is
    /// claimed through the other, their messages reach the agent whichever server they come
    /// through, and ticket numbers never repeat.
    @Test func twoServersShareSessionsQueuesAndAgents() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state.sqlite").path
        let one = try ServeProcess(["--state", file, "--commit-window", "0", bot])
        let two = try ServeProcess(["--state", file, "--commit-window", "0", bot])
        var tickets: [Int] = []
        for customer in 0..<6 {
            let server = customer.isMultiple(of: 2) ? one : two
            server.send([#"{"session": "c-\#(customer)", "text": "I want to speak to a human"}"#])
            let answer = try server.readLines(1)[0]
            let json = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])
            let ticket = try #require((json["handoff"] as? [String: Any])?["ticket"] as? Int, "\(answer)")
            tickets.append(ticket)
        }
        #expect(Set(tickets).count == 6)
        two.send([#"{"type": "agent.join", "agent": "sam", "queues": ["general"], "capacity": 2}"#])
        #expect(try two.readLines(1)[0].contains(#""joined": true"#))
        one.send([#"{"type": "agent.claim", "agent": "sam"}"#])
        let claim = try one.readLines(1)[0]
        #expect(claim.contains(#""session": "c-0""#), "\(claim)")
        two.send([#"{"session": "c-0", "text": "hello, are you there?"}"#])
        let routed = try two.readLines(1)[0]
        #expect(routed.contains(#""state": "agent""#), "\(routed)")
        #expect(
            routed.contains(#"{"type": "to_agent", "agent": "sam", "session": "c-0", "text": "hello, are you there?"}"#)
        )
        two.send([#"{"type": "agent.claim", "agent": "sam", "session": "c-0"}"#])
        #expect(try two.readLines(1)[0].contains(#""code": "not_queued""#))
        #expect(one.finish() == 0)
        #expect(two.finish() == 0)
    }
}
