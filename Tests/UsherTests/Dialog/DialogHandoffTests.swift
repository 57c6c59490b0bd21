import Testing

@testable import Usher

@Suite("Dialog handoff")
struct DialogHandoffTests {
    @Test func aHandoffIntentHandsOffWithItsQueueAndPriority() {
        let turns = converse(["I want to talk to a person"])
        #expect(turns[0].intent == "talk_to_human")
        #expect(turns[0].replies == ["Connecting you to an agent."])
        #expect(turns[0].handoff == HandoffRequest(queue: "general", priority: 2, reason: .intent("talk_to_human")))
    }

    @Test func keywordsHandOffAtOnceEvenInAForm() {
        let turns = converse(["I want to file a claim", "I will call my LAWYER!"])
        // Shouted and angry: one more than a keyword's priority.
        #expect(turns[1].handoff == HandoffRequest(queue: "general", priority: 2, reason: .keyword("lawyer")))
        #expect(turns[1].replies == [TurnBuilder.handoffReply])
        // The form is kept: after a person releases the customer, it goes on where it was.
        #expect(turns[1].state.forms == [FormProgress(intent: "file_claim", pendingSlot: "policy_number")])
        #expect(converse(["this is a formal complaint"])[0].handoff?.reason == .keyword("formal complaint"))
        #expect(converse(["my lawyers"])[0].handoff == nil)
    }

    /// The customer is going to a person: the form's question is not asked again.
    @Test func aHandoffIntentInAFormEndsTheForm() {
        let turns = converse(["I want to file a claim", "human please"])
        #expect(turns[1].replies == ["Connecting you to an agent."])
        #expect(turns[1].state.forms.isEmpty)
        #expect(turns[1].handoff?.reason == .intent("talk_to_human"))
    }

    /// A request for a person in the same message as the form's answer was dropped: the value
    /// was taken and the next question asked. The value is kept for the agent, and the customer
    /// goes to a person.
    @Test func aRequestForAPersonBesideAnAnswerIsNotDropped() {
        let turns = converse(["I want to file a claim", "PN-123456 but I want to talk to a person"])
        #expect(turns[1].replies == ["Connecting you to an agent."])
        #expect(turns[1].handoff?.reason == .intent("talk_to_human"))
        #expect(turns[1].state.slots["policy_number"] == "PN-123456")
        #expect(turns[1].state.forms.isEmpty)
        // Without the request, the answer goes on to the next question.
        #expect(converse(["I want to file a claim", "PN-123456"])[1].replies == ["When did it happen?"])
    }

    @Test func fallbacksInARowHandOff() {
        let turns = converse(["xyzzy", "plugh"])
        #expect(turns[0].handoff == nil)
        #expect(turns[1].handoff == HandoffRequest(queue: "general", priority: 0, reason: .fallbacks(2)))
        // Not "could you rephrase?" and "passing you to a colleague" in one breath.
        #expect(turns[1].replies == [TurnBuilder.handoffReply])
    }

    @Test func aCustomerGettingAngryIsHandedOff() {
        let turns = converse([
            "when are you open", "this is ridiculous, I want to file a claim",
            "PN-123456, the worst service ever, a total waste of time",
        ])
        #expect(turns[1].handoff == nil)
        let request = turns[2].handoff
        #expect(request?.reason.description.hasPrefix("negative sentiment (") == true)
        #expect(request?.reason.description.hasSuffix(" over the last 2 turns)") == true)
        #expect(request?.priority == 2)
        #expect(turns[2].state.history.compactMap(\.sentiment).count == 3)
    }

    @Test func settingsCanTurnFallbackHandoffOff() throws {
        var bot = claimBot
        bot.settings.handoff.afterFallbacks = 0
        let engine = try DialogEngine(bot: bot)
        #expect(converse(["xyzzy", "plugh", "xyzzy"], engine: engine).allSatisfy { $0.handoff == nil })
    }

    @Test func vipCustomersGetHigherPriority() {
        let turn = claimEngine.respond(
            to: CustomerMessage(session: "v", text: "human please", metadata: ["tier": "VIP"]), state: nil,
            now: mondayMorning)
        #expect(turn.handoff?.priority == 3)
    }

    @Test func theBotStaysSilentWhileAPersonHasTheConversation() {
        let turns = converse(["human please", "hello?", "where is my order"])
        #expect(turns[1].replies.isEmpty && turns[2].replies.isEmpty)
        #expect(turns[1].intent == nil && turns[1].handoff == nil)
        #expect(turns[2].state.history.map(\.text) == ["human please", "hello?", "where is my order"])
        // Released by the agent: no longer attended.
        let back = claimEngine.respond(
            to: CustomerMessage(session: "s", text: "hello"), state: turns[2].state, now: mondayMorning + 10)
        #expect(back.intent == "greeting")
    }

    /// A handoff intent without responses of its own says the built-in handoff line: the
    /// customer hears that a person is coming, never nothing.
    @Test func aHandoffIntentWithoutResponsesSaysTheHandoffLine() throws {
        let json =
            #"{"intents": [{"name": "human", "examples": ["i want a person"], "handoff": {"queue": "general"}}]}"#
        let engine = try DialogEngine(
            bot: BotLoader.load(sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))]))
        let turn = engine.respond(
            to: CustomerMessage(session: "s", text: "i want a person"), state: nil, now: mondayMorning)
        #expect(turn.handoff?.reason == .intent("human"))
        #expect(turn.replies == [TurnBuilder.handoffReply])
    }

    @Test func handoffQueuesMustExist() {
        let json = #"{"intents": [{"name": "a", "examples": ["x"], "handoff": {"queue": "sales"}}]}"#
        do {
            _ = try BotLoader.load(sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "bot.json:1:14: intents[0].handoff.queue: unknown queue \"sales\"; the queues are general (settings.handoff.queues)"
                ])
        }
    }
}

@Suite("Dialog handoff expiry")
struct DialogHandoffExpiryTests {
    @Test func aSessionWithAPersonNeverExpires() {
        let first = claimEngine.respond(
            to: CustomerMessage(session: "s", text: "human please"), state: nil, now: mondayMorning)
        let later = claimEngine.respond(
            to: CustomerMessage(session: "s", text: "still there?"), state: first.state, now: mondayMorning + 86_400,
            attended: true)
        #expect(later.state.history.count == 2)
        #expect(later.replies.isEmpty)
        #expect(later.state.createdAt == mondayMorning)
    }
}
