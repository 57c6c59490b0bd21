import Testing

@testable import Usher

/// Actions (issue 12): an intent or a completed form calls the business's systems, the bot
/// waits for the result and answers from it; messages while it waits, a result that never
/// comes, a result for another call and a handoff each have one defined answer.
@Suite("Actions")
struct DialogActionTests {
    static let json = """
        {"settings": {"action_timeout": 20, "handoff": {"keywords": ["lawyer"]}},
         "entities": {"order_id": {"regex": "\\\\b[A-Z]{2}\\\\d{6}\\\\b"}},
         "intents": [
          {"name": "order_status", "examples": ["where is my order", "track my order", "has my parcel shipped"],
           "slots": {"order_id": {"entity": "order_id", "required": true, "prompt": "What is your order number?"}},
           "responses": ["Order {order_id}: {result.status}."],
           "action": {"name": "lookup_order", "say": "Looking up {order_id}.",
                      "responses": {"not_found": ["No order {order_id}."], "late": ["Order {order_id} is late by {result.days} days."]}}},
          {"name": "balance", "examples": ["what is my balance", "how much money do I have", "account balance"],
           "action": {"name": "get_balance", "timeout": 5,
                      "responses": {"found": ["You have {result.amount}."], "failed": ["The bank is not answering."]}}},
          {"name": "file_claim", "examples": ["I want to file a claim", "make an insurance claim", "report a claim"],
           "slots": {"claim_date": {"entity": "date", "required": true, "prompt": "When did it happen?"}},
           "responses": ["Claim filed for {claim_date}."]},
          {"name": "opening_hours", "examples": ["when are you open", "what are your opening hours", "opening times"],
           "responses": ["We are open 8 to 8."]},
          {"name": "talk_to_human", "examples": ["I want to talk to a person", "get me a human", "speak to an agent"],
           "responses": ["Connecting you."], "handoff": {"queue": "general"}}
         ]}
        """
    static let engine = try! DialogEngine(
        bot: BotLoader.load(sources: [BotLoader.Source(name: "shop.json", bytes: Array(json.utf8))]))
    static let start = mondayMorning

    /// A conversation of messages and results (`.result`), each a second after the last
    /// unless it says otherwise.
    enum Step {
        case say(String, after: Double = 1)
        case result(outcome: String, values: [String: String] = [:], error: String? = nil)
    }

    static func run(_ steps: [Step]) throws -> [TurnResult] {
        var state: SessionState?
        var now = start
        var turns: [TurnResult] = []
        for step in steps {
            switch step {
            case .say(let text, let after):
                now += after
                turns.append(engine.respond(to: CustomerMessage(session: "s", text: text), state: state, now: now))
            case .result(let outcome, let values, let error):
                now += 1
                let call = try #require(state?.pendingAction?.call)
                turns.append(
                    try engine.respond(
                        to: ActionResult(session: "s", call: call, outcome: outcome, values: values, error: error),
                        state: state, now: now))
            }
            state = turns.last?.state
        }
        return turns
    }

    @Test func aCompletedFormCallsItsActionAndAnswersFromTheResult() throws {
        let turns = try Self.run([
            .say("where is my order AB123456"), .result(outcome: "found", values: ["status": "shipped"]),
        ])
        let call = try #require(turns[0].called)
        #expect(call.name == "lookup_order")
        #expect(call.slots == ["order_id": "AB123456"])
        #expect(call.timeout == 20)
        #expect(turns[0].replies == ["Looking up AB123456."])
        #expect(turns[0].state.pendingAction == call)
        // The result: the intent's own responses answer `found`, with the result's values.
        #expect(turns[1].replies == ["Order AB123456: shipped."])
        #expect(turns[1].intent == "order_status")
        #expect(turns[1].outcome == "found")
        #expect(turns[1].answered == call)
        #expect(turns[1].state.pendingAction == nil)
        // The result is not a customer's turn: the history marks it and the count stays.
        #expect(turns[1].state.history.last?.action == "lookup_order")
        #expect(turns[1].state.history.last?.text == "")
        #expect(turns[1].state.turns == 1)
    }

    @Test(arguments: [
        ("not_found", [String: String](), "No order AB123456."),
        ("late", ["days": "3"], "Order AB123456 is late by 3 days."),
        ("failed", [:], ActionDefinition.defaultFailed.render([:])),
    ])
    func eachOutcomeHasItsVariant(outcome: String, values: [String: String], reply: String) throws {
        let turns = try Self.run([.say("track my order AB123456"), .result(outcome: outcome, values: values)])
        #expect(turns[1].replies == [reply])
    }

    @Test func anIntentWithoutSlotsCallsAtOnceAndSaysItsFailure() throws {
        let turns = try Self.run([
            .say("what is my balance"), .result(outcome: "failed", error: "503"), .say("what is my balance"),
            .result(outcome: "found", values: ["amount": "€12.50"]),
        ])
        #expect(turns[0].called?.name == "get_balance")
        #expect(turns[0].called?.timeout == 5)
        #expect(turns[0].replies.isEmpty)
        #expect(turns[1].replies == ["The bank is not answering."])
        #expect(turns[3].replies == ["You have €12.50."])
        // Each call has its own id.
        #expect(turns[0].called?.call != turns[2].called?.call)
    }

    @Test func aMessageWhileTheActionRunsIsAskedToWaitAndTheCallStays() throws {
        let turns = try Self.run([
            .say("where is my order AB123456"), .say("hello?"), .result(outcome: "found", values: ["status": "lost"]),
        ])
        #expect(turns[1].replies == [ActionDefinition.busyReply])
        #expect(turns[1].state.pendingAction == turns[0].called)
        #expect(turns[2].replies == ["Order AB123456: lost."])
    }

    @Test func cancelStopsTheCall() throws {
        let turns = try Self.run([.say("where is my order AB123456"), .say("never mind")])
        #expect(turns[1].intent == "cancel")
        #expect(turns[1].replies == [DialogEngine.cancelReply])
        #expect(turns[1].state.pendingAction == nil)
        let late = ActionResult(session: "s", call: turns[0].called!.call, outcome: "found")
        #expect(throws: RefusedResult.self) {
            try Self.engine.respond(to: late, state: turns[1].state, now: Self.start + 5)
        }
    }

    @Test func pastTheTimeoutTheNextMessageHearsTheFailureThenItsAnswer() throws {
        let turns = try Self.run([.say("where is my order AB123456"), .say("what are your opening hours", after: 25)])
        #expect(turns[1].replies == [ActionDefinition.defaultFailed.render([:]), "We are open 8 to 8."])
        #expect(turns[1].outcome == "failed")
        #expect(turns[1].intent == "opening_hours")
        #expect(turns[1].state.pendingAction == nil)
        // Until then a late result is still welcome.
        let waited = try Self.run([
            .say("where is my order AB123456"), .say("hello?", after: 19),
            .result(outcome: "found", values: ["status": "shipped"]),
        ])
        #expect(waited[2].replies == ["Order AB123456: shipped."])
    }

    @Test func aHandoffAbandonsTheCall() throws {
        let turns = try Self.run([.say("where is my order AB123456"), .say("I will call my lawyer")])
        #expect(turns[1].handoff != nil)
        #expect(turns[1].state.pendingAction == nil)
        #expect(turns[1].replies == [TurnBuilder.handoffReply])
        // Anger while the bot waits: the handoff replaces "one moment, please … say cancel".
        let angry = try Self.run([
            .say("where is my order AB123456"), .say("this is terrible, awful, useless service"),
            .say("I hate this, the worst, a disgrace"),
        ])
        #expect(angry[2].handoff?.reason.code == "sentiment")
        #expect(angry[2].replies == [TurnBuilder.handoffReply])
    }

    /// Asking for a person while the bot waited got only "I am still working on your last
    /// request": a clear request for a person hands off, abandoning the call.
    @Test func askingForAPersonWhileTheBotWaitsHandsOff() throws {
        let turns = try Self.run([.say("where is my order AB123456"), .say("I want to talk to a person")])
        #expect(turns[1].intent == "talk_to_human")
        #expect(turns[1].replies == ["Connecting you."])
        #expect(turns[1].handoff?.reason == .intent("talk_to_human"))
        #expect(turns[1].state.pendingAction == nil)
        // Anything else still waits.
        let waiting = try Self.run([.say("where is my order AB123456"), .say("what are your opening hours")])
        #expect(waiting[1].replies == [Language.english.messages.busy])
        #expect(waiting[1].state.pendingAction != nil)
    }

    @Test func aFormTheActionInterruptedResumesAfterTheResult() throws {
        let turns = try Self.run([
            .say("I want to file a claim"), .say("where is my order AB123456"),
            .result(outcome: "found", values: ["status": "shipped"]),
        ])
        #expect(turns[1].replies == ["Looking up AB123456."])
        #expect(
            turns[2].replies == ["Order AB123456: shipped.", "Back to your earlier request.", "When did it happen?"])
        #expect(turns[2].state.forms.map(\.intent) == ["file_claim"])
    }

    /// An outcome with no reply anywhere once answered the customer with silence and forgot the
    /// call: it is refused, and the session still waits (balance has no `responses`).
    @Test func anOutcomeWithNoReplyIsRefusedAndTheCallStillWaits() throws {
        let turns = try Self.run([.say("what is my balance")])
        let call = try #require(turns[0].state.pendingAction?.call)
        let late = ActionResult(session: "s", call: call, outcome: "late")
        do {
            _ = try Self.engine.respond(to: late, state: turns[0].state, now: Self.start + 2)
            Issue.record("an outcome with no reply was taken")
        } catch {
            #expect(error.code == "unknown_outcome")
            #expect(
                error.message
                    == #"intent "balance" has no reply for outcome "late" (it has "failed", "found"; give the intent "responses" to answer any other); the result was not used, the session still waits"#
            )
        }
        let found = ActionResult(session: "s", call: call, outcome: "found", values: ["amount": "12 EUR"])
        #expect(
            try Self.engine.respond(to: found, state: turns[0].state, now: Self.start + 3).replies == [
                "You have 12 EUR."
            ])
        // An intent with `responses` answers any outcome: order_status's "delayed" uses them.
        let order = try Self.run([
            .say("where is my order AB123456"), .result(outcome: "delayed", values: ["status": "delayed"]),
        ])
        #expect(order[1].replies == ["Order AB123456: delayed."])
    }

    @Test func aResultForAnotherCallOrSessionIsRefusedAndChangesNothing() throws {
        let turns = try Self.run([.say("where is my order AB123456")])
        let state = turns[0].state
        let pending = try #require(state.pendingAction)
        let wrong = ActionResult(session: "s", call: "s/0/9", outcome: "found")
        #expect(throws: RefusedResult.self) { try Self.engine.respond(to: wrong, state: state, now: Self.start + 2) }
        do {
            _ = try Self.engine.respond(to: wrong, state: state, now: Self.start + 2)
        } catch {
            #expect(
                error.message
                    == "session \"s\" waits for call \"\(pending.call)\" (lookup_order), not \"s/0/9\"; the result was not used"
            )
        }
        let none = ActionResult(session: "t", call: pending.call, outcome: "found")
        do {
            _ = try Self.engine.respond(to: none, state: nil, now: Self.start + 2)
            Issue.record("a result for no session was taken")
        } catch {
            #expect(error.message.hasPrefix("no session \"t\" waits for call"))
        }
        // The session expired: no call waits any more.
        #expect(throws: RefusedResult.self) {
            try Self.engine.respond(
                to: ActionResult(session: "s", call: pending.call, outcome: "found"), state: state,
                now: Self.start + 100_000)
        }
    }
}
