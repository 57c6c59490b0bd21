import Foundation
import Testing
import Usher
import UsherStorage

/// What every ``ConversationStore`` must do, run against each kind of store.
@Suite("ConversationStore conformance")
struct ConversationStoreConformanceTests {
    private func state(_ id: String, at time: Double = 100, slots: [String: String] = [:]) -> SessionState {
        var state = SessionState(id: id, language: "en", now: time)
        state.slots = slots
        state.turns = 3
        state.history = [Turn(text: "hi \(id)", intent: "greeting", confidence: 0.9, replies: ["Hello!"], at: time)]
        state.forms = [FormProgress(intent: "file_claim", pendingSlot: "date", reprompts: 1)]
        return state
    }

    private func commit(_ store: ConversationStore, _ build: (inout StoreChanges) -> Void) throws {
        try store.transact { _ in
            var changes = StoreChanges()
            build(&changes)
            return (changes, ())
        }
    }

    private func read(_ store: ConversationStore, _ ids: [String]) throws -> [String: SessionState] {
        try store.transact { transaction in
            let found = try transaction.sessions(ids)
            var changes = StoreChanges()
            changes.unchanged = Array(found.values)
            return (changes, found)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func savedSessionsAreReadBackWhole(kind: StoreKind) throws {
        let (store, place) = try kind.open()
        defer { withExtendedLifetime(place) {} }
        let a = state("a", slots: ["policy": "PN-123456"])
        try commit(store) { $0.saved = [a, state("b")] }
        let found = try read(store, ["a", "b", "nobody"])
        #expect(found["a"] == a)
        #expect(found["b"] == state("b"))
        #expect(found["nobody"] == nil)
        #expect(try store.sessionCount() == 2)
        // Read and given back unchanged: still there.
        #expect(try read(store, ["a"])["a"] == a)
    }

    @Test(arguments: StoreKind.allCases)
    func removedSessionsAreGone(kind: StoreKind) throws {
        let (store, place) = try kind.open()
        defer { withExtendedLifetime(place) {} }
        try commit(store) { $0.saved = [state("a"), state("b")] }
        try store.transact { transaction in
            _ = try transaction.sessions(["a"])
            var changes = StoreChanges()
            changes.removed = ["a"]
            changes.ends = [SessionEnd(session: "a", at: 200, reason: .reset)]
            return (changes, ())
        }
        #expect(try read(store, ["a", "b"]).keys.sorted() == ["b"])
        #expect(try store.sessionCount() == 1)
        #expect(try store.log().ends == [SessionEnd(session: "a", at: 200, reason: .reset)])
    }

    @Test(arguments: StoreKind.allCases)
    func workThatThrowsKeepsNothing(kind: StoreKind) throws {
        struct Refused: Error {}
        let (store, place) = try kind.open()
        defer { withExtendedLifetime(place) {} }
        let before = state("a")
        try commit(store) { $0.saved = [before] }
        #expect(throws: Refused.self) {
            try store.transact { transaction -> (StoreChanges, Void) in
                var changed = try transaction.sessions(["a"])["a"]!
                changed.slots["x"] = "1"
                _ = changed
                throw Refused()
            }
        }
        #expect(try read(store, ["a"])["a"] == before)
        #expect(try store.log() == ConversationLog())
        #expect(try store.sessionCount() == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func theLogKeepsEveryRecordInOrder(kind: StoreKind) throws {
        let (store, place) = try kind.open()
        defer { withExtendedLifetime(place) {} }
        let turn = TurnRecord(
            at: 10, session: "a", conversationStart: 9, customer: "cust-7", text: "my card is ****",
            intent: "file_claim",
            confidence: 0.8,
            decidedBy: .similarity,
            candidates: [.init(intent: "file_claim", score: 0.8), .init(intent: "x", score: 0.1)],
            similarity: 0.7, filled: ["date": "2026-11-30"], form: "file_claim", formSlot: "policy",
            replies: ["What is your policy number?"], state: "bot",
            formEvents: [
                FormEvent(form: "file_claim", kind: .started, slot: "policy_number"),
                FormEvent(form: "other", kind: .dropped, slot: "x"),
            ], language: "de", botVersion: "0123456789abcdef")
        let handedOff = TurnRecord(
            at: 11, session: "a", text: "a lawyer", intent: nil, confidence: 0, decidedBy: .keyword,
            replies: ["I'm passing you on."], state: "queued", handoff: .keyword("lawyer"), handoffQueue: "general",
            botVersion: "v")
        let patterned = TurnRecord(
            at: 12, session: "b", text: "hours?", intent: "hours", confidence: 1, decidedBy: .pattern, pattern: "hours",
            replies: ["9 to 5"], state: "bot", language: "zh-TW", botVersion: "v")
        let settled = TurnRecord(
            at: 12.5, session: "b", text: "", intent: "order_status", confidence: 1, decidedBy: .action,
            replies: ["It ships Monday."], state: "bot", action: "order_status", actionOutcome: "found",
            botVersion: "v")
        let ticket = Ticket(
            number: 1, session: "a", queue: "general", priority: 2, reason: .keyword("lawyer"), queuedAt: 11)
        let left = Ticket(number: 2, session: "d", queue: "claims", priority: 1, reason: .fallbacks(2), queuedAt: 11.5)
        let events: [CentreEvent] = [
            .queued(ticket), .queued(left), .joined(agent: "sam", queues: ["general"], capacity: 2, at: 12),
            .claimed(agent: "sam", ticket: ticket, at: 13), .said(agent: "sam", session: "a", text: "Hi", at: 14),
            .abandoned(ticket: left, exit: .goodbye, at: 14.5),
            .closed(agent: "sam", session: "a", at: 15, handleSeconds: 2),
        ]
        let ends = [
            SessionEnd(session: "a", at: 15, reason: .closed(agent: "sam")),
            SessionEnd(session: "c", at: 16, reason: .expired),
        ]
        try commit(store) {
            $0.turns = [turn, handedOff]
            $0.events = Array(events.prefix(2))
        }
        try commit(store) {
            $0.turns = [patterned, settled]
            $0.events = Array(events.dropFirst(2))
            $0.ends = ends
        }
        let log = try store.log()
        #expect(log.turns == [turn, handedOff, patterned, settled])
        // Figures read a summary of each turn, which keeps which action a turn settled, and how.
        var summarised: [TurnRecord] = []
        try (store as? LogReader)?.scanLog(from: nil, to: nil, detail: .summary) {
            if case .turn(let turn) = $0 { summarised.append(turn) }
        }
        #expect(summarised.map(\.action) == [nil, nil, nil, "order_status"])
        #expect(summarised.map(\.actionOutcome) == [nil, nil, nil, "found"])
        // And the session's language, for figures per language.
        #expect(summarised.map(\.language) == ["de", nil, "zh-TW", nil])
        #expect(log.events == events)
        #expect(log.ends == ends)
    }

    /// A period's scan hands on its conversations whole, by when each began: what they did
    /// after the period's end (a handoff at 00:10, a claim, an agent leaving, the close) comes
    /// too, and a conversation that began before the period does not, not even its records in
    /// it. Cut at two midnights, the log falls into three parts with nothing left over.
    @Test(arguments: StoreKind.allCases)
    func aPeriodsScanHasItsConversationsWhole(kind: StoreKind) throws {
        let (store, place) = try kind.open()
        defer { withExtendedLifetime(place) {} }
        let midnight = 1_796_083_200.0
        let from = midnight - 86_400
        func turn(
            _ session: String, _ at: Double, began start: Double, customer: String? = nil,
            decidedBy: TurnRecord.Decision = .pattern
        ) -> TurnRecord {
            TurnRecord(
                at: at, session: session, conversationStart: start, customer: customer, text: "t",
                intent: decidedBy == .pattern ? "hi" : nil, confidence: 1, decidedBy: decidedBy, replies: ["ok"],
                state: "bot", botVersion: "v")
        }
        func ticket(_ session: String, _ at: Double) -> Ticket {
            Ticket(number: 1, session: session, queue: "general", priority: 1, reason: .keyword("lawyer"), queuedAt: at)
        }
        let late = ticket("late", midnight + 600)
        let reused = ticket("reused", midnight + 100)
        try commit(store) {
            $0.turns = [
                turn("old", from - 300, began: from - 300, customer: "cust-1"),
                turn("old", from + 60, began: from - 300), turn("early", from + 1_000, began: from + 1_000),
                turn("reused", midnight - 3_000, began: midnight - 3_000),
                turn("late", midnight - 600, began: midnight - 600, customer: "cust-1"),
                turn("reused", midnight + 100, began: midnight + 100),
                turn("late", midnight + 600, began: midnight - 600, decidedBy: .keyword),
                turn("late", midnight + 700, began: midnight - 600, decidedBy: .fallback),
            ]
            $0.events = [
                .queued(ticket("old", from + 60)), .forgotten(session: "old", at: from + 100),
                .joined(agent: "sam", queues: ["general"], capacity: 2, at: midnight - 5_000),
                .queued(reused), .claimed(agent: "kim", ticket: reused, at: midnight + 200), .queued(late),
                .claimed(agent: "kim", ticket: late, at: midnight + 900),
                .left(agent: "kim", requeued: [late, reused], at: midnight + 1_000),
                .claimed(agent: "sam", ticket: late, at: midnight + 1_100),
                .said(agent: "sam", session: "late", text: "Hi", at: midnight + 1_150),
                .closed(agent: "sam", session: "late", at: midnight + 1_200, handleSeconds: 100),
            ]
            $0.ends = [
                SessionEnd(session: "old", at: from + 100, reason: .reset),
                SessionEnd(session: "early", at: from + 5_000, reason: .expired),
                SessionEnd(session: "reused", at: midnight - 2_000, reason: .reset),
                SessionEnd(session: "late", at: midnight + 1_200, reason: .closed(agent: "sam")),
            ]
        }
        func scan(_ from: Double?, _ to: Double?, _ detail: LogDetail = .summary) throws -> [String] {
            var seen: [String] = []
            try (store as? LogReader)?.scanLog(from: from, to: to, detail: detail) { record in
                let at = Int(record.at - midnight)
                switch record {
                case .turn(let turn): seen.append("turn \(turn.session) \(at)")
                case .event(.left(let agent, let requeued, _)):
                    seen.append("left \(agent) \(requeued.map(\.session)) \(at)")
                case .event(let event): seen.append("\(event.kind) \(event.session ?? event.agent ?? "") \(at)")
                case .end(let end): seen.append("\(end.reason.code) \(end.session) \(at)")
                case .earlierContact(let customer, _): seen.append("earlier \(customer) \(at)")
                case .damaged(let row): seen.append("damaged \(row)")
                }
            }
            return seen
        }
        #expect(
            try scan(nil, from) == [
                "turn old -86700", "turn old -86340", "queued old -86340", "forgotten old -86300", "reset old -86300",
            ])
        #expect(
            try scan(from, midnight) == [
                "earlier cust-1 -86700", "turn early -85400", "expired early -81400", "joined sam -5000",
                "turn reused -3000", "reset reused -2000", "turn late -600", "turn late 600", "queued late 600",
                "turn late 700", "claimed late 900", #"left kim ["late"] 1000"#, "claimed late 1100", "said late 1150",
                "closed late 1200", "closed late 1200",
            ])
        #expect(
            try scan(midnight, nil) == [
                "earlier cust-1 -600", "turn reused 100", "queued reused 100", "claimed reused 200",
                #"left kim ["reused"] 1000"#,
            ])
        // The messages the bot did not understand go by the same rule.
        #expect(try scan(from, midnight, .unmatched(below: 0.6)).filter { $0.hasPrefix("turn") } == ["turn late 700"])
        #expect(try scan(midnight, nil, .unmatched(below: 0.6)).filter { $0.hasPrefix("turn") }.isEmpty)
        // Uncut, everything once.
        #expect(try scan(nil, nil).count == 8 + 11 + 4)
    }

    @Test(arguments: StoreKind.allCases)
    func idleSessionsAreTheOldestBeforeTheCutoff(kind: StoreKind) throws {
        let (store, place) = try kind.open()
        defer { withExtendedLifetime(place) {} }
        try commit(store) { $0.saved = (0..<10).map { state("s\($0)", at: Double($0) * 100) } }
        #expect(try Set(store.idleSessions(before: 450, limit: 100)) == ["s0", "s1", "s2", "s3", "s4"])
        #expect(try store.idleSessions(before: 450, limit: 2).count == 2)
        #expect(try store.idleSessions(before: 0, limit: 100).isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func eachTransactionHearsOfEventsOnlyOnce(kind: StoreKind) throws {
        let (store, place) = try kind.open()
        defer { withExtendedLifetime(place) {} }
        let event = CentreEvent.joined(agent: "sam", queues: ["general"], capacity: 1, at: 1)
        try commit(store) { $0.events = [event] }
        let heard = try store.transact { transaction in (StoreChanges(), transaction.newEvents) }
        // Its own events are not news to the store that committed them.
        #expect(heard.isEmpty)
    }

    @Test(arguments: StoreKind.allCases.filter(\.persists))
    func aReopenedStoreHasEverythingCommitted(kind: StoreKind) throws {
        let (store, place) = try kind.open()
        let a = state("a", slots: ["policy": "PN-1"])
        let event = CentreEvent.joined(agent: "sam", queues: ["general"], capacity: 1, at: 1)
        try commit(store) {
            $0.saved = [a]
            $0.events = [event]
            $0.ends = [SessionEnd(session: "z", at: 1, reason: .expired)]
        }
        let again = try kind.reopen(place)
        let (events, found) = try again.transact { transaction in
            (StoreChanges(), (transaction.newEvents, try transaction.sessions(["a"])))
        }
        #expect(events == [event])
        #expect(found["a"] == a)
        #expect(try again.log() == store.log())
    }

    /// Two stores on one place act as two processes: each hears of the other's events once, and
    /// reads the sessions the other wrote, never a stale copy of its own.
    @Test(arguments: StoreKind.allCases.filter(\.persists))
    func twoWritersSeeEachOthersCommits(kind: StoreKind) throws {
        let (first, place) = try kind.open()
        let second = try kind.reopen(place)
        _ = try read(first, ["a"])
        _ = try read(second, ["a"])
        try commit(first) {
            $0.saved = [state("a", slots: ["n": "1"])]
            $0.events = [.joined(agent: "one", queues: ["general"], capacity: 1, at: 1)]
        }
        let (heard, seen) = try second.transact { transaction in
            let found = try transaction.sessions(["a"])
            var changes = StoreChanges()
            var changed = found["a"]!
            changed.slots["n"] = "2"
            changes.saved = [changed]
            changes.events = [.joined(agent: "two", queues: ["general"], capacity: 1, at: 2)]
            return (changes, (transaction.newEvents.compactMap(\.agent), found["a"]?.slots["n"]))
        }
        #expect(heard == ["one"])
        #expect(seen == "1")
        let (back, final) = try first.transact { transaction in
            let found = try transaction.sessions(["a"])
            var changes = StoreChanges()
            changes.unchanged = Array(found.values)
            return (changes, (transaction.newEvents.compactMap(\.agent), found["a"]?.slots["n"]))
        }
        #expect(back == ["two"])
        #expect(final == "2")
    }

    /// A customer who leaves the queue in one process is gone in every other sharing the store,
    /// and the customers behind them move up there too (the `abandoned` event is stored like the
    /// others, and replayed).
    @Test(arguments: StoreKind.allCases.filter(\.persists))
    func aCustomerWhoLeavesIsGoneForEveryProcess(kind: StoreKind) throws {
        let (store, place) = try kind.open()
        let engine = try DialogEngine(bot: BotLoader.load(path: ConversationServerFaultTests.bot))
        let one = ConversationServer(engine: engine, store: store)
        let two = ConversationServer(engine: engine, store: try kind.reopen(place))
        let now = 1_795_428_000.0
        for (offset, session) in ["a", "b", "c"].enumerated() {
            _ = try one.converse(
                CustomerMessage(session: session, text: "I want to talk to a human"), now: now + Double(offset))
        }
        try two.catchUp(now: now + 3)
        #expect(two.contactCentre.position(of: "c", now: now + 3) == 3)
        _ = try one.converse(CustomerMessage(session: "a", text: "bye"), now: now + 10)
        _ = try two.perform(.leaveQueue(session: "b"), now: now + 11)
        try one.catchUp(now: now + 12)
        try two.catchUp(now: now + 12)
        for server in [one, two] {
            #expect(server.contactCentre.waiting.map(\.session) == ["c"])
            #expect(server.contactCentre.position(of: "c", now: now + 12) == 1)
        }
        let exits = try store.log().events.compactMap { event -> String? in
            if case .abandoned(let ticket, let exit, _) = event { "\(ticket.session) \(exit.rawValue)" } else { nil }
        }
        #expect(exits == ["a goodbye", "b request"])
    }

    /// A row damaged behind Usher's back (the new-user trial: `update turns set
    /// handoff='{broken' where seq=13`) says where it is: the store, the table, the row and the
    /// column. A scan for figures hands it on and goes on; the whole log refuses; and a
    /// contact-centre event, which the centre is rebuilt from, refuses the store.
    @Test(arguments: StoreKind.allCases.filter(\.persists))
    func aDamagedRowSaysWhereItIs(kind: StoreKind) throws {
        let (store, place) = try kind.open()
        defer { withExtendedLifetime(place) {} }
        let ticket = Ticket(
            number: 1, session: "b", queue: "general", priority: 1, reason: .keyword("lawyer"), queuedAt: 2)
        try commit(store) {
            $0.turns = [
                TurnRecord(
                    at: 1, session: "a", text: "hi", intent: "hi", confidence: 1, decidedBy: .pattern,
                    replies: ["Hello!"], state: "bot", botVersion: "v"),
                TurnRecord(
                    at: 2, session: "b", text: "a lawyer", intent: nil, confidence: 0, decidedBy: .keyword,
                    replies: ["I'm passing you on."], state: "queued", handoff: .keyword("lawyer"),
                    handoffQueue: "general", botVersion: "v"),
            ]
            $0.events = [.queued(ticket)]
            $0.ends = [SessionEnd(session: "a", at: 3, reason: .expired)]
        }
        try kind.tamper(place, "UPDATE turns SET handoff = '{broken' WHERE seq = 2")
        try kind.tamper(place, "UPDATE session_ends SET reason = 'eaten' WHERE seq = 1")
        let name = try kind.name(place)
        var records: [LogRecord] = []
        try (store as? LogReader)?.scanLog(from: nil, to: nil, detail: .summary) { records.append($0) }
        #expect(
            records.compactMap { if case .damaged(let row) = $0 { row.description } else { nil } } == [
                #"\#(name): table turns, row seq 2, column handoff: not valid JSON: "{broken""#,
                #"\#(name): table session_ends, row seq 1, column reason: unknown value "eaten""#,
            ])
        #expect(records.count == 4)
        #expect(
            throws: StoreError(
                .unusable, #"\#(name): table turns, row seq 2, column handoff: not valid JSON: "{broken""#)
        ) {
            try store.log()
        }
        try kind.tamper(place, "UPDATE centre_events SET event = '{\"queued\": 7}' WHERE seq = 1")
        let error = #expect(throws: StoreError.self) {
            try kind.reopen(place).transact { _ in (StoreChanges(), ()) }
        }
        #expect(
            error?.message.hasPrefix(#"\#(name): table centre_events, row seq 1, column event: "#) == true,
            "\(String(describing: error))")
        #expect(
            error?.message.contains(
                #"so the store cannot be used until the row is repaired or deleted (docs/storage.md, "A damaged row")"#)
                == true, "\(String(describing: error))")
    }
}
