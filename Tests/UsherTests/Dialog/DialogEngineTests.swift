import Testing

@testable import Usher

@Suite("DialogEngine")
struct DialogEngineTests {
    @Test func valuesInTheFirstMessageFillSlotsAtOnce() {
        let turns = converse(["my modem was stolen yesterday, policy PN-123456"])
        #expect(turns[0].intent == "file_claim")
        #expect(
            turns[0].state.slots == ["policy_number": "PN-123456", "incident_date": "2026-11-22", "product": "router"])
        #expect(turns[0].replies == ["Thanks. Claim for policy PN-123456, incident on 2026-11-22, is filed."])
        #expect(turns[0].state.forms.isEmpty)
    }

    @Test func missingRequiredSlotsAreAskedOneByOne() {
        let turns = converse(["I want to file a claim", "PN-654321", "last Friday"])
        #expect(
            turns.map(\.replies) == [
                ["What is your policy number?"],
                ["When did it happen?"],
                ["Thanks. Claim for policy PN-654321, incident on 2026-11-20, is filed."],
            ])
        #expect(turns.map(\.intent) == ["file_claim", "file_claim", "file_claim"])
        #expect(turns[1].confidence == 1)
        #expect(turns[0].state.forms == [FormProgress(intent: "file_claim", pendingSlot: "policy_number")])
        #expect(turns[2].state.forms.isEmpty)
    }

    @Test func anUnreadableAnswerGetsTheRepromptThenTheFallback() {
        let turns = converse(["I want to file a claim", "it is somewhere in a drawer", "no idea, sorry"])
        #expect(turns[1].replies == ["A policy number looks like PN-123456. What is yours?"])
        #expect(turns[1].state.forms.first?.reprompts == 1)
        // The handoff replaces the fallback: not "did not get that" and "passing you" at once.
        #expect(turns[2].replies == [TurnBuilder.handoffReply])
        #expect(turns[2].failedForm == "file_claim")
        #expect(
            turns[2].handoff
                == HandoffRequest(
                    queue: "general", priority: 1, reason: .formFailed(form: "file_claim", answers: 2)))
        #expect(turns[2].state.forms.isEmpty)
        #expect(turns[2].state.consecutiveFallbacks == 1)
    }

    /// A bot no person stands behind turns the form's handoff off: the fallback, and the form
    /// ends, instead of a queue nobody serves.
    @Test func aFailedFormWithoutHandoffGivesTheFallback() throws {
        let json = claimBotJSON.replacingOccurrences(
            of: #""handoff": {"queues""#, with: #""handoff": {"after_form_failed": false, "queues""#)
        let engine = try DialogEngine(bot: BotLoader.load(sources: [.init(name: "b.json", bytes: Array(json.utf8))]))
        let turns = converse(
            ["I want to file a claim", "it is somewhere in a drawer", "no idea, sorry"], engine: engine)
        #expect(turns[2].replies == ["Sorry, I did not get that."])
        #expect(turns[2].failedForm == "file_claim")
        #expect(turns[2].handoff == nil)
        #expect(turns[2].state.forms.isEmpty)
    }

    @Test func theCustomerCanCancelAForm() {
        let turns = converse(["I want to file a claim", "never mind"])
        #expect(turns[1].intent == "cancel")
        #expect(turns[1].replies == [DialogEngine.cancelReply])
        #expect(turns[1].state.forms.isEmpty)
    }

    @Test func anotherQuestionInterruptsAFormWhichThenResumes() {
        let turns = converse(["I want to file a claim", "what are your opening hours?", "PN-111111", "today"])
        #expect(turns[1].intent == "opening_hours")
        #expect(
            turns[1].replies == [
                "We are open 8am to 8pm.", "Back to your earlier request.", "What is your policy number?",
            ])
        #expect(turns[2].replies == ["When did it happen?"])
        #expect(turns[3].replies == ["Thanks. Claim for policy PN-111111, incident on 2026-11-23, is filed."])
    }

    @Test func contextsGateFollowUpsAndExpire() {
        let direct = converse(["yes"])
        #expect(direct[0].intent == nil)
        let followed = converse(["cancel my order", "yes"])
        #expect(followed[0].state.contexts == ["confirm_cancel": 2])
        #expect(followed[1].intent == "confirm_yes")
        #expect(followed[1].replies == ["Cancelled."])
        #expect(followed[1].state.contexts.isEmpty)
        let late = converse(["cancel my order", "hello", "hi there", "yes"])
        #expect(late[1].state.contexts == ["confirm_cancel": 1])
        #expect(late[2].state.contexts.isEmpty)
        #expect(late[3].intent == nil)
    }

    @Test func repliesRotateDeterministicallyPerSession() {
        let turns = converse(["hello", "hello", "hello", "xyzzy"])
        #expect(turns.map(\.replies) == [["Hello!"], ["Hi again!"], ["Hello!"], ["Sorry, I did not get that."]])
        #expect(turns[3].state.consecutiveFallbacks == 1)
        #expect(converse(["hello", "hello"]).map(\.replies) == [["Hello!"], ["Hi again!"]])
    }

    @Test func customerTextIsNeverReadAsATemplate() {
        let bot = BotDefinition(
            entities: ["code": .regex("\\{[a-z_]+\\}")],
            intents: [
                IntentDefinition(
                    name: "echo", examples: [Example("my code is"), Example("code"), Example("the code")],
                    responses: [try! Template.parse("Your code is {code}.")],
                    slots: [SlotDefinition(name: "code", entity: "code")])
            ])
        let engine = try! DialogEngine(bot: bot)
        let turn = engine.respond(
            to: CustomerMessage(session: "x", text: "my code is {policy_number}"), state: nil, now: 0)
        #expect(turn.replies == ["Your code is {policy_number}."])
    }

    @Test func sessionsExpireAfterTheirTimeToLive() {
        let first = claimEngine.respond(
            to: CustomerMessage(session: "s", text: "I want to file a claim"), state: nil, now: mondayMorning)
        let soon = claimEngine.respond(
            to: CustomerMessage(session: "s", text: "PN-123456"), state: first.state, now: mondayMorning + 599)
        #expect(soon.replies == ["When did it happen?"])
        let late = claimEngine.respond(
            to: CustomerMessage(session: "s", text: "PN-123456"), state: first.state, now: mondayMorning + 601)
        // A new session: the policy number starts a claim of its own, at its first turn.
        #expect(late.state.turns == 1)
        #expect(late.state.createdAt == mondayMorning + 601)
    }

    @Test func historyKeepsTheLastTurnsAndMetadataMerges() {
        var bot = claimBot
        bot.settings.historyTurns = 2
        let engine = try! DialogEngine(bot: bot)
        var state: SessionState?
        for (offset, text) in ["hello", "when are you open", "xyzzy"].enumerated() {
            let meta = offset == 0 ? ["tier": "vip"] : ["channel": "web"]
            state =
                engine.respond(
                    to: CustomerMessage(session: "s", text: text, metadata: meta), state: state, now: Double(offset)
                ).state
        }
        #expect(state?.history.map(\.text) == ["when are you open", "xyzzy"])
        #expect(state?.history.last?.intent == nil)
        #expect(state?.metadata == ["tier": "vip", "channel": "web"])
        #expect(state?.turns == 3)
    }

    @Test func theSameInputsGiveTheSameTurns() {
        let script = [
            "hello", "I want to file a claim", "opening hours?", "PN-222222", "tomorrow", "cancel my order", "yes",
        ]
        let first = converse(script).map { ($0.intent, $0.replies, $0.state) }
        let second = converse(script).map { ($0.intent, $0.replies, $0.state) }
        #expect(first.map(\.0) == second.map(\.0))
        #expect(first.map(\.1) == second.map(\.1))
        #expect(first.map(\.2) == second.map(\.2))
    }

    /// The engine ends a session idle past its lifetime and says what it dropped; a session a person
    /// has never expires.
    @Test func anIdleSessionEndsAndTheTurnSaysWhatItDropped() throws {
        let start = 1_000_000.0
        let first = claimEngine.respond(
            to: CustomerMessage(session: "s", text: "I want to file a claim"), state: nil, now: start)
        let second = claimEngine.respond(
            to: CustomerMessage(session: "s", text: "PN-123456"), state: first.state, now: start + 10)
        #expect(first.expired == nil && second.expired == nil)
        let late = claimEngine.respond(
            to: CustomerMessage(session: "s", text: "hello"), state: second.state, now: start + 700)
        let expired = try #require(late.expired)
        #expect(expired.idleSeconds == 690 && expired.ttl == 600 && expired.endedAt == start + 610)
        #expect(expired.forms == [FormProgress(intent: "file_claim", pendingSlot: "incident_date")])
        #expect(expired.slots == ["policy_number"] && expired.pendingAction == nil)
        #expect(late.state.turns == 1 && late.state.forms.isEmpty && late.intent == "greeting")
        let attended = claimEngine.respond(
            to: CustomerMessage(session: "s", text: "hello"), state: second.state, now: start + 700, attended: true)
        #expect(attended.expired == nil && attended.state.slots == ["policy_number": "PN-123456"])
    }
}
