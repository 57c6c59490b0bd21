import Testing

@testable import Usher

/// `usher stats` said "abandonment 0 %" while customers walked away from the queue (new-user
/// trial), and its waits counted only customers an agent took: now it counts who left before an
/// agent took them, how, after how long, and who still waits.
@Suite("StatsBuilder: queue abandonment")
struct QueueAbandonmentStatsTests {
    private static func ticket(_ number: Int, _ session: String, queue: String = "general", at: Double) -> Ticket {
        Ticket(
            number: number, session: session, queue: queue, priority: 1, reason: .intent("talk_to_human"), queuedAt: at)
    }

    private static func asked(_ session: String, at: Double) -> LogRecord {
        .turn(
            TurnRecord(
                at: at, session: session, conversationStart: at, text: "", intent: "talk_to_human", confidence: 1,
                decidedBy: .pattern, replies: [], state: "queued", botVersion: "v"))
    }

    /// Eight customers wait: one says goodbye after 30 s, one asks to stop after 60 s, the
    /// gateway reports one gone after 90 s (`queue.leave`), one is dropped silent after an hour,
    /// one is reset after 120 s; two are taken by an agent, one still waits at the end of the
    /// log.
    static let records: [LogRecord] = {
        let tickets = (1...8).map { ticket($0, "c\($0)", queue: $0 == 8 ? "claims" : "general", at: Double($0)) }
        var records = tickets.map { asked($0.session, at: $0.queuedAt) }
        records += tickets.map { LogRecord.event(.queued($0)) }
        records += [
            .event(.abandoned(ticket: tickets[0], exit: .goodbye, at: 31)),
            .event(.abandoned(ticket: tickets[1], exit: .asked, at: 62)),
            .event(.abandoned(ticket: tickets[2], exit: .request, at: 93)),
            .event(.joined(agent: "sam", queues: ["general"], capacity: 2, at: 100)),
            .event(.claimed(agent: "sam", ticket: tickets[5], at: 106)),
            .event(.claimed(agent: "sam", ticket: tickets[6], at: 117)),
            .event(.forgotten(session: "c5", at: 125)),
            .end(SessionEnd(session: "c5", at: 125, reason: .reset)),
            .event(.abandoned(ticket: tickets[3], exit: .idle, at: 3_604)),
            .end(SessionEnd(session: "c4", at: 3_604, reason: .expired)),
        ]
        return records.sorted { $0.at < $1.at }
    }()

    static func report(_ records: [LogRecord]) -> ConversationStats {
        var builder = StatsBuilder()
        for record in records { builder.add(record) }
        return builder.report()
    }

    @Test func whoLeftHowAndAfterHowLong() throws {
        let stats = Self.report(Self.records)
        let all = stats.queueAbandonment
        #expect(all.ways == ["goodbye": 1, "asked": 1, "request": 1, "idle": 1, "reset": 1])
        #expect(all.abandoned == 5)
        #expect(all.taken == 2)
        #expect(all.rate == 5.0 / 7.0)
        #expect(all.time == Distribution([30, 60, 90, 3_600, 120]))
        #expect(all.time.p50 == 90 && all.time.p90 == 3_600)
        #expect(all.stillWaiting == 1)
        let general = try #require(stats.queues.first { $0.queue == "general" })
        #expect(general.abandonment.abandoned == 5 && general.abandonment.stillWaiting == 0)
        let claims = try #require(stats.queues.first { $0.queue == "claims" })
        #expect(claims.abandonment.abandoned == 0 && claims.abandonment.taken == 0)
        #expect(claims.abandonment.stillWaiting == 1)
        // The waits of customers an agent took are as they were.
        #expect(general.wait == Distribution([100, 110]))
        // Conversations: each customer who left is an abandoned conversation, in a queue.
        #expect(stats.abandonedInQueue == 5)
        #expect(stats.summary.abandoned == 5)
    }

    /// A period that starts after a customer began waiting still knows how long they waited:
    /// the event carries the ticket.
    @Test func aPeriodThatStartsMidWaitStillTimesTheAbandon() {
        let stats = Self.report(Self.records.filter { $0.at >= 31 })
        #expect(stats.queueAbandonment.ways["goodbye"] == 1)
        #expect(stats.queueAbandonment.time.count == 4)
        #expect(stats.queueAbandonment.time.max == 3_600)
    }

    /// A period that ends while customers wait counts them as still waiting, not as gone.
    @Test func aPeriodThatEndsMidWaitCountsThemStillWaiting() {
        let stats = Self.report(Self.records.filter { $0.at < 50 })
        #expect(stats.queueAbandonment.abandoned == 1)
        #expect(stats.queueAbandonment.stillWaiting == 7)
        #expect(stats.queueAbandonment.rate == 1)
    }
}
