import Testing

@testable import Usher

/// Customers who walk away from the queue used to stay queued forever (new-user trial): a
/// goodbye, the gateway's `queue.leave` and silence past `queue_idle_seconds` now take them out,
/// as `abandoned` events every process sharing the store replays, and those behind move up.
@Suite("Queue abandonment")
struct QueueAbandonmentTests {
    /// A line for `session` at `now`, answered by `server`.
    private func say(_ server: ConversationServer, _ session: String, _ text: String, at now: Double) throws
        -> DeskTurn
    {
        try server.converse(CustomerMessage(session: session, text: text), now: now)
    }

    private func position(_ turn: DeskTurn) -> Int? {
        if case .queued(let info) = turn.status { info.position } else { nil }
    }

    /// "bye" while waiting, in each served language: out of the queue, told so in that language,
    /// logged as abandoned by goodbye; the customer behind is number 1.
    @Test(arguments: [
        ("en", "I want to talk to a person", "bye", "You have left the queue. Write again if you still need help."),
        (
            "de", "ich möchte mit einem Menschen sprechen", "tschüss",
            "Sie haben die Warteschlange verlassen. Schreiben Sie uns wieder, wenn Sie noch Hilfe brauchen."
        ),
        (
            "ru", "соедините меня с оператором", "пока",
            "Вы вышли из очереди. Напишите снова, если вам ещё нужна помощь."
        ),
        ("zh-TW", "我要找真人客服", "掰掰", "您已離開排隊。如果還需要協助，請再傳訊息給我們。"),
    ])
    func aGoodbyeWhileWaitingLeavesTheQueue(language: String, human: String, bye: String, told: String) throws {
        let server = ConversationServer(engine: DialogQueueTests.example)
        let first = try server.converse(
            CustomerMessage(session: "a", text: human, language: language), now: mondayMorning)
        #expect(position(first) == 1)
        let second = try server.converse(
            CustomerMessage(session: "b", text: human, language: language), now: mondayMorning + 1)
        #expect(position(second) == 2)
        let gone = try say(server, "a", bye, at: mondayMorning + 30)
        #expect(gone.status == .bot)
        #expect(gone.turn.replies == [told])
        let ticket = first.queueTicket!
        #expect(
            try server.store.log().events.last == .abandoned(ticket: ticket, exit: .goodbye, at: mondayMorning + 30))
        #expect(position(try say(server, "b", "?", at: mondayMorning + 31)) == 1)
    }

    /// Asking to stop waiting is logged as such, apart from a goodbye.
    @Test func aWishToStopWaitingIsLoggedAsAsked() throws {
        let server = ConversationServer(engine: claimEngine)
        _ = try say(server, "a", "human please", at: mondayMorning)
        let turn = try say(server, "a", "never mind, I'll call back later", at: mondayMorning + 5)
        #expect(turn.turn.replies == ["Okay, you have left the queue. How else can I help?"])
        guard case .abandoned(_, let exit, _)? = try server.store.log().events.last else {
            Issue.record("no abandoned event")
            return
        }
        #expect(exit == .asked)
    }

    /// `queue.leave`: the gateway saw the customer close the chat.
    @Test func theGatewaySaysTheCustomerLeft() throws {
        let server = ConversationServer(engine: claimEngine)
        _ = try say(server, "a", "human please", at: mondayMorning)
        _ = try say(server, "b", "human please", at: mondayMorning + 1)
        let answer = server.respond(
            to: Array(#"{"id": 7, "type": "queue.leave", "session": "a"}"#.utf8), now: mondayMorning + 40)
        #expect(
            answer
                == #"{"id": 7, "session": "a", "left_queue": true, "ticket": 1, "queue": "general", "waited_seconds": 40, "events": [{"type": "to_customer", "session": "a", "text": "You have left the queue. Write again if you still need help."}]}"#
        )
        guard case .abandoned(let ticket, .request, mondayMorning + 40)? = try server.store.log().events.last else {
            Issue.record("no abandoned event")
            return
        }
        #expect(ticket.session == "a")
        #expect(position(try say(server, "b", "?", at: mondayMorning + 41)) == 1)
        // The customer stays with the bot, and can ask for a person again: at the back.
        #expect(try say(server, "a", "hello", at: mondayMorning + 42).turn.replies == ["Hello!"])
        #expect(
            server.respond(
                to: Array(#"{"id": 8, "type": "queue.leave", "session": "a"}"#.utf8), now: mondayMorning + 43)
                == #"{"id": 8, "error": {"code": "not_queued", "message": "session \"a\" is not waiting in a queue"}}"#)
    }

    /// Silent past `queue_idle_seconds` (an hour by default): the sweep takes the customer out,
    /// at the moment the limit ran out, and ends the session; the next in line moves up. A
    /// customer who wrote meanwhile, and one an agent holds, are never touched.
    @Test func aSilentWaitingCustomerIsDroppedByTheSweep() throws {
        let server = ConversationServer(engine: claimEngine)
        #expect(claimEngine.bot.settings.handoff.queueIdleSeconds == 3_600)
        let silent = try say(server, "silent", "human please", at: mondayMorning).queueTicket!
        _ = try say(server, "talker", "human please", at: mondayMorning + 1)
        _ = try say(server, "held", "human please", at: mondayMorning + 2)
        _ = try server.perform(.join(agent: "sam", queues: ["general"], capacity: 1), now: mondayMorning + 3)
        _ = try server.perform(.claim(agent: "sam", session: "held"), now: mondayMorning + 4)
        _ = try say(server, "talker", "still there?", at: mondayMorning + 3_000)
        // Within the limit nothing happens; past it, the next batch's sweep drops "silent".
        _ = try say(server, "other", "hello", at: mondayMorning + 3_600)
        #expect(server.contactCentre.waitingCount == 2)
        _ = try say(server, "other", "hello", at: mondayMorning + 3_700)
        #expect(server.contactCentre.status(of: "silent") == nil)
        #expect(server.contactCentre.position(of: "talker", now: mondayMorning + 3_700) == 1)
        #expect(server.contactCentre.held["held"]?.agent == "sam")
        let log = try server.store.log()
        #expect(log.events.last == .abandoned(ticket: silent, exit: .idle, at: mondayMorning + 3_600))
        #expect(log.ends.last == SessionEnd(session: "silent", at: mondayMorning + 3_600, reason: .expired))
        // Coming back, the customer is told first, then answered in a new session.
        let back = try say(server, "silent", "hello", at: mondayMorning + 4_000)
        #expect(
            back.turn.replies == [
                "You were taken out of the queue because we had not heard from you for 60 minutes. If you still need a person, just ask again.",
                "Hello!",
            ])
        #expect(back.status == .bot)
        #expect(back.turn.expired?.queue == silent)
        #expect(
            ProtocolCodec.encode(back, id: nil).hasSuffix(
                #""expired": {"idle_seconds": 4000, "session_ttl": 3600, "forms": [], "slots": [], "action": null, "queue": {"queue": "general", "ticket": 1}}}"#
            ))
        // Asking for a person again queues them at the back.
        #expect(position(try say(server, "silent", "human please", at: mondayMorning + 4_001)) == 2)
        // A day later the agent still holds "held", silent all along.
        _ = try say(server, "other", "hello", at: mondayMorning + 86_400)
        #expect(server.contactCentre.held["held"]?.agent == "sam")
    }

    /// The limit is the bot's to set.
    @Test func theLimitIsASetting() throws {
        let json = claimBotJSON.replacingOccurrences(
            of: #""handoff": {"queues""#, with: #""handoff": {"queue_idle_seconds": 120, "queues""#)
        let bot = try BotLoader.load(sources: [BotLoader.Source(name: "claims.json", bytes: Array(json.utf8))])
        #expect(bot.settings.handoff.queueIdleSeconds == 120)
        let server = ConversationServer(engine: try DialogEngine(bot: bot))
        _ = try say(server, "a", "human please", at: mondayMorning)
        _ = try say(server, "b", "hello", at: mondayMorning + 121)
        #expect(server.contactCentre.waitingCount == 0)
        let back = try say(server, "a", "hello", at: mondayMorning + 200)
        #expect(
            back.turn.replies.first
                == "You were taken out of the queue because we had not heard from you for 2 minutes. If you still need a person, just ask again."
        )
    }

    @Test(arguments: [
        (
            #""queue_idle_seconds": 10"#,
            "settings.handoff.queue_idle_seconds: must be between 60 and 31536000, found 10"
        ),
        (#""queue_idle_seconds": "1h""#, "settings.handoff.queue_idle_seconds: expected a number, found a string"),
    ])
    func aBadLimitIsRefused(setting: String, message: String) {
        let json = claimBotJSON.replacingOccurrences(
            of: #""handoff": {"queues""#, with: #""handoff": {\#(setting), "queues""#)
        #expect {
            try BotLoader.load(sources: [BotLoader.Source(name: "claims.json", bytes: Array(json.utf8))])
        } throws: { error in
            (error as? DefinitionErrors)?.errors.map { "\($0.path): \($0.message)" } == [message]
        }
    }
}

extension DeskTurn {
    /// The ticket of a turn that left the customer waiting.
    fileprivate var queueTicket: Ticket? {
        if case .queued(let info) = status { info.ticket } else { nil }
    }
}
