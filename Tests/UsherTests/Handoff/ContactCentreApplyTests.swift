import Testing

@testable import Usher

private func ticket(_ number: Int, _ session: String, queue: String = "general", at: Double = 0) -> Ticket {
    Ticket(number: number, session: session, queue: queue, priority: 1, reason: .fallbacks(2), queuedAt: at)
}

@Suite("ContactCentre events")
struct ContactCentreApplyTests {
    @Test func operationsReturnTheEventsTheyApplied() throws {
        var centre = ContactCentre(queues: ["general", "claims"])
        let (queued, enqueued) = try centre.enqueue(
            session: "a", queue: "general", priority: 1, reason: .fallbacks(2), now: 0)
        #expect(queued == ticket(1, "a"))
        #expect(enqueued == [.queued(queued)])
        let again = try centre.enqueue(session: "a", queue: "claims", priority: 5, reason: .keyword("x"), now: 1)
        #expect(again.ticket == queued && again.events.isEmpty)
        #expect(
            try centre.join(agent: "alice", queues: ["general"], capacity: 2, now: 2) == [
                .joined(agent: "alice", queues: ["general"], capacity: 2, at: 2)
            ])
        #expect(
            try centre.claim(agent: "alice", session: nil, now: 30).events == [
                .claimed(agent: "alice", ticket: queued, at: 30)
            ])
        #expect(
            try centre.say(agent: "alice", session: "a", text: "Hi", now: 31) == [
                .said(agent: "alice", session: "a", text: "Hi", at: 31)
            ])
        let moved = try centre.transfer(agent: "alice", session: "a", to: "claims", now: 40)
        #expect(moved.ticket == ticket(2, "a", queue: "claims", at: 40))
        #expect(moved.events == [.transferred(agent: "alice", from: queued, to: moved.ticket, at: 40)])
        #expect(centre.estimatedWait(queue: "general", position: 3) == 5)  // held 10 s; 1 beyond the room, 2 seats

        try centre.join(agent: "bob", queues: ["claims"], capacity: 2, now: 41)
        _ = try centre.claim(agent: "bob", session: "a", now: 50)
        var bumped = moved.ticket
        bumped.priority += 1_000
        #expect(try centre.leave(agent: "bob", now: 60).events == [.left(agent: "bob", requeued: [bumped], at: 60)])
        #expect(centre.order(of: "claims", now: 60) == [bumped])
    }

    @Test func releaseCloseAndForgetRecordWhatTheyEnded() throws {
        var centre = ContactCentre()
        for session in ["a", "b", "c"] {
            try centre.enqueue(session: session, queue: "general", priority: 0, reason: .fallbacks(2), now: 0)
        }
        try centre.join(agent: "alice", queues: ["general"], capacity: 3, now: 0)
        for now in [10.0, 20] { try centre.claim(agent: "alice", session: nil, now: now) }
        #expect(
            try centre.release(agent: "alice", session: "a", now: 70).events == [
                .released(agent: "alice", session: "a", at: 70, handleSeconds: 60)
            ])
        #expect(
            try centre.close(agent: "alice", session: "b", now: 50).events == [
                .closed(agent: "alice", session: "b", at: 50, handleSeconds: 30)
            ])
        #expect(centre.forget(session: "c", now: 80) == [.forgotten(session: "c", at: 80)])
        #expect(centre.forget(session: "c", now: 81) == [])
        #expect(centre.estimatedWait(queue: "general", position: 4) == 15)  // (60 + 30) / 2 s, 3 seats
    }

    /// Agents who closed conversations the moment they took them recorded handle times of 0 s:
    /// a customer behind full seats was told "an agent will be with you shortly".
    @Test func aWaitBeyondTheRoomIsNeverZero() throws {
        var centre = ContactCentre()
        for session in ["a", "b", "c"] {
            try centre.enqueue(session: session, queue: "general", priority: 0, reason: .fallbacks(2), now: 0)
        }
        try centre.join(agent: "alice", queues: ["general"], capacity: 1, now: 0)
        try centre.claim(agent: "alice", session: "a", now: 5)
        try centre.close(agent: "alice", session: "a", now: 5)
        try centre.claim(agent: "alice", session: "b", now: 6)
        #expect(centre.estimatedWait(queue: "general", position: 1) == 1)
        try centre.close(agent: "alice", session: "b", now: 6)
        #expect(centre.estimatedWait(queue: "general", position: 1) == 0)  // room again
    }

    @Test func ticketNumbersComeFromTheLogNotTheProcess() throws {
        var centre = ContactCentre(replaying: [.queued(ticket(41, "a")), .queued(ticket(7, "b"))])
        #expect(
            try centre.enqueue(session: "c", queue: "general", priority: 0, reason: .intent("x"), now: 1).ticket.number
                == 42)
        centre.apply(.transferred(agent: "gone", from: ticket(50, "z"), to: ticket(60, "z"), at: 2))
        #expect(centre.status(of: "z") == nil)
        #expect(
            try centre.enqueue(session: "d", queue: "general", priority: 0, reason: .intent("x"), now: 3).ticket.number
                == 61)
    }

    /// A log written by several processes may hold an event that no longer fits; applying it
    /// never holds a session twice, keeps an absent agent's hold, or loses a waiting customer.
    @Test func eventsThatNoLongerFitChangeAsLittleAsPossible() throws {
        var centre = ContactCentre(queues: ["general"])
        try centre.enqueue(session: "a", queue: "general", priority: 0, reason: .fallbacks(2), now: 0)
        try centre.enqueue(session: "b", queue: "general", priority: 0, reason: .fallbacks(2), now: 0)
        try centre.join(agent: "alice", queues: ["general"], capacity: 1, now: 0)
        try centre.claim(agent: "alice", session: "a", now: 5)
        let before = centre
        let unchanged: [CentreEvent] = [
            .claimed(agent: "bob", ticket: ticket(2, "b"), at: 6),  // the agent is gone
            .claimed(agent: "alice", ticket: ticket(2, "gone"), at: 6),  // the session is gone
            .claimed(agent: "alice", ticket: ticket(1, "a"), at: 6),  // already held
            .released(agent: "bob", session: "a", at: 6, handleSeconds: 1),  // held by someone else
            .closed(agent: "alice", session: "b", at: 6, handleSeconds: 1),  // not held at all
            .transferred(agent: "bob", from: ticket(1, "a"), to: ticket(2, "a"), at: 6),
            .queued(ticket(2, "a")),  // held already
            .queued(ticket(2, "b")),  // waiting already
            .said(agent: "alice", session: "a", text: "hi", at: 6),
            .forgotten(session: "nobody", at: 6),
        ]
        for event in unchanged {
            centre.apply(event)
            #expect(centre == before, "\(event.kind)")
        }

        centre.apply(.queued(ticket(3, "c", queue: "vip")))
        #expect(centre.queueNames == ["general", "vip"])
        #expect(centre.status(of: "c") == .queued(ticket(3, "c", queue: "vip")))

        centre.apply(.joined(agent: "alice", queues: ["vip"], capacity: 2, at: 7))
        #expect(centre.agents["alice"]?.queues == ["vip"] && centre.agents["alice"]?.sessions == ["a"])

        centre.apply(.left(agent: "alice", requeued: [], at: 8))
        #expect(centre.held.isEmpty && centre.agents.isEmpty)
        #expect(centre.status(of: "a") == nil)
    }
}
