import Foundation
import GRDB
import Testing

/// `usher serve --state FILE` killed with SIGKILL at random moments while customers, forms,
/// handoffs and agent claims stream in: after every restart, everything that was answered is
/// there, and nothing that was not answered is half there.
@Suite("usher serve --state under SIGKILL", .serialized)
struct ServeCrashTests {
    /// What the answers seen so far promise about the stored state.
    struct Promises {
        /// (session, text) → how many times such a turn was answered.
        var answeredTurns: [String: Int] = [:]
        /// Slots answered as filled, per session.
        var slots: [String: [String: String]] = [:]
        /// Tickets answered as queued: session → ticket number.
        var queued: [String: Int] = [:]
        /// Claims answered: session → agent.
        var claimed: [String: String] = [:]
    }

    static let customers = 24
    static let agents = ["ann", "bob"]

    /// The same texts for a customer every time, so a slot's value never changes.
    /// The example bot's slots declared `"persist": true`.
    static let persistent: Set<String> = ["policy_number", "order_id"]

    static func texts(for customer: Int) -> [String] {
        [
            "I want to file a claim", "PN-\(200_000 + customer)", "yesterday", "hello", "I want to speak to a human",
            "what are your opening hours?", "where is my order", "AB\(300_000 + customer)",
        ]
    }

    /// A call the bot made is kept with the session: the server killed before the result came
    /// back, the result sent to the restarted server still finds it, and is answered once.
    @Test func aCallInFlightSurvivesAKill() throws {
        let folder = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state.sqlite").path
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        let first = try ServeProcess(["--state", file, bot])
        first.send([#"{"id": 1, "session": "c-1", "text": "where is my order AB123456"}"#])
        let asked = try first.readLines(1)[0]
        #expect(asked.contains(#""state": "action", "action": {"name": "lookup_order""#), "\(asked)")
        let call = try #require(
            (try JSONSerialization.jsonObject(with: Data(asked.utf8)) as? [String: Any])
                .flatMap { $0["action"] as? [String: Any] }?["call"] as? String)
        first.kill()
        let second = try ServeProcess(["--state", file, bot])
        let result =
            #"{"id": 2, "type": "action.result", "session": "c-1", "call": "\#(call)", "values": {"status": "delivered"}}"#
        second.send([result, result])
        let answers = try second.readLines(2)
        #expect(answers[0].contains(#""replies": ["Order AB123456 is delivered."], "state": "bot""#), "\(answers[0])")
        #expect(answers[1].contains(#""code": "unknown_call""#), "\(answers[1])")
        #expect(second.finish() == 0)
    }

    @Test func everyAnsweredTurnSurvivesRandomKills() throws {
        let folder = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state.sqlite").path
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        var random = SystemRandomNumberGenerator()
        var promises = Promises()
        var nextID = 0
        var kills = 0
        for round in 0..<22 {
            let server = try ServeProcess(["--state", file, "--workers", "2", bot])
            try verify(promises, server: server, file: file, round: round)
            if round == 0 {
                let joins = Self.agents.map {
                    #"{"type": "agent.join", "agent": "\#($0)", "queues": ["general", "claims", "billing"], "capacity": 4}"#
                }
                server.send(joins)
                for answer in try server.readLines(joins.count) { #expect(answer.contains(#""joined": true"#)) }
            }
            // Stream requests in small bursts and kill the server at a random moment.
            let bursts = Int.random(in: 2...12, using: &random)
            var sent: [Int: [String: Any]] = [:]
            for burst in 0..<bursts {
                var lines: [String] = []
                for _ in 0..<Int.random(in: 1...25, using: &random) {
                    nextID += 1
                    let request = Self.request(id: nextID, using: &random)
                    sent[nextID] = request
                    lines.append(String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self))
                }
                guard server.send(lines) else { break }
                let last = burst == bursts - 1
                // Read some answers (maybe none) before the next burst or the kill.
                while let line = server.readLine(
                    timeout: last ? 0.002 * Double.random(in: 0...10, using: &random) : 0.02)
                {
                    try record(line, sent: sent, into: &promises)
                }
            }
            server.kill()
            kills += 1
            // Answers already written before the kill count too.
            while let line = server.readLine(timeout: 0.5) { try record(line, sent: sent, into: &promises) }
        }
        #expect(kills >= 20)
        let server = try ServeProcess(["--state", file, bot])
        try verify(promises, server: server, file: file, round: -1)
        #expect(server.finish() == 0)
        #expect(promises.answeredTurns.count > 50)
        #expect(!promises.queued.isEmpty && !promises.claimed.isEmpty)
    }

    static func request(id: Int, using random: inout SystemRandomNumberGenerator) -> [String: Any] {
        let roll = Int.random(in: 0..<100, using: &random)
        if roll < 8 {
            return ["id": id, "type": "agent.claim", "agent": agents[Int.random(in: 0..<2, using: &random)]]
        }
        if roll < 12 { return ["id": id, "type": "queue.list"] }
        let customer = Int.random(in: 0..<customers, using: &random)
        let texts = texts(for: customer)
        return ["id": id, "session": "c-\(customer)", "text": texts[Int.random(in: 0..<texts.count, using: &random)]]
    }

    /// Takes in what one answer promises.
    func record(_ line: String, sent: [Int: [String: Any]], into promises: inout Promises) throws {
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        let id = try #require(answer["id"] as? Int, "an answer without an id: \(line)")
        let request = try #require(sent[id])
        if let session = request["session"] as? String, let text = request["text"] as? String {
            #expect(answer["error"] == nil, "\(line)")
            promises.answeredTurns["\(session)\t\(text)", default: 0] += 1
            // Only values that persist are promised: a form beginning again clears its others,
            // and a turn committed just before a kill may have done so unanswered.
            if let slots = answer["slots"] as? [String: String] {
                promises.slots[session, default: [:]].merge(slots.filter { Self.persistent.contains($0.key) }) {
                    _, new in new
                }
            }
            if answer["state"] as? String == "queued", let handoff = answer["handoff"] as? [String: Any],
                let ticket = handoff["ticket"] as? Int
            {
                promises.queued[session] = ticket
            }
        } else if request["type"] as? String == "agent.claim", let session = answer["session"] as? String {
            promises.claimed[session] = request["agent"] as? String
        }
    }

    /// Checks a freshly started server against every promise, and the file's consistency.
    func verify(_ promises: Promises, server: ServeProcess, file: String, round: Int) throws {
        let context = "after restart \(round)"
        // Answered once the server has opened (and, the first time, created) the file.
        server.send([#"{"id": "hello", "type": "ping"}"#])
        #expect(try server.readLines(1) == [#"{"id": "hello", "pong": true}"#])
        let database = try DatabaseQueue(path: file)
        let logged = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT session, text, count(*) AS n FROM turns GROUP BY session, text")
        }
        let counts = Dictionary(
            uniqueKeysWithValues: logged.map { ("\($0["session"] as String)\t\($0["text"] as String)", $0["n"] as Int) }
        )
        for (turn, answered) in promises.answeredTurns {
            #expect((counts[turn] ?? 0) >= answered, "\(context): answered turn \(turn) is not all in the log")
        }
        // Ask the server itself: each session's state, the queues, and whether agents still hold what they claimed.
        var requests = (0..<Self.customers).map { #"{"id": "get-\#($0)", "type": "get", "session": "c-\#($0)"}"# }
        requests.append(#"{"id": "queues", "type": "queue.list"}"#)
        server.send(requests)
        let answers = try server.readLines(requests.count)
        let perSession = try (0..<Self.customers).map { index in
            try #require(try JSONSerialization.jsonObject(with: Data(answers[index].utf8)) as? [String: Any])
        }
        let turnsPerSession = try database.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT session, count(*) AS n FROM turns GROUP BY session")
                    .map { ($0["session"] as String, $0["n"] as Int) })
        }
        for (index, answer) in perSession.enumerated() {
            let session = "c-\(index)"
            let state = answer["state"] as? [String: Any]
            // A batch is committed whole: the session's turn count and its log agree exactly.
            #expect(
                (state?["turns"] as? Int ?? 0) == (turnsPerSession[session] ?? 0),
                "\(context): \(session) has \(state?["turns"] ?? 0) turns but the log \(turnsPerSession[session] ?? 0)")
            let slots = state?["slots"] as? [String: String] ?? [:]
            for (name, value) in promises.slots[session] ?? [:] {
                #expect(slots[name] == value, "\(context): \(session) lost slot \(name)=\(value)")
            }
        }
        let queues = try #require(try JSONSerialization.jsonObject(with: Data(answers.last!.utf8)) as? [String: Any])
        var waiting: [String: Int] = [:]
        for queue in queues["queues"] as? [[String: Any]] ?? [] {
            let order = (queue["waiting"] as? [[String: Any]] ?? []).compactMap { entry -> (Double, Int)? in
                guard let ticket = entry["ticket"] as? Int, let priority = entry["priority"] as? Int,
                    let waited = entry["waited_seconds"] as? Double
                else { return nil }
                // The priority a ticket came with, plus the time it waited, continuously (aging 120 s).
                let base = Double(priority) - (waited / 120).rounded(.down)
                return (base * 120 + waited, ticket)
            }
            // Higher priority (with time waited) first, then the earlier ticket: the order survives the restart.
            let sorted = order.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            #expect(
                order.map(\.1) == sorted.map(\.1), "\(context): queue \(queue["name"] ?? "") is out of order: \(order)")
            for entry in queue["waiting"] as? [[String: Any]] ?? [] {
                if let session = entry["session"] as? String, let ticket = entry["ticket"] as? Int {
                    waiting[session] = ticket
                }
            }
        }
        let holders = try database.read { db in
            try Dictionary(
                Row.fetchAll(db, sql: "SELECT session, agent FROM centre_events WHERE kind = 'claimed' ORDER BY seq")
                    .map { ($0["session"] as String, $0["agent"] as String) }, uniquingKeysWith: { _, last in last })
        }
        for (session, ticket) in promises.queued where waiting[session] != ticket {
            // Not waiting with that ticket any more: then an agent took it (answered or not).
            #expect(holders[session] != nil, "\(context): \(session)'s ticket \(ticket) is lost")
        }
        var checks: [String] = []
        for (session, agent) in promises.claimed.merging(
            holders.filter { waiting[$0.key] == nil }, uniquingKeysWith: { a, _ in a })
        {
            checks.append(
                #"{"id": "say-\#(session)", "type": "agent.say", "agent": "\#(agent)", "session": "\#(session)", "text": "still here"}"#
            )
        }
        server.send(checks)
        for answer in try server.readLines(checks.count) {
            #expect(!answer.contains(#""error""#), "\(context): a claimed customer is not held: \(answer)")
        }
        // Every ticket came with the turn that handed the customer off, in the same commit.
        let orphans = try database.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT e.session FROM centre_events e WHERE e.kind = 'queued' AND NOT EXISTS
                    (SELECT 1 FROM turns t WHERE t.session = e.session AND t.state = 'queued')
                    """)
        }
        #expect(orphans.isEmpty, "\(context): tickets without their handoff turn: \(orphans)")
    }
}
