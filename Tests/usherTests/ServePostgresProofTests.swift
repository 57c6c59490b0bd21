import Foundation
import Testing
import UsherTestSupport

/// The proof of issue 15: four `usher serve` processes on one PostgreSQL, 2,000 customers and
/// 20 agents sent to them at random (a customer's turns land on different processes, agents
/// claim concurrently), one process killed with SIGKILL mid-run and started again. Afterwards no
/// answered turn, queue entry or agent message is lost or duplicated, no customer was claimed
/// twice, and every customer's turns are logged in the order they were answered.
@Suite("usher serve: four processes on one PostgreSQL", .enabled(if: TestDatabase.server != nil, TestDatabase.skipped))
struct ServePostgresProofTests {
    static let processes = 4
    static let sessions = 2_000
    static let agents = (0..<20).map { "agent-\($0)" }
    /// Requests of customers in flight at once, across the processes.
    static let inFlight = 64

    /// A customer's script: a greeting, a question, and for one in three a request for a person.
    static func script(_ session: Int) -> [String] {
        session % 3 == 0
            ? ["hello", "I want to speak to a human", "are you still there?"]
            : ["hello", "what are your opening hours?"]
    }

    /// Whether a customer sends their whole script at once (to different processes), as someone
    /// typing fast does: their turns race, and only the session lock keeps them apart.
    static func sendsAtOnce(_ session: Int) -> Bool { session % 3 == 1 }

    /// What was sent and not answered yet, per process: request id → what it was.
    enum Pending {
        case turn(session: Int, turn: String)
        case agent(index: Int, request: String, message: String?)
    }

    /// What the answers promise.
    struct Answered {
        var turns: [Int: [String]] = [:]
        var tickets: [Int: Int] = [:]
        var claims: [Int: String] = [:]
        var messages: Set<String> = []
        /// Sent to the killed process and never answered: each may or may not have happened.
        var maybeTurns: Set<String> = []
        var maybeMessages: Set<String> = []
    }

    /// Where an agent is in its loop: claim a customer, say something to them, close.
    enum Stage: Equatable {
        case claiming
        case saying(Int)
        case closing(Int)
    }

    /// The run: what was sent, where, and what the answers said.
    struct Run {
        var servers: [ServeProcess]
        var pending: [[Int: Pending]] = Array(repeating: [:], count: ServePostgresProofTests.processes)
        var answered = Answered()
        var random = SystemRandomNumberGenerator()
        var nextID = 0
        var nextTurn: [Int] = Array(repeating: 0, count: ServePostgresProofTests.sessions)
        var talking: Set<Int> = []
        var waitingForAnswer: [Int: Int] = [:]
        var nextSession = 0
        var finishedSessions = 0
        var stages: [Stage] = Array(repeating: .claiming, count: ServePostgresProofTests.agents.count)
        var busyAgents: Set<Int> = []
        var idleAgents: Set<Int> = []
        var messages = 0
        var errors: [String] = []

        mutating func send(_ line: String, _ what: Pending) {
            let process = Int.random(in: 0..<servers.count, using: &random)
            nextID += 1
            pending[process][nextID] = what
            servers[process].send([line.replacingOccurrences(of: "#ID#", with: "\(nextID)")])
        }

        /// Takes in one answer line from `process`.
        mutating func take(_ line: String, from process: Int) throws {
            let answer = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            let id = try #require(answer["id"] as? Int, "\(line)")
            let removed = pending[process].removeValue(forKey: id)
            let what = try #require(removed, "an answer to nothing: \(line)")
            let error = (answer["error"] as? [String: Any])?["code"] as? String
            switch what {
            case .turn(let session, let turn):
                waitingForAnswer[session, default: 1] -= 1
                if waitingForAnswer[session] == 0 { waitingForAnswer[session] = nil }
                if let error { errors.append("\(turn): \(error): \(line)") }
                answered.turns[session, default: []].append(turn)
                if let ticket = (answer["handoff"] as? [String: Any])?["ticket"] as? Int {
                    // A customer still waiting is told their ticket again: the same one.
                    #expect(answered.tickets[session].map { $0 == ticket } ?? true, "c-\(session) queued twice")
                    if answered.tickets[session] == nil { idleAgents.removeAll() }
                    answered.tickets[session] = ticket
                }
            case .agent(let index, let request, let message):
                busyAgents.remove(index)
                switch (request, error, stages[index]) {
                case ("join", nil, _): break
                case ("claim", nil, _):
                    let session = try #require((answer["session"] as? String).flatMap { Int($0.dropFirst(2)) })
                    #expect(answered.claims[session] == nil, "c-\(session) claimed twice")
                    answered.claims[session] = ServePostgresProofTests.agents[index]
                    stages[index] = .saying(session)
                case ("claim", "queue_empty", _): idleAgents.insert(index)
                case ("say", nil, .saying(let session)):
                    answered.messages.insert(message ?? "")
                    stages[index] = .closing(session)
                case ("close", nil, _): stages[index] = .claiming
                default: errors.append("\(ServePostgresProofTests.agents[index]) \(request): \(line)")
                }
            }
        }

        /// Sends the next request of every customer and agent that has none in flight.
        mutating func step() {
            while talking.count < ServePostgresProofTests.inFlight && nextSession < ServePostgresProofTests.sessions {
                talking.insert(nextSession)
                nextSession += 1
            }
            for session in talking where waitingForAnswer[session] == nil {
                let script = ServePostgresProofTests.script(session)
                guard nextTurn[session] < script.count else {
                    talking.remove(session)
                    finishedSessions += 1
                    continue
                }
                let count = ServePostgresProofTests.sendsAtOnce(session) ? script.count : 1
                for _ in 0..<count {
                    let turn = "t-\(session)-\(nextTurn[session])"
                    let text = script[nextTurn[session]]
                    nextTurn[session] += 1
                    waitingForAnswer[session, default: 0] += 1
                    send(
                        #"{"id": #ID#, "session": "c-\#(session)", "text": "\#(text)", "meta": {"customer": "\#(turn)"}}"#,
                        .turn(session: session, turn: turn))
                }
            }
            for (index, agent) in ServePostgresProofTests.agents.enumerated()
            where !busyAgents.contains(index) && !idleAgents.contains(index) {
                busyAgents.insert(index)
                switch stages[index] {
                case .claiming:
                    send(
                        #"{"id": #ID#, "type": "agent.claim", "agent": "\#(agent)"}"#,
                        .agent(index: index, request: "claim", message: nil))
                case .saying(let session):
                    messages += 1
                    send(
                        #"{"id": #ID#, "type": "agent.say", "agent": "\#(agent)", "session": "c-\#(session)", "text": "m-\#(messages)"}"#,
                        .agent(index: index, request: "say", message: "m-\(messages)"))
                case .closing(let session):
                    send(
                        #"{"id": #ID#, "type": "agent.close", "agent": "\#(agent)", "session": "c-\#(session)"}"#,
                        .agent(index: index, request: "close", message: nil))
                }
            }
        }

        /// SIGKILLs one process, takes in what it answered before dying, counts what it did not
        /// answer as maybe done, and starts it again.
        mutating func killAndRestart(_ arguments: [String]) throws {
            let victim = Int.random(in: 0..<servers.count, using: &random)
            servers[victim].kill()
            while let line = servers[victim].readLine(timeout: 0.5) { try take(line, from: victim) }
            for (_, what) in pending[victim] {
                switch what {
                case .turn(let session, let turn):
                    answered.maybeTurns.insert(turn)
                    waitingForAnswer[session, default: 1] -= 1
                    if waitingForAnswer[session] == 0 { waitingForAnswer[session] = nil }
                case .agent(let index, let request, let message):
                    busyAgents.remove(index)
                    if let message { answered.maybeMessages.insert(message) }
                    if request == "say", case .saying(let session) = stages[index] { stages[index] = .closing(session) }
                    if request == "close" { stages[index] = .claiming }
                }
            }
            pending[victim] = [:]
            servers[victim] = try ServeProcess(arguments)
        }

        var isDone: Bool {
            finishedSessions == ServePostgresProofTests.sessions && busyAgents.isEmpty
                && idleAgents.count == ServePostgresProofTests.agents.count
                && pending.allSatisfy(\.isEmpty)
        }
    }

    @Test func fourProcessesLoseNothingAnsweredThroughAKill() throws {
        let database = try TestDatabase()
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        let arguments = ["--state", database.url, "--workers", "2", bot]
        var run = Run(servers: try (0..<Self.processes).map { _ in try ServeProcess(arguments) })
        for (index, agent) in Self.agents.enumerated() {
            run.busyAgents.insert(index)
            run.send(
                #"{"id": #ID#, "type": "agent.join", "agent": "\#(agent)", "queues": ["general", "claims", "billing"], "capacity": 3}"#,
                .agent(index: index, request: "join", message: nil))
        }
        let deadline = Date().addingTimeInterval(900)
        var killed = false
        var lastWake = Date()
        while !run.isDone {
            guard Date() < deadline else { throw ServeProcess.Failure(description: "the run took over 15 minutes") }
            // Agents with nothing to claim try again now and then (a ticket answered by one
            // process can reach the others after an agent was told the queue is empty).
            if Date().timeIntervalSince(lastWake) > 0.25 && run.finishedSessions < Self.sessions {
                run.idleAgents.removeAll()
                lastWake = Date()
            }
            run.step()
            if !killed && run.finishedSessions >= Self.sessions * 2 / 5 {
                killed = true
                try run.killAndRestart(arguments)
            }
            var heard = false
            for process in 0..<Self.processes {
                while let line = run.servers[process].readLine(timeout: heard ? 0 : 0.002) {
                    heard = true
                    try run.take(line, from: process)
                }
            }
        }
        for server in run.servers { #expect(server.finish() == 0) }
        #expect(killed)
        #expect(run.errors.isEmpty, "\(run.errors.prefix(10))")
        try check(run.answered, database)
    }

    /// Compares the database with what the answers promised.
    func check(_ answered: Answered, _ database: TestDatabase) throws {
        // Turns: each answered one logged exactly once, in the order answered; only unanswered
        // ones sent to the killed process may be there besides.
        let logged = try database.pairs("SELECT session, customer FROM turns ORDER BY seq")
        var perSession: [Int: [String]] = [:]
        for (session, turn) in logged { perSession[Int(session.dropFirst(2)) ?? -1, default: []].append(turn) }
        #expect(Set(logged.map(\.1)).count == logged.count, "a turn is logged twice")
        for session in 0..<Self.sessions {
            let log = perSession[session] ?? []
            let answeredTurns = answered.turns[session] ?? []
            if Self.sendsAtOnce(session) {
                // Sent together: answered in whichever order the lock gave them.
                #expect(
                    log.filter { !answered.maybeTurns.contains($0) }.sorted() == answeredTurns.sorted(),
                    "c-\(session): logged \(log), answered \(answeredTurns)")
            } else {
                #expect(
                    log.filter { !answered.maybeTurns.contains($0) } == answeredTurns,
                    "c-\(session): logged \(log), answered \(answeredTurns)")
            }
        }
        // Each live session's snapshot took in every logged turn of it, in the log's order: no
        // turn ran on a copy another process was changing at the same time.
        let texts = try database.pairs("SELECT session, text FROM turns ORDER BY seq")
        var loggedTexts: [String: [String]] = [:]
        for (session, text) in texts { loggedTexts[session, default: []].append(text) }
        // (The customers who never ask for a person: a person's lines join the others' history.)
        let snapshots = try database.pairs(
            "SELECT id, state FROM sessions WHERE id NOT IN (SELECT session FROM session_ends)"
        ).filter { (Int($0.0.dropFirst(2)) ?? 0) % 3 != 0 }
        #expect(snapshots.count > 1_000)
        for (session, state) in snapshots {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(state.utf8)) as? [String: Any])
            let history = (json["history"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            let log = loggedTexts[session] ?? []
            #expect(
                json["turns"] as? Int == log.count,
                "\(session): the snapshot has \(json["turns"] ?? 0) turns, the log \(log.count)")
            #expect(history == Array(log.suffix(history.count)), "\(session): history \(history), log \(log)")
        }
        #expect(answered.turns.values.map(\.count).reduce(0, +) > 4_000)
        // Queue entries: every answered ticket queued once, ticket numbers never repeated.
        let queued = try database.pairs(
            "SELECT session, (event::json -> 'ticket' ->> 'number') FROM centre_events WHERE kind = 'queued'")
        #expect(Set(queued.map(\.1)).count == queued.count, "a ticket number was given twice")
        #expect(Set(queued.map(\.0)).count == queued.count, "a customer was queued twice")
        let tickets = Dictionary(queued.map { (Int($0.0.dropFirst(2)) ?? -1, Int($0.1) ?? -1) }) { a, _ in a }
        for (session, ticket) in answered.tickets {
            #expect(tickets[session] == ticket, "c-\(session)'s ticket \(ticket) is not in the log")
        }
        // Claims: no customer claimed twice; every answered claim logged, by that agent.
        let claims = try database.pairs("SELECT session, agent FROM centre_events WHERE kind = 'claimed'")
        #expect(Set(claims.map(\.0)).count == claims.count, "a customer was claimed twice")
        let claimedBy = Dictionary(claims.map { (Int($0.0.dropFirst(2)) ?? -1, $0.1) }) { a, _ in a }
        for (session, agent) in answered.claims { #expect(claimedBy[session] == agent, "c-\(session)'s claim is lost") }
        #expect(answered.claims.count > 100)
        // Agents' messages: each answered one logged once.
        let said = try database.strings("SELECT event::json ->> 'text' FROM centre_events WHERE kind = 'said'")
        #expect(Set(said).count == said.count, "an agent's message is logged twice")
        #expect(Set(said).isSuperset(of: answered.messages), "an agent's message is lost")
        #expect(Set(said).subtracting(answered.messages).isSubset(of: answered.maybeMessages))
    }
}
