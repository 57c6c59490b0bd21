import Foundation
import Testing

@testable import Usher

/// What the serving core writes to the conversation log: every turn with what decided it, every
/// session end with its reason, personal data masked.
@Suite("ConversationServer log")
struct ConversationServerLogTests {
    private func server(masker: PIIMasker? = PIIMasker()) -> ConversationServer {
        ConversationServer(engine: claimEngine, store: InMemoryConversationStore(), masker: masker)
    }

    private func say(
        _ server: ConversationServer, _ session: String, _ text: String, at offset: Double = 0,
        meta: [String: String] = [:]
    ) throws -> DeskTurn {
        try server.converse(CustomerMessage(session: session, text: text, metadata: meta), now: mondayMorning + offset)
    }

    @Test func eachTurnSaysWhatDecidedIt() throws {
        let server = server()
        _ = try say(server, "a", "I want to file a claim", meta: ["customer": "cust-1"])
        _ = try say(server, "a", "PN-123456", at: 1)
        _ = try say(server, "a", "xyzzy plugh", at: 2)
        _ = try say(server, "b", "I will call my lawyer", at: 3)
        _ = try say(server, "b", "hello?", at: 4)
        _ = try say(server, "c", "blorp", at: 5)
        let turns = try server.store.log().turns
        #expect(turns.map(\.decidedBy) == [.similarity, .form, .form, .keyword, .person, .fallback])
        #expect(turns.map(\.state) == ["bot", "bot", "bot", "queued", "queued", "bot"])
        let first = turns[0]
        #expect(first.customer == "cust-1")
        #expect(first.intent == "file_claim")
        #expect(first.candidates.first?.intent == "file_claim")
        #expect(first.form == "file_claim" && first.formSlot == "policy_number")
        #expect(first.replies == ["What is your policy number?"])
        #expect(first.botVersion == claimBot.version && !first.botVersion.isEmpty)
        #expect(turns[1].filled == ["policy_number": "PN-123456"])
        #expect(turns[1].formSlot == "incident_date")
        #expect(turns[3].handoff == .keyword("lawyer"))
        // The bot is silent while the customer waits; only their place is told.
        #expect(
            turns[4].replies == [
                "You are number 1 in the queue. No agent is available right now; you will stay in the queue until one is."
            ])
        #expect(turns[5].intent == nil && turns[5].confidence < claimBot.settings.threshold)
    }

    @Test func cardsEmailsAndPhonesAreMaskedUnlessToldNot() throws {
        let text = "my card 4111 1111 1111 1111 and mail jo@example.com, call +44 20 7946 0958"
        let masked = server()
        _ = try say(masked, "a", text)
        #expect(try masked.store.log().turns[0].text == "my card **** **** **** 1111 and mail [email], call [phone]")
        let plain = server(masker: nil)
        _ = try say(plain, "a", text)
        #expect(try plain.store.log().turns[0].text == text)
    }

    @Test func resetsClosesAndExpiriesAreLoggedWithTheirReason() throws {
        let server = server()
        _ = try say(server, "reset-me", "hello")
        try server.reset(session: "reset-me", now: mondayMorning + 1)
        _ = try say(server, "closed", "human please", at: 2)
        _ = try server.perform(.join(agent: "sam", queues: ["general"], capacity: 1), now: mondayMorning + 3)
        _ = try server.perform(.claim(agent: "sam", session: "closed"), now: mondayMorning + 4)
        _ = try server.perform(.close(agent: "sam", session: "closed"), now: mondayMorning + 5)
        // Idle past the bot's 600 s: ended by the sweep before the next batch, at the moment
        // their lifetime ran out; a returning customer starts afresh.
        _ = try say(server, "swept", "hello", at: 10)
        _ = try say(server, "returns", "hello", at: 20)
        _ = try say(server, "returns", "hello again", at: 2_000)
        let ends = try server.store.log().ends
        #expect(
            Array(ends.prefix(2)) == [
                SessionEnd(session: "reset-me", at: mondayMorning + 1, reason: .reset),
                SessionEnd(session: "closed", at: mondayMorning + 5, reason: .closed(agent: "sam")),
            ])
        #expect(
            Set(ends.dropFirst(2).map { "\($0.session) \($0.at - mondayMorning) \($0.reason.code)" }) == [
                "swept 610.0 expired", "returns 620.0 expired",
            ])
        #expect(try server.session("returns", now: mondayMorning + 2_000)?.turns == 1)
        #expect(try server.session("swept", now: mondayMorning + 2_000) == nil)
        #expect(try server.sessionCount() == 1)
    }

    /// A customer an agent holds never expires, however long both are silent. (A waiting
    /// customer silent past `queue_idle_seconds` is taken out of the queue: QueueAbandonmentTests.)
    @Test func aPersonsSessionNeverExpires() throws {
        let server = server()
        _ = try say(server, "held", "human please")
        _ = try server.perform(.join(agent: "sam", queues: ["general"], capacity: 1), now: mondayMorning + 1)
        _ = try server.perform(.claim(agent: "sam", session: "held"), now: mondayMorning + 2)
        _ = try say(server, "other", "hello", at: 86_400)
        #expect(try server.store.log().ends.isEmpty)
        #expect(try server.session("held", now: mondayMorning + 86_400) != nil)
        #expect(server.contactCentre.held["held"]?.agent == "sam")
    }
}

/// A customer who leaves (the gateway resets the session) while an agent holds them: the agent
/// is told in the reset's answer, and the hold ends.
@Suite("Reset of a held session")
struct ResetOfAHeldSessionTests {
    @Test func theAgentIsTold() throws {
        let server = ConversationServer(engine: claimEngine)
        _ = try server.converse(CustomerMessage(session: "c-1", text: "human please"), now: mondayMorning)
        _ = try server.perform(.join(agent: "sam", queues: ["general"], capacity: 1), now: mondayMorning)
        _ = try server.perform(.claim(agent: "sam", session: nil), now: mondayMorning)
        let answer = server.respond(
            to: Array(#"{"id": 1, "type": "reset", "session": "c-1"}"#.utf8), now: mondayMorning)
        #expect(
            answer
                == #"{"id": 1, "session": "c-1", "reset": true, "events": [{"type": "to_agent", "agent": "sam", "session": "c-1", "text": "The customer left the conversation."}]}"#
        )
        #expect(server.contactCentre.agents["sam"]?.sessions == [])
        // A waiting customer who leaves tells nobody: nobody had them yet.
        _ = try server.converse(CustomerMessage(session: "c-2", text: "human please"), now: mondayMorning)
        #expect(try server.reset(session: "c-2", now: mondayMorning).isEmpty)
        #expect(server.contactCentre.waiting.isEmpty)
    }
}

/// A waiting customer could not leave the queue ("never mind, I do not want an agent" got their
/// place again): now they can, and it is logged (issue 12).
@Suite("Leaving the queue")
struct LeavingTheQueueTests {
    @Test(arguments: [
        "never mind, I do not want an agent", "never mind", "please let me leave the queue", "I don't need an agent",
        "never mind, I'll call back later", "I don't want to wait any longer",
    ])
    func aWaitingCustomerCanLeave(text: String) throws {
        let server = ConversationServer(engine: claimEngine)
        _ = try server.converse(CustomerMessage(session: "c", text: "human please"), now: mondayMorning)
        let turn = try server.converse(CustomerMessage(session: "c", text: text), now: mondayMorning + 5)
        #expect(turn.status == .bot)
        #expect(turn.turn.replies == ["Okay, you have left the queue. How else can I help?"])
        #expect(server.contactCentre.status(of: "c") == nil)
        #expect(try server.store.log().events.last?.kind == "abandoned")
        let after = try server.converse(CustomerMessage(session: "c", text: "hello"), now: mondayMorning + 6)
        #expect(after.turn.replies == ["Hello!"])
    }

    /// Every served language's wish to stop waiting leaves, whatever the bot's language.
    @Test(arguments: [
        "ich brauche keinen Mitarbeiter mehr", "ich rufe später an", "не хочу больше ждать, перезвоню позже",
        "不想等了", "我晚點再來",
    ])
    func aWaitingCustomerLeavesInTheirLanguage(text: String) throws {
        let server = ConversationServer(engine: claimEngine)
        _ = try server.converse(CustomerMessage(session: "c", text: "human please"), now: mondayMorning)
        let turn = try server.converse(CustomerMessage(session: "c", text: text), now: mondayMorning + 5)
        #expect(turn.status == .bot)
        #expect(server.contactCentre.status(of: "c") == nil)
    }

    /// Complaints about the wait once took angry customers out of the queue ("no agent" and
    /// "not wait" were phrases): only a wish to stop waiting does.
    @Test(arguments: [
        "still there?", "cancel my order", "is an agent coming?",
        "why is there still no agent? I have been waiting 20 minutes", "I will not wait forever, hurry up",
        "is there really no agent available?", "Es ist kein Mitarbeiter da, ich warte schon ewig!",
        "warum habe ich noch keinen Mitarbeiter?", "為什麼還沒有客服？我不想等太久", "мне надоело ждать, где оператор?",
        "я не хочу ждать так долго",
    ])
    func otherMessagesKeepTheirPlace(text: String) throws {
        let server = ConversationServer(engine: claimEngine)
        _ = try server.converse(CustomerMessage(session: "c", text: "human please"), now: mondayMorning)
        let turn = try server.converse(CustomerMessage(session: "c", text: text), now: mondayMorning + 5)
        guard case .queued = turn.status else {
            Issue.record("\(text) left the queue")
            return
        }
    }
}

/// A customer filing a claim was sent to the general queue for anger mid-form, and the form was
/// gone after the agent released them (issue 12): a handoff from inside a form goes to the
/// form's `handoff_queue`, and the form survives the release.
@Suite("Handoff from a form")
struct HandoffFromAFormTests {
    @Test func theFormsQueueAndTheFormSurvivesTheRelease() throws {
        let json = claimBotJSON.replacingOccurrences(
            of: #"{"name": "file_claim","#, with: #"{"name": "file_claim", "handoff_queue": "claims","#)
        let bot = try BotLoader.load(sources: [BotLoader.Source(name: "claims.json", bytes: Array(json.utf8))])
        let server = ConversationServer(engine: try DialogEngine(bot: bot), store: InMemoryConversationStore())
        _ = try server.converse(CustomerMessage(session: "c", text: "I want to file a claim"), now: mondayMorning)
        let queued = try server.converse(
            CustomerMessage(session: "c", text: "my lawyer will hear of this"), now: mondayMorning + 1)
        guard case .queued(let info) = queued.status else {
            Issue.record("expected a handoff, got \(queued.status)")
            return
        }
        #expect(info.ticket.queue == "claims")
        _ = try server.perform(.join(agent: "sam", queues: ["claims"], capacity: 1), now: mondayMorning + 2)
        _ = try server.perform(.claim(agent: "sam", session: "c"), now: mondayMorning + 3)
        _ = try server.perform(.release(agent: "sam", session: "c"), now: mondayMorning + 4)
        let back = try server.converse(CustomerMessage(session: "c", text: "PN-123456"), now: mondayMorning + 5)
        #expect(back.status == .bot)
        #expect(back.turn.state.slots["policy_number"] == "PN-123456")
        #expect(back.turn.replies == ["When did it happen?"])
    }

    @Test func anUnknownFormQueueIsAnError() {
        let json = claimBotJSON.replacingOccurrences(
            of: #"{"name": "file_claim","#, with: #"{"name": "file_claim", "handoff_queue": "sales","#)
        #expect(throws: DefinitionErrors.self) {
            try BotLoader.load(sources: [BotLoader.Source(name: "claims.json", bytes: Array(json.utf8))])
        }
    }
}
