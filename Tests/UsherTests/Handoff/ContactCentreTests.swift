import Foundation
import Testing

@testable import Usher

@Suite("ContactCentre")
struct ContactCentreTests {
    func centre() throws -> ContactCentre {
        var centre = ContactCentre(queues: ["general", "claims"], agingSeconds: 100)
        _ = try centre.enqueue(session: "a", queue: "general", priority: 0, reason: .fallbacks(2), now: 0)
        _ = try centre.enqueue(session: "b", queue: "general", priority: 2, reason: .intent("talk_to_human"), now: 10)
        _ = try centre.enqueue(session: "c", queue: "claims", priority: 1, reason: .intent("file_claim"), now: 20)
        try centre.join(agent: "alice", queues: ["general"], capacity: 1, now: 25)
        return centre
    }

    /// 100,000 customers waiting: 5,000 claims, each followed by a waiting customer asking for
    /// their place. Every claim used to sort the whole queue (31 ms each, so minutes here);
    /// with the queue kept in order, each costs O(log n).
    @Test(.timeLimit(.minutes(1))) func aLongQueueKeepsClaimsAndPositionsCheap() throws {
        var centre = ContactCentre(queues: ["general"], agingSeconds: 120)
        for customer in 0..<100_000 {
            try centre.enqueue(
                session: "c\(customer)", queue: "general", priority: customer % 3, reason: .fallbacks(2),
                now: Double(customer) / 10)
        }
        try centre.join(agent: "sam", queues: ["general"], capacity: 5_000, now: 10_000)
        var previous: Ticket?
        for claim in 0..<5_000 {
            let (ticket, _) = try centre.claim(agent: "sam", session: nil, now: 10_000 + Double(claim))
            if let previous { #expect(!centre.before(ticket, previous)) }
            previous = ticket
            // The last to come, with the lowest priority, is last in line whatever was claimed.
            #expect(centre.position(of: "c99999", now: 10_000 + Double(claim)) == centre.waitingCount)
        }
        #expect(centre.waitingCount == 95_000)
        #expect(centre.order(of: "general", now: 0).count == 95_000)
    }

    @Test func higherPriorityFirstThenFIFOAndAgingCatchesUp() throws {
        var centre = try centre()
        _ = try centre.enqueue(session: "d", queue: "general", priority: 0, reason: .intent("x"), now: 30)
        #expect(centre.order(of: "general", now: 40).map(\.session) == ["b", "a", "d"])
        #expect(centre.position(of: "a", now: 40) == 2)
        // At 400 s "d" (priority 0) has waited 370 s and aged to 3, ahead of a fresh priority-2 "e".
        let late = try centre.enqueue(session: "e", queue: "general", priority: 2, reason: .intent("x"), now: 400)
            .ticket
        #expect(centre.order(of: "general", now: 400).map(\.session) == ["b", "a", "d", "e"])
        #expect(
            centre.order(of: "general", now: 400).map { $0.effectivePriority(now: 400, agingSeconds: 100) } == [
                5, 4, 3, 2,
            ])
        #expect(late.number == 5)
    }

    @Test func claimTakesTheBestEligibleAndRecordsHandleTimes() throws {
        var centre = try centre()
        let first = try centre.claim(agent: "alice", session: nil, now: 50).ticket
        #expect(first.session == "b")
        #expect(centre.status(of: "b") == .agent("alice", first))
        #expect(centre.estimatedWait(queue: "general", position: 1) == 180)
        try centre.release(agent: "alice", session: "b", now: 110)
        #expect(centre.estimatedWait(queue: "general", position: 1) == 0)
        #expect(try centre.claim(agent: "alice", session: nil, now: 120).ticket.session == "a")
        #expect(centre.estimatedWait(queue: "general", position: 2) == 120)
    }

    @Test func transferMovesASessionToAnotherQueue() throws {
        var centre = try centre()
        _ = try centre.claim(agent: "alice", session: "a", now: 30)
        let moved = try centre.transfer(agent: "alice", session: "a", to: "claims", now: 40).ticket
        #expect(moved.queue == "claims")
        #expect(centre.order(of: "claims", now: 40).map(\.session) == ["c", "a"])
        #expect(centre.agents["alice"]?.sessions == [])
    }

    /// The next agent is told who passed the customer on and from where, until the handoff ends.
    @Test func aTransferIsRememberedUntilTheHandoffEnds() throws {
        var centre = try centre()
        _ = try centre.claim(agent: "alice", session: "a", now: 30)
        let moved = try centre.transfer(agent: "alice", session: "a", to: "claims", now: 40)
        #expect(centre.transfers["a"] == Transfer(agent: "alice", queue: "general", at: 40))
        #expect(ContactCentre(replaying: [], queues: ["general", "claims"]).transfers.isEmpty)
        try centre.join(agent: "bob", queues: ["claims"], capacity: 2, now: 41)
        _ = try centre.claim(agent: "bob", session: "a", now: 50)
        #expect(centre.transfers["a"]?.agent == "alice", "still known to the agent who took it")
        try centre.release(agent: "bob", session: "a", now: 60)
        #expect(centre.transfers["a"] == nil)
        #expect(moved.ticket.queue == "claims")
    }

    @Test func leavingPutsHeldSessionsBackFirst() throws {
        var centre = try centre()
        _ = try centre.claim(agent: "alice", session: "a", now: 30)
        #expect(try centre.leave(agent: "alice", now: 35).requeued.map(\.session) == ["a"])
        #expect(centre.order(of: "general", now: 30).map(\.session) == ["a", "b"])
        #expect(centre.agents.isEmpty)
    }

    @Test(arguments: [
        ("claim by a stranger", "unknown_agent", "no agent \"bob\" has joined"),
        ("join twice", "agent_exists", "agent \"alice\" has already joined"),
        ("join a missing queue", "unknown_queue", "no queue \"sales\"; the queues are general, claims"),
        ("join with no queues", "invalid_request", "agent \"carol\" must serve at least one queue"),
        ("join with no capacity", "invalid_request", "an agent's capacity must be at least 1"),
        (
            "claim from another queue", "wrong_queue",
            "session \"c\" waits in \"claims\", which agent \"alice\" does not serve"
        ),
        ("claim a session not waiting", "not_queued", "session \"zzz\" is not waiting in a queue"),
        ("claim beyond capacity", "agent_full", "agent \"alice\" already holds 1 conversation, their capacity"),
        ("claim from an empty queue", "queue_empty", "no customer is waiting in the queues agent \"dora\" serves"),
        ("release a session not held", "not_held", "agent \"alice\" does not hold session \"a\""),
        ("transfer to a missing queue", "unknown_queue", "no queue \"nowhere\"; the queues are general, claims"),
        (
            "transfer into its own queue", "same_queue",
            "session \"a\" came from \"general\": transfer it to another queue, or release it to the bot"
        ),
        ("leave as a stranger", "unknown_agent", "no agent \"bob\" has joined"),
        ("enqueue in a missing queue", "unknown_queue", "no queue \"vip\"; the queues are general, claims"),
    ])
    func refusedOperationsChangeNothing(operation: String, code: String, message: String) throws {
        var centre = try centre()
        if operation == "claim beyond capacity" { _ = try centre.claim(agent: "alice", session: nil, now: 1) }
        if operation == "claim from an empty queue" {
            try centre.join(agent: "dora", queues: ["claims"], capacity: 2, now: 1)
            _ = try centre.claim(agent: "dora", session: nil, now: 1)
        }
        let before = centre
        do {
            switch operation {
            case "claim by a stranger": _ = try centre.claim(agent: "bob", session: nil, now: 5)
            case "join twice": try centre.join(agent: "alice", queues: ["general"], capacity: 2, now: 5)
            case "join a missing queue":
                try centre.join(agent: "carol", queues: ["general", "sales"], capacity: 2, now: 5)
            case "join with no queues": try centre.join(agent: "carol", queues: [], capacity: 2, now: 5)
            case "join with no capacity": try centre.join(agent: "carol", queues: ["general"], capacity: 0, now: 5)
            case "claim from another queue": _ = try centre.claim(agent: "alice", session: "c", now: 5)
            case "claim a session not waiting": _ = try centre.claim(agent: "alice", session: "zzz", now: 5)
            case "claim beyond capacity": _ = try centre.claim(agent: "alice", session: nil, now: 5)
            case "claim from an empty queue": _ = try centre.claim(agent: "dora", session: nil, now: 5)
            case "release a session not held": try centre.release(agent: "alice", session: "a", now: 5)
            case "transfer to a missing queue":
                _ = try? centre.claim(agent: "alice", session: "a", now: 5)
                _ = try centre.transfer(agent: "alice", session: "a", to: "nowhere", now: 6)
            case "transfer into its own queue":
                _ = try? centre.claim(agent: "alice", session: "a", now: 5)
                _ = try centre.transfer(agent: "alice", session: "a", to: "general", now: 6)
            case "leave as a stranger": _ = try centre.leave(agent: "bob", now: 5)
            default: _ = try centre.enqueue(session: "x", queue: "vip", priority: 0, reason: .intent("r"), now: 5)
            }
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
            #expect(error.message == message)
            if !operation.hasPrefix("transfer") { #expect(centre == before) }
        }
    }

    /// 1,000 sessions handed off and 20 agents joining, claiming, writing, transferring,
    /// releasing, closing and leaving, and sessions reset, in a seeded random interleaving: no
    /// session is ever held twice or lost, every claim takes the first ticket of the order the
    /// centre reports, and the events the operations return rebuild the centre exactly after
    /// every step.
    @Test func randomInterleavingsKeepEveryInvariant() throws {
        var random = SeededRandom(seed: 4)
        let queues = ["general", "claims", "billing"]
        var centre = ContactCentre(queues: queues, agingSeconds: 60)
        var log: [CentreEvent] = []
        var replayed = ContactCentre(queues: queues, agingSeconds: 60)
        var handedOff = 0
        var finished: Set<String> = []
        var now = 0.0
        for step in 0..<8_000 {
            now += Double(random.next(below: 3))
            var events: [CentreEvent] = []
            switch random.next(below: 10) {
            case 0, 1, 2:
                guard handedOff < 1_000 else { continue }
                events = try centre.enqueue(
                    session: "s\(handedOff)", queue: queues[random.next(below: 3)], priority: random.next(below: 3),
                    reason: .intent("r"), now: now
                ).events
                handedOff += 1
            case 3:
                let agent = "a\(random.next(below: 20))"
                if centre.agents[agent] == nil {
                    events = try centre.join(
                        agent: agent,
                        queues: Array(queues.shuffledDeterministically(&random).prefix(1 + random.next(below: 3))),
                        capacity: 1 + random.next(below: 3), now: now)
                }
            case 4, 5, 6:
                guard let agent = centre.agents.keys.sorted().randomElement(using: &random) else { continue }
                let served = centre.agents[agent]!.queues
                // Priority plus time waited, continuously; then the older ticket.
                let expected = served.flatMap { centre.order(of: $0, now: now) }.sorted {
                    let (a, b) = (Double($0.priority) * 60 - $0.queuedAt, Double($1.priority) * 60 - $1.queuedAt)
                    return a != b ? a > b : $0.number < $1.number
                }.first
                if let (ticket, claimed) = try? centre.claim(agent: agent, session: nil, now: now) {
                    #expect(ticket == expected, "step \(step)")
                    #expect(centre.position(of: ticket.session, now: now) == nil)
                    events = claimed
                }
            case 7, 8:
                guard let (session, holding) = centre.held.sorted(by: { $0.key < $1.key }).randomElement(using: &random)
                else { continue }
                switch random.next(below: 8) {
                case 0, 1:
                    let others = queues.filter { $0 != holding.ticket.queue }
                    events = try centre.transfer(
                        agent: holding.agent, session: session, to: others[random.next(below: others.count)], now: now
                    ).events
                case 2: events = try centre.say(agent: holding.agent, session: session, text: "hello", now: now)
                case 3:
                    events = try centre.close(agent: holding.agent, session: session, now: now).events
                    finished.insert(session)
                default:
                    events = try centre.release(agent: holding.agent, session: session, now: now).events
                    finished.insert(session)
                }
            default:
                if random.next(below: 20) == 0, let agent = centre.agents.keys.sorted().randomElement(using: &random) {
                    events = try centre.leave(agent: agent, now: now).events
                } else if random.next(below: 10) == 0, handedOff > 0 {
                    let session = "s\(random.next(below: handedOff))"
                    events = centre.forget(session: session, now: now)
                    if !events.isEmpty { finished.insert(session) }
                } else if random.next(below: 5) == 0, !centre.waiting.isEmpty {
                    // A waiting customer leaves: a goodbye, a wish, the gateway, silence.
                    let leaving = centre.waiting[random.next(below: centre.waiting.count)]
                    let exit = QueueExit.allCases[random.next(below: QueueExit.allCases.count)]
                    events = try centre.abandon(session: leaving.session, exit: exit, now: now).events
                    finished.insert(leaving.session)
                }
            }
            log += events
            for event in events { replayed.apply(event) }
            #expect(replayed == centre, "step \(step)")
            if step % 1_000 == 999 {
                #expect(ContactCentre(replaying: log, queues: queues, agingSeconds: 60) == centre, "step \(step)")
            }
            let heldByAgents = centre.agents.values.flatMap(\.sessions)
            #expect(Set(heldByAgents).count == heldByAgents.count, "a session held twice at step \(step)")
            #expect(Set(heldByAgents) == Set(centre.held.keys))
            #expect(Set(centre.waiting.map(\.session)).isDisjoint(with: heldByAgents))
            #expect(centre.agents.values.allSatisfy { $0.sessions.count <= $0.capacity })
        }
        let accounted = Set(centre.waiting.map(\.session)).union(centre.held.keys).union(finished)
        #expect(accounted.count == handedOff)
        #expect(handedOff == 1_000)
        #expect(Set(log.map(\.kind)) == Set(CentreEvent.kinds))

        // A process that reads the stored log continues the numbering where the live one would.
        let stored = try JSONEncoder().encode(log)
        var rebuilt = ContactCentre(
            replaying: try JSONDecoder().decode([CentreEvent].self, from: stored), queues: queues, agingSeconds: 60)
        #expect(rebuilt == centre)
        let next = try rebuilt.enqueue(session: "new", queue: "general", priority: 0, reason: .fallbacks(2), now: now)
        let live = try centre.enqueue(session: "new", queue: "general", priority: 0, reason: .fallbacks(2), now: now)
        #expect(next.ticket == live.ticket)
        #expect(next.ticket.number == log.flatMap(\.tickets).map(\.number).max()! + 1)
        #expect(rebuilt == centre)
    }
}

extension SeededRandom: RandomNumberGenerator {}

extension Array {
    func shuffledDeterministically(_ random: inout SeededRandom) -> [Element] {
        var copy = self
        for index in copy.indices.reversed() where index > 0 { copy.swapAt(index, random.next(below: index + 1)) }
        return copy
    }
}

@Suite("ContactCentre forgetting")
struct ContactCentreForgetTests {
    @Test func aResetSessionLeavesQueuesAndAgents() throws {
        var centre = ContactCentre()
        _ = try centre.enqueue(session: "a", queue: "general", priority: 0, reason: .intent("r"), now: 0)
        _ = try centre.enqueue(session: "b", queue: "general", priority: 0, reason: .intent("r"), now: 0)
        try centre.join(agent: "alice", queues: ["general"], capacity: 2, now: 0)
        _ = try centre.claim(agent: "alice", session: "a", now: 1)
        centre.forget(session: "a", now: 2)
        centre.forget(session: "b", now: 2)
        #expect(centre.status(of: "a") == nil && centre.status(of: "b") == nil)
        #expect(centre.agents["alice"]?.sessions == [])
        #expect(centre.waiting.isEmpty)
    }
}
