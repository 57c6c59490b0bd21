import Testing

@testable import Usher

/// A waiting customer who leaves (a goodbye, a wish to stop waiting, the gateway's
/// `queue.leave`, silence past the limit) used to stay queued forever: now the centre takes
/// their ticket out as an event, and everyone behind them moves up.
@Suite("ContactCentre: leaving the queue")
struct ContactCentreAbandonTests {
    /// "a", "b" and "c" wait in general, in that order; "d" waits in claims.
    func centre() throws -> ContactCentre {
        var centre = ContactCentre(queues: ["general", "claims"], agingSeconds: 100)
        for (offset, session) in ["a", "b", "c"].enumerated() {
            try centre.enqueue(
                session: session, queue: "general", priority: 1, reason: .intent("talk_to_human"),
                now: Double(offset * 10))
        }
        try centre.enqueue(session: "d", queue: "claims", priority: 1, reason: .intent("file_claim"), now: 5)
        return centre
    }

    @Test(arguments: QueueExit.allCases)
    func theCustomerLeavesAndThoseBehindMoveUp(exit: QueueExit) throws {
        var centre = try centre()
        let before = centre
        let (ticket, events) = try centre.abandon(session: "a", exit: exit, now: 70)
        #expect(ticket.session == "a" && ticket.number == 1 && ticket.queuedAt == 0)
        #expect(events == [.abandoned(ticket: ticket, exit: exit, at: 70)])
        #expect(centre.status(of: "a") == nil)
        #expect(centre.position(of: "b", now: 70) == 1)
        #expect(centre.position(of: "c", now: 70) == 2)
        #expect(centre.position(of: "d", now: 70) == 1)
        #expect(centre.waitingCount == 3)
        // Another process sharing the store sees the same centre from the event alone.
        var other = before
        for event in events { other.apply(event) }
        #expect(other == centre)
        // The next ticket is still numbered after every one seen.
        #expect(
            try centre.enqueue(session: "a", queue: "general", priority: 1, reason: .fallbacks(2), now: 80)
                .ticket.number == 5)
        #expect(centre.position(of: "a", now: 80) == 3)
    }

    @Test func onlyAWaitingCustomerCanLeave() throws {
        var centre = try centre()
        try centre.join(agent: "sam", queues: ["general"], capacity: 1, now: 20)
        try centre.claim(agent: "sam", session: "a", now: 30)
        let untouched = centre
        for session in ["a", "nobody"] {
            #expect {
                try centre.abandon(session: session, exit: .request, now: 40)
            } throws: { error in
                (error as? HandoffError)
                    == HandoffError(code: "not_queued", message: "session \"\(session)\" is not waiting in a queue")
            }
        }
        #expect(centre == untouched)
        #expect(centre.status(of: "a") == .agent("sam", centre.held["a"]!.ticket))
    }

    /// A log written by several processes may hold a leave for a ticket that no longer waits:
    /// claimed meanwhile, or left and queued again with a new ticket. It changes nothing.
    @Test func aStaleLeaveChangesNothing() throws {
        var centre = try centre()
        let first = centre.waiting.first { $0.session == "a" }!
        try centre.abandon(session: "a", exit: .goodbye, now: 40)
        let again = try centre.enqueue(session: "a", queue: "general", priority: 1, reason: .fallbacks(2), now: 50)
            .ticket
        let settled = centre
        centre.apply(.abandoned(ticket: first, exit: .idle, at: 60))
        #expect(centre == settled)
        #expect(centre.status(of: "a") == .queued(again))
        try centre.join(agent: "sam", queues: ["general"], capacity: 3, now: 60)
        try centre.claim(agent: "sam", session: "b", now: 61)
        let held = centre
        centre.apply(.abandoned(ticket: centre.held["b"]!.ticket, exit: .idle, at: 62))
        #expect(centre == held)
    }

    /// A transferred customer who leaves takes the transfer's note with them: the next ticket
    /// of that session is not announced to an agent as someone else's transfer.
    @Test func aTransferredCustomerWhoLeavesForgetsTheTransfer() throws {
        var centre = try centre()
        try centre.join(agent: "sam", queues: ["general"], capacity: 1, now: 20)
        try centre.claim(agent: "sam", session: "a", now: 30)
        try centre.transfer(agent: "sam", session: "a", to: "claims", now: 40)
        #expect(centre.transfers["a"] != nil)
        try centre.abandon(session: "a", exit: .asked, now: 50)
        #expect(centre.transfers["a"] == nil)
        #expect(centre.position(of: "d", now: 50) == 1)
    }
}
