import Testing

@testable import Usher

/// Figures for a period (`usher stats --since/--until`): a conversation counts whole, in the
/// period its first turn fell in. The log is made by the real server (engine, contact centre,
/// expiry sweep) on the in-memory store, at moments the tests choose, and read back through the
/// store's scan, as `usher stats` reads it.
@Suite("StatsBuilder periods")
struct StatsBuilderPeriodTests {
    /// 2026-11-24 00:00 UTC, the midnight after ``mondayMorning``.
    static let midnight = mondayMorning + 14 * 3_600
    static let day = 86_400.0
    /// The claims bot, its sessions living an hour, so that 23:50 and 00:10 are one conversation.
    static let engine = try! DialogEngine(
        bot: try! BotLoader.load(sources: [
            BotLoader.Source(
                name: "claims.json",
                bytes: Array(claimBotJSON.replacing(#""session_ttl": 600"#, with: #""session_ttl": 3600"#).utf8))
        ]))

    /// A server on a fresh in-memory store, and the store.
    private static func desk() -> (ConversationServer, InMemoryConversationStore) {
        let store = InMemoryConversationStore(logLimit: 100_000)
        return (ConversationServer(engine: engine, store: store), store)
    }

    private static func say(
        _ server: ConversationServer, _ session: String, _ text: String, at: Double, customer: String? = nil
    ) throws {
        let metadata = customer.map { ["customer": $0] } ?? [:]
        _ = try server.converse(CustomerMessage(session: session, text: text, metadata: metadata), now: at)
    }

    static func report(_ store: InMemoryConversationStore, from: Double?, to: Double?) throws -> ConversationStats {
        var builder = StatsBuilder()
        try store.scanLog(from: from, to: to, detail: .summary) { builder.add($0) }
        return builder.report()
    }

    /// The new-user trial: a conversation from 23:50, handed to a person at 00:10, was contained
    /// in one day's report and escalated in the next, three conversations where there were two.
    @Test func aConversationAcrossMidnightIsTheFirstDaysWhole() throws {
        let (server, store) = Self.desk()
        try Self.say(server, "late", "hello", at: Self.midnight - 600)
        try Self.say(server, "late", "human please", at: Self.midnight + 600)
        try Self.say(server, "early", "when are you open", at: Self.midnight - 3_000)
        let first = try Self.report(store, from: Self.midnight - Self.day, to: Self.midnight)
        #expect(first.summary.conversations == 2)
        #expect(first.summary.escalated == 1)
        #expect(first.summary.contained == 1)
        #expect(first.summary.turns == 3)
        #expect(first.escalationReasons == ["intent": 1])
        let second = try Self.report(store, from: Self.midnight, to: Self.midnight + Self.day)
        #expect(second.summary.conversations == 0)
        #expect(second.summary.turns == 0)
        #expect(second.escalationReasons.isEmpty)
        #expect(second.queues.map(\.queued).reduce(0, +) == 0)
    }

    /// A customer queued at 23:58 and claimed at 00:05 waited seven minutes, in the first day's
    /// figures, with the agent's handle time after it; the second day has none of it.
    @Test func aQueueWaitAcrossMidnightIsWhole() throws {
        let (server, store) = Self.desk()
        _ = try server.perform(.join(agent: "ann", queues: ["general"], capacity: 1), now: Self.midnight - 3_600)
        try Self.say(server, "waiting", "human please", at: Self.midnight - 120)
        _ = try server.perform(.claim(agent: "ann", session: "waiting"), now: Self.midnight + 300)
        _ = try server.perform(.release(agent: "ann", session: "waiting"), now: Self.midnight + 1_500)
        let first = try Self.report(store, from: Self.midnight - Self.day, to: Self.midnight)
        let general = try #require(first.queues.first { $0.queue == "general" })
        #expect(general.wait == Distribution([420]))
        #expect(general.handle == Distribution([1_200]))
        #expect(first.agents.map(\.claimed) == [1])
        let second = try Self.report(store, from: Self.midnight, to: nil)
        #expect(second.queues.allSatisfy { $0.wait.count == 0 && $0.handle.count == 0 })
        #expect(second.agents.allSatisfy { $0.claimed == 0 && $0.handle.count == 0 })
    }

    /// A conversation that began before `--since` is not counted at all, not even what it did in
    /// the period: its turns, its handoff, its wait and the agent's claim.
    @Test func aConversationFromBeforeTheStartIsNotCounted() throws {
        let (server, store) = Self.desk()
        _ = try server.perform(.join(agent: "ann", queues: ["general"], capacity: 1), now: Self.midnight - 3_600)
        try Self.say(server, "old", "hello", at: Self.midnight - 1_200)
        try Self.say(server, "old", "human please", at: Self.midnight + 600)
        _ = try server.perform(.claim(agent: "ann", session: "old"), now: Self.midnight + 1_200)
        _ = try server.perform(.close(agent: "ann", session: "old"), now: Self.midnight + 1_800)
        try Self.say(server, "new", "hello", at: Self.midnight + 2_000)
        let second = try Self.report(store, from: Self.midnight, to: nil)
        #expect(second.summary.conversations == 1)
        #expect(second.summary.turns == 1)
        #expect(second.summary.escalated == 0)
        #expect(second.queues.allSatisfy { $0.queued == 0 && $0.wait.count == 0 && $0.handle.count == 0 })
        #expect(second.agents.allSatisfy { $0.claimed == 0 })
        // The session's conversation after its close is a new one, of the second day.
        #expect(second.days.map(\.date) == ["2026-11-24"])
    }

    /// A customer back within a day, across `--since`: a repeat in the period, though the first
    /// contact is not counted in it.
    @Test func aRepeatContactWhoseFirstIsBeforeThePeriod() throws {
        let (server, store) = Self.desk()
        try Self.say(server, "a", "cancel my order", at: Self.midnight - 4 * 3_600, customer: "cust-1")
        try Self.say(server, "b", "cancel my order", at: Self.midnight + 8 * 3_600, customer: "cust-1")
        try Self.say(server, "c", "hello", at: Self.midnight + 9 * 3_600, customer: "cust-2")
        let second = try Self.report(store, from: Self.midnight, to: nil)
        #expect(second.repeatContacts.identified == 2)
        #expect(second.repeatContacts.repeats == 1)
        #expect(second.repeatContacts.intents == [ConversationStats.Tally(name: "cancel_order", count: 1)])
        let first = try Self.report(store, from: nil, to: Self.midnight)
        #expect(first.repeatContacts.identified == 1 && first.repeatContacts.repeats == 0)
    }

    /// Consecutive periods add up to the whole log: three days of scripted traffic (agents
    /// joining, handoffs, claims, transfers, closes, resets, expiries) around two midnights, cut at
    /// both, count what the uncut report counts.
    @Test func consecutivePeriodsAddUpToTheWhole() throws {
        let (server, store) = Self.desk()
        var random = SeededRandom(seed: 7)
        var actions: [(at: Double, act: (ConversationServer) throws -> Void)] = []
        let start = Self.midnight - Self.day + 20 * 3_600
        _ = try server.perform(.join(agent: "ann", queues: ["general", "claims"], capacity: 3), now: start - 1)
        _ = try server.perform(.join(agent: "bob", queues: ["general"], capacity: 2), now: start - 1)
        let texts = ["hello", "when are you open", "I want to file a claim", "PN-123456", "blorp", "human please"]
        for index in 0..<120 {
            let session = "s\(index % 40)"
            var at = start + Double(random.next(below: 36 * 3_600))
            let customer = "cust-\(random.next(below: 15))"
            for _ in 0..<(1 + random.next(below: 4)) {
                let (text, when) = (texts[random.next(below: texts.count)], at)
                actions.append((when, { try Self.say($0, session, text, at: when, customer: customer) }))
                at += Double(60 + random.next(below: 1_200))
            }
            let agent = random.next(below: 2) == 0 ? "ann" : "bob"
            let after = at
            switch random.next(below: 5) {
            case 0: actions.append((after, { try $0.reset(session: session, now: after) }))
            case 1: actions.append((after, { _ = try? $0.perform(.claim(agent: agent, session: session), now: after) }))
            case 2:
                actions.append((after, { _ = try? $0.perform(.claim(agent: agent, session: session), now: after) }))
                actions.append(
                    (after + 900, { _ = try? $0.perform(.close(agent: agent, session: session), now: after + 900) }))
            case 3:
                actions.append((after, { _ = try? $0.perform(.claim(agent: agent, session: session), now: after) }))
                actions.append(
                    (after + 600, { _ = try? $0.perform(.release(agent: agent, session: session), now: after + 600) }))
            default: break
            }
        }
        for action in actions.sorted(by: { $0.at < $1.at }) { try action.act(server) }
        try server.catchUp(now: start + 4 * Self.day)

        let whole = try Self.report(store, from: nil, to: nil)
        let cuts = [nil, Self.midnight, Self.midnight + Self.day, nil]
        let parts = try (0..<3).map { try Self.report(store, from: cuts[$0], to: cuts[$0 + 1]) }
        #expect(whole.summary.conversations > 100 && whole.summary.escalated > 10)
        #expect(parts.allSatisfy { $0.summary.conversations > 0 })
        func total(_ figure: (ConversationStats) -> Int) -> Int { parts.map(figure).reduce(0, +) }
        #expect(total(\.summary.conversations) == whole.summary.conversations)
        #expect(total(\.summary.contained) == whole.summary.contained)
        #expect(total(\.summary.escalated) == whole.summary.escalated)
        #expect(total(\.summary.abandoned) == whole.summary.abandoned)
        #expect(total(\.summary.turns) == whole.summary.turns)
        let waits = { (stats: ConversationStats) in stats.queues.map(\.wait.count).reduce(0, +) }
        let handles = { (stats: ConversationStats) in stats.agents.map(\.handle.count).reduce(0, +) }
        let claims = { (stats: ConversationStats) in stats.agents.map(\.claimed).reduce(0, +) }
        #expect(whole.agents.map(\.claimed).reduce(0, +) > 5)
        #expect(total(waits) == waits(whole))
        #expect(total(handles) == handles(whole))
        #expect(total(claims) == claims(whole))
        #expect(total(\.repeatContacts.identified) == whole.repeatContacts.identified)
        #expect(total(\.repeatContacts.repeats) == whole.repeatContacts.repeats)
    }
}
