import Foundation
import Testing

@testable import Usher
@testable import usher

/// A small bot with a form, a pattern with a capture, a context and a handoff intent. Its layout
/// is part of the expected text: origins such as `bot.json:11:42` point into it.
private let formatterBotJSON = """
    {
      "settings": {"handoff": {"queues": ["general", "claims"]}},
      "entities": {"policy_number": {"regex": "PN-[0-9]{6}"}},
      "intents": [
        {"name": "file_claim",
         "examples": ["I want to file a claim", "I need to make an insurance claim", "claim for a broken phone",
                      "report a damaged product", "my phone was stolen", "file an insurance claim please",
                      "I would like to claim"],
         "slots": {"policy_number": {"entity": "policy_number", "required": true, "prompt": "What is your policy number?"}},
         "responses": ["Claim for policy {policy_number} is filed."]},
        {"name": "track_order", "examples": ["where is my order", "track my parcel", "has my order shipped"],
         "patterns": ["track order {order_id}"],
         "slots": {"order_id": {"entity": "number"}},
         "responses": ["Order {order_id} is on its way."], "contexts": {"set": {"order_talk": 2}}},
        {"name": "talk_to_human", "examples": ["I want to talk to a person", "human please", "speak to an agent"],
         "responses": ["Connecting you to an agent."], "handoff": {"queue": "claims", "priority": 2},
         "next_steps": ["Greet the customer by name"]},
        {"name": "greeting", "examples": ["hello", "hi there", "good morning"], "responses": ["Hello!"]}
      ],
      "fallback": {"responses": ["Sorry, I did not get that."]}
    }
    """

private enum FormatterBot {
    static let engine = try! DialogEngine(
        bot: try! BotLoader.load(sources: [
            BotLoader.Source(name: "bot.json", bytes: Array(formatterBotJSON.utf8))
        ]))

    /// 2026-11-23 10:00 UTC.
    static let now: Double = 1_795_428_000

    /// Plays `messages` in one fresh session and returns the last turn.
    static func play(_ messages: [String], session: String = "s") -> TurnResult {
        var state: SessionState?
        var last: TurnResult?
        for (offset, text) in messages.enumerated() {
            let turn = engine.respond(
                to: CustomerMessage(session: session, text: text), state: state, now: now + Double(offset))
            state = turn.state
            last = turn
        }
        return last!
    }

    static func ticket(_ number: Int, _ session: String, queue: String = "claims") -> Ticket {
        Ticket(
            number: number, session: session, queue: queue, priority: 2, reason: .intent("talk_to_human"),
            queuedAt: now)
    }
}

@Suite("ChatFormatter")
struct ChatFormatterTests {
    let formatter = ChatFormatter()

    private func labels(_ lines: [ChatLine]) -> [String?] { lines.map(\.label) }

    private func value(_ label: String, in lines: [ChatLine]) -> String? {
        lines.first { $0.label == label }?.text
    }

    // MARK: Help

    @Test func helpListsEveryCommandInUsageOrder() {
        let lines = formatter.help(nil)
        #expect(
            lines.first
                == .info("Type as a customer would; lines starting with / are commands (// sends a /):"))
        #expect(
            lines.last
                == .info("Tab completes commands, intents and sessions; Up recalls earlier lines; Ctrl-C clears."))
        let commands = Array(lines.dropFirst().dropLast())
        #expect(commands == SlashCommand.usages.map { ChatLine.detail("/" + $0.name, $0.summary) })
        let known = [
            "/help", "/debug", "/why", "/state", "/reset", "/session", "/reload", "/intent", "/queue", "/agent",
            "/quit",
        ]
        #expect(commands.compactMap(\.label).filter(known.contains) == known)
        #expect(commands.contains { $0.plain == "  /why        explain the last turn of this session" })
        #expect(commands.contains { $0.plain == "  /quit       leave (Ctrl-D does the same)" })
    }

    @Test(arguments: ["agent", "AGENT", "/agent"])
    func helpOnAgentListsEachAction(topic: String) {
        let lines = formatter.help(topic.hasPrefix("/") ? String(topic.dropFirst()) : topic)
        #expect(lines.first == .info("/agent ACTION ...: play the human agent who takes handed-off conversations"))
        #expect(
            lines.dropFirst().compactMap { $0.label?.trimmingCharacters(in: .whitespaces) }
                == SlashCommand.agentUsages.map(\.synopsis))
        // The summaries start in one column, after the longest synopsis.
        #expect(Set(lines.dropFirst().map { $0.plain.count - $0.text.count }) == [34])
        #expect(
            lines.contains {
                $0.plain.hasPrefix("  /agent say TEXT ") && $0.text == "write to the customer you took last"
            })
    }

    @Test func helpOnDebugShowsItsSynopsisAndSummary() {
        #expect(
            formatter.help("debug") == [
                .info(
                    "/debug [on|off]: after each reply, show intent, confidence, runner-ups, evidence, slots, contexts, sentiment"
                )
            ])
        #expect(formatter.help("exit") == [.info("/quit: leave (Ctrl-D does the same)")])
    }

    @Test func helpOnAnUnknownCommandIsAnError() {
        #expect(formatter.help("nope") == [.error("no command /nope; /help lists the commands")])
        #expect(formatter.help("nope").map(\.plain) == ["error: no command /nope; /help lists the commands"])
    }

    // MARK: Explanations

    @Test func explanationOfASimilarityMatch() {
        let turn = FormatterBot.play(["where is my order"])
        let lines = formatter.explanation(
            of: turn, text: "where is my order", sentiment: Sentiment(score: 0.5, cues: ["thanks"]), status: .bot)
        #expect(
            labels(lines) == ["message", "intent", "confidence", "candidates", "closest", "contexts", "sentiment"])
        #expect(lines.allSatisfy { $0.style == .detail })
        #expect(value("message", in: lines) == "\"where is my order\"")
        #expect(value("intent", in: lines) == "track_order")
        let confidence = value("confidence", in: lines) ?? ""
        #expect(confidence.contains(" (threshold 0.5000, similarity "), "\(confidence)")
        #expect(value("candidates", in: lines)?.hasPrefix("track_order ") == true)
        #expect(value("candidates", in: lines)?.contains(", greeting ") == true)
        #expect(value("closest", in: lines) == "\"where is my order\" (bot.json:11:42: intents[1].examples[0])")
        #expect(value("contexts", in: lines) == "order_talk (2 turns left)")
        #expect(value("sentiment", in: lines) == "+0.50 positive (thanks)")
        #expect(lines[0].plain == "  message     \"where is my order\"")
    }

    @Test func explanationOfAPatternMatchShowsCapturesSlotsAndContexts() {
        let turn = FormatterBot.play(["track order 42"])
        let lines = formatter.explanation(of: turn, text: "track order 42", sentiment: .neutral, status: .bot)
        #expect(
            labels(lines) == [
                "message", "intent", "confidence", "candidates", "decided by", "captured", "filled", "slots",
                "contexts", "sentiment",
            ])
        #expect(value("intent", in: lines) == "track_order")
        #expect(value("confidence", in: lines) == "1.0000 (threshold 0.5000, similarity 0.0000)")
        #expect(
            value("decided by", in: lines)
                == "pattern \"track order {order_id}\" (bot.json:12:19: intents[1].patterns[0])")
        #expect(value("captured", in: lines) == "order_id=\"42\"")
        #expect(value("filled", in: lines) == "order_id=42")
        #expect(value("slots", in: lines) == "order_id=42")
        #expect(value("contexts", in: lines) == "order_talk (2 turns left)")
        #expect(value("sentiment", in: lines) == "+0.00 neutral")
    }

    @Test func explanationShowsTheWordsThatCounted() {
        var turn = FormatterBot.play(["where is my order"])
        turn.match?.evidence = .similarity(
            example: "where is my order", exampleOrigin: nil,
            words: [.init(word: "order", weight: 0.4123), .init(word: "is", weight: -0.05)])
        let lines = formatter.explanation(of: turn, text: "where is my order", sentiment: .neutral, status: .bot)
        #expect(value("closest", in: lines) == "\"where is my order\"")
        #expect(value("words", in: lines) == "order +0.41, is -0.05")
        #expect(labels(lines).firstIndex(of: "words") == labels(lines).firstIndex(of: "closest").map { $0 + 1 })
    }

    @Test func explanationOfAMessageWithNoKnownWords() {
        var turn = FormatterBot.play(["zzz"])
        turn.match = MatchResult(
            intent: nil, confidence: 0, candidates: [], evidence: .noKnownWords, threshold: 0.5)
        let lines = formatter.explanation(of: turn, text: "zzz", sentiment: .neutral, status: .bot)
        #expect(labels(lines) == ["message", "intent", "confidence", "decided by", "sentiment"])
        #expect(value("intent", in: lines) == "(out of scope: fallback)")
        #expect(value("confidence", in: lines) == "0.0000 (threshold 0.5000, similarity 0.0000)")
        #expect(value("decided by", in: lines) == "no word the bot knows")
    }

    @Test func explanationOfAFormAnswerSaysTheFormTookIt() {
        let turn = FormatterBot.play(["I want to file a claim", "PN-123456"])
        #expect(turn.match == nil)
        let lines = formatter.explanation(of: turn, text: "PN-123456", sentiment: .neutral, status: .bot)
        #expect(labels(lines) == ["message", "intent", "filled", "slots", "sentiment"])
        #expect(
            lines == [
                .detail("message", "\"PN-123456\""),
                .detail("intent", "file_claim (the form took the message as a slot answer)"),
                .detail("filled", "policy_number=PN-123456"),
                .detail("slots", "policy_number=PN-123456"),
                .detail("sentiment", "+0.00 neutral"),
            ])
    }

    @Test func explanationOfAHandoffSaysWhereAndWhoAnswersNow() {
        let turn = FormatterBot.play(["human please"])
        let queued = ConversationStatus.queued(
            QueueInfo(ticket: FormatterBot.ticket(7, "s"), position: 2, estimatedWaitSeconds: 185))
        let lines = formatter.explanation(of: turn, text: "human please", sentiment: .neutral, status: queued)
        #expect(Array(labels(lines).suffix(3)) == ["sentiment", "handoff", "talking to"])
        #expect(value("handoff", in: lines) == "to claims: intent talk_to_human")
        #expect(value("talking to", in: lines) == "waiting in claims, number 2 (about 3m 05s)")

        let withAgent = formatter.explanation(
            of: turn, text: "human please", sentiment: .neutral, status: .agent("ana"))
        #expect(withAgent.last == .detail("talking to", "agent ana"))
        // The agent the chat plays is the person at the terminal: "you", not "agent agent".
        let played = ChatFormatter(agent: "agent").explanation(
            of: turn, text: "human please", sentiment: .neutral, status: .agent("agent"))
        #expect(played.last == .detail("talking to", "you as agent"))
    }

    @Test(arguments: [
        (Sentiment(score: 0, cues: []), "+0.00 neutral"),
        (Sentiment(score: 0.24, cues: []), "+0.24 neutral"),
        (Sentiment(score: 0.25, cues: ["thanks"]), "+0.25 positive (thanks)"),
        (Sentiment(score: -0.24, cues: ["slow"]), "-0.24 neutral (slow)"),
        (Sentiment(score: -0.25, cues: []), "-0.25 negative"),
        (Sentiment(score: -0.671, cues: ["terrible", "still waiting"]), "-0.67 negative (terrible, still waiting)"),
        (Sentiment(score: 1, cues: ["great"]), "+1.00 positive (great)"),
    ])
    func sentimentHasSignMoodAndCues(sentiment: Sentiment, expected: String) {
        let turn = FormatterBot.play(["hello"])
        let lines = formatter.explanation(of: turn, text: "hello", sentiment: sentiment, status: .bot)
        #expect(value("sentiment", in: lines) == expected)
    }

    // MARK: State

    @Test func stateOfASessionNotStarted() {
        #expect(
            formatter.state(nil, session: "c-2", handoff: nil) == [
                .info("session c-2 has not started: nothing said yet")
            ])
    }

    @Test func stateOfASessionInAForm() {
        let turn = FormatterBot.play(["I want to file a claim"])
        #expect(
            formatter.state(turn.state, session: "s", handoff: nil) == [
                .detail("session", "s (1 turn)"),
                .detail("talking to", "bot"),
                .detail("slots", "(none)"),
                .detail("contexts", "(none)"),
                .detail("form", "file_claim, waiting for policy_number (0 reprompts)"),
                .detail("last", "\"I want to file a claim\" → file_claim"),
            ])
    }

    /// `/state` said "return_product, waiting for order_number" while the address change that
    /// interrupted it had been given the order number (trial 8).
    @Test func stateOfAFormAnotherInterrupted() {
        var state = FormatterBot.play(["I want to file a claim"]).state
        state.forms.append(FormProgress(intent: "order_status", pendingSlot: "order_id"))
        let forms = { (state: SessionState) in
            formatter.state(state, session: "s", handoff: nil).filter { $0.label == "form" }
        }
        #expect(
            forms(state) == [
                .detail("form", "file_claim, paused (asks policy_number again after) (0 reprompts)"),
                .detail("form", "order_status, waiting for order_id (0 reprompts)"),
            ])
        state.slots["policy_number"] = "PN-123456"
        #expect(forms(state).first == .detail("form", "file_claim, paused (policy_number given since) (0 reprompts)"))
    }

    @Test func stateWithSlotsContextsFallbacksMetadataAndAnAgent() {
        var state = FormatterBot.play(["track order 42", "asdf qwer"]).state
        state.metadata = ["tier": "vip", "name": "Kim"]
        state.history.append(
            Turn(text: "", intent: nil, confidence: 0, replies: ["Hi, I am Ana"], at: FormatterBot.now, agent: "ana"))
        let ticket = FormatterBot.ticket(3, "s")
        #expect(
            formatter.state(state, session: "s", handoff: .agent("ana", ticket)) == [
                .detail("session", "s (2 turns)"),
                .detail("talking to", "agent ana (from claims)"),
                .detail("slots", "order_id=42"),
                .detail("contexts", "order_talk (1 turn left)"),
                .detail("fallbacks", "1 in a row"),
                .detail("metadata", "name=Kim, tier=vip"),
                .detail("last", "\"asdf qwer\" → fallback"),
            ])
        #expect(
            value("talking to", in: formatter.state(state, session: "s", handoff: .queued(ticket)))
                == "waiting in claims (ticket 3): intent talk_to_human")
        let played = ChatFormatter(agent: "ana").state(state, session: "s", handoff: .agent("ana", ticket))
        #expect(value("talking to", in: played) == "you as ana (from claims)")
    }

    // MARK: Queues

    @Test func queuesShowWaitingTicketsInOrderAndHeldSessions() {
        let queues = [
            QueueView(name: "general", waiting: [], agents: []),
            QueueView(
                name: "claims",
                waiting: [
                    .init(
                        ticket: FormatterBot.ticket(4, "c-4"), position: 1, priority: 5, returned: true,
                        waitedSeconds: 65),
                    .init(
                        ticket: FormatterBot.ticket(2, "c-2"), position: 2, priority: 2, returned: false,
                        waitedSeconds: 3.4),
                ],
                agents: ["ana", "bo"]),
        ]
        let held = [
            "c-9": Holding(agent: "bo", ticket: FormatterBot.ticket(9, "c-9", queue: "general")),
            "c-1": Holding(agent: "ana", ticket: FormatterBot.ticket(1, "c-1")),
        ]
        let lines = formatter.queues(queues, held: held)
        #expect(
            lines == [
                .detail("general", "0 waiting, no agents"),
                .detail("claims", "2 waiting, agents ana, bo"),
                .detail("  1.", "c-4 (ticket 4, priority 5, returned, waited 1m 05s): intent talk_to_human"),
                .detail("  2.", "c-2 (ticket 2, priority 2, waited 3s): intent talk_to_human"),
                .detail("with agent", "c-1 held by ana (from claims)"),
                .detail("with agent", "c-9 held by bo (from general)"),
            ])
        #expect(
            lines[2].plain == "    1.        c-4 (ticket 4, priority 5, returned, waited 1m 05s): intent talk_to_human")
        #expect(formatter.queues([], held: [:]).isEmpty)
    }

    @Test func queuesOfARealContactCentre() throws {
        let now = FormatterBot.now
        let server = ConversationServer(engine: FormatterBot.engine, store: InMemoryConversationStore())
        _ = try server.converse(CustomerMessage(session: "c-1", text: "speak to an agent"), now: now)
        _ = try server.converse(CustomerMessage(session: "c-2", text: "speak to an agent"), now: now + 1)
        _ = try server.perform(.join(agent: "ana", queues: ["claims"], capacity: 5), now: now + 2)
        _ = try server.perform(.claim(agent: "ana", session: "c-2"), now: now + 2)
        let centre = server.contactCentre
        let lines = formatter.queues(QueueView.all(in: centre, now: now + 65), held: centre.held)
        #expect(labels(lines) == ["general", "claims", "  1.", "with agent"])
        #expect(value("claims", in: lines) == "1 waiting, agents ana")
        #expect(value("  1.", in: lines)?.hasPrefix("c-1 (ticket 1, priority ") == true)
        #expect(value("  1.", in: lines)?.hasSuffix(", waited 1m 05s): intent talk_to_human") == true)
        #expect(value("with agent", in: lines) == "c-2 held by ana (from claims)")
    }

    // MARK: Handoff summary and events

    private struct NotClaimed: Error {
        var outcome: AgentOutcome
    }

    private func claimedSummary() throws -> (HandoffSummary, Ticket) {
        let now = FormatterBot.now
        let server = ConversationServer(engine: FormatterBot.engine, store: InMemoryConversationStore())
        _ = try server.converse(CustomerMessage(session: "c-1", text: "track order 42"), now: now)
        _ = try server.converse(CustomerMessage(session: "c-1", text: "human please"), now: now + 1)
        _ = try server.perform(.join(agent: "ana", queues: ["claims"], capacity: 5), now: now + 2)
        let outcome = try server.perform(.claim(agent: "ana", session: nil), now: now + 2)
        guard case .claimed(_, let ticket, let summary, _) = outcome else { throw NotClaimed(outcome: outcome) }
        return (summary, ticket)
    }

    @Test func summaryOfARealClaim() throws {
        let (summary, ticket) = try claimedSummary()
        let lines = formatter.summary(summary, ticket: ticket)
        #expect(lines.first == .info("claimed c-1 (ticket 1 from claims): intent talk_to_human"))
        #expect(lines.contains(.detail("customer", "track order 42 [+0.00]")))
        #expect(lines.contains(.detail("bot", "Order 42 is on its way.")))
        #expect(lines.contains(.detail("intents", "track_order, talk_to_human")))
        #expect(lines.contains(.detail("slots", "order_id=42")))
        #expect(lines.contains(.detail("next steps", "- Greet the customer by name")))
        #expect(labels(lines).contains("sentiment"))
    }

    @Test func summaryShowsTranscriptIntentsSlotsTrendPhrasesAndSteps() throws {
        var (summary, ticket) = try claimedSummary()
        summary.transcript = [
            .init(speaker: "customer", text: "where is my order", sentiment: 0),
            .init(speaker: "bot", text: "It is on its way.", sentiment: nil),
            .init(speaker: "customer", text: "this is terrible", sentiment: -0.671),
            .init(speaker: "bo", text: "Sorry about that.", sentiment: nil),
        ]
        summary.intents = ["track_order", "talk_to_human"]
        summary.slots = ["order_id": "42", "email": "kim@example.com"]
        summary.sentimentTrend = "worsening"
        summary.keyPhrases = ["order", "terrible"]
        summary.nextSteps = ["Greet the customer by name", "Use the details already given"]
        #expect(
            formatter.summary(summary, ticket: ticket) == [
                .info("claimed c-1 (ticket 1 from claims): intent talk_to_human"),
                .detail("customer", "where is my order [+0.00]"),
                .detail("bot", "It is on its way."),
                .detail("customer", "this is terrible [-0.67]"),
                .detail("bo", "Sorry about that."),
                .detail("intents", "track_order, talk_to_human"),
                .detail("slots", "email=kim@example.com, order_id=42"),
                .detail("sentiment", "worsening"),
                .detail("key phrases", "order, terrible"),
                .detail("next steps", "- Greet the customer by name"),
                .detail("", "- Use the details already given"),
            ])
    }

    @Test func summaryWithNothingKnownLeavesOutEmptyParts() throws {
        var (summary, ticket) = try claimedSummary()
        summary.transcript = []
        summary.intents = []
        summary.slots = [:]
        summary.sentimentTrend = "steady"
        summary.keyPhrases = []
        summary.nextSteps = []
        #expect(
            formatter.summary(summary, ticket: ticket) == [
                .info("claimed c-1 (ticket 1 from claims): intent talk_to_human"),
                .detail("intents", "(none)"),
                .detail("sentiment", "steady"),
            ])
    }

    @Test func eventsLabelTheAgentsMessagesAndDropTheCustomers() {
        let events: [HandoffEvent] = [
            .toCustomer(session: "c-1", text: "Hi, I am Ana"),
            .toAgent(agent: "ana", session: "c-1", text: "where is my order"),
            .toCustomer(session: "c-2", text: "Back in a minute"),
        ]
        let lines = formatter.events(events, agent: "ana", current: "c-1")
        #expect(lines == [.person("ana", "Hi, I am Ana"), .person("ana → c-2", "Back in a minute")])
        #expect(lines.map(\.plain) == ["ana: Hi, I am Ana", "ana → c-2: Back in a minute"])
        #expect(
            formatter.events(events, agent: "ana", current: "default").map(\.label) == ["ana → c-1", "ana → c-2"])
    }

    @Test func turnShowsTheBotsRepliesAndWhatWentToTheAgent() {
        let turn = FormatterBot.play(["hello"])
        let desk = DeskTurn(
            turn: turn, status: .agent("ana"), events: [.toAgent(agent: "ana", session: "s", text: "hello")])
        #expect(formatter.turn(desk) == [.bot("Hello!"), .info("(delivered to ana)")])
        #expect(formatter.turn(desk).map(\.plain) == ["bot: Hello!", "(delivered to ana)"])
    }

    // MARK: Intents

    @Test func intentWithManyExamplesShowsFiveAndCountsTheRest() {
        let intent = FormatterBot.engine.intent(named: "file_claim")!
        #expect(
            formatter.intent(intent) == [
                .detail("intent", "file_claim (bot.json:5:5: intents[0])"),
                .detail("examples", "7"),
                .detail("", "\"I want to file a claim\""),
                .detail("", "\"I need to make an insurance claim\""),
                .detail("", "\"claim for a broken phone\""),
                .detail("", "\"report a damaged product\""),
                .detail("", "\"my phone was stolen\""),
                .detail("", "… 2 more"),
                .detail("slot", "policy_number: policy_number, required"),
                .detail("response", "Claim for policy {policy_number} is filed."),
            ])
    }

    @Test func intentWithPatternsSlotsAndContexts() {
        let lines = formatter.intent(FormatterBot.engine.intent(named: "track_order")!)
        #expect(lines.first == .detail("intent", "track_order (bot.json:11:5: intents[1])"))
        #expect(value("examples", in: lines)?.hasPrefix("3, 1 pattern") == true)
        #expect(value("pattern", in: lines) == "track order {order_id}")
        #expect(value("slot", in: lines) == "order_id: number")
        #expect(value("response", in: lines) == "Order {order_id} is on its way.")
    }

    @Test func intentBuiltInCodeShowsRequiresAndHandoff() throws {
        let intent = IntentDefinition(
            name: "confirm",
            examples: ["yes", "yes please", "do it", "go ahead", "sure"].map { Example($0) },
            patterns: ["yes *", "* go ahead", "ok", "fine"].map { Pattern($0) },
            responses: [try Template.parse("Done, {name}.")],
            slots: [SlotDefinition(name: "name", entity: "person")],
            contexts: ContextRules(require: ["confirm_cancel", "logged_in"]),
            handoff: IntentHandoff(queue: "general"),
            origin: DefinitionOrigin(file: "bot.json", path: "intents[4]", location: nil))
        #expect(
            formatter.intent(intent) == [
                .detail("intent", "confirm (bot.json: intents[4])"),
                .detail("examples", "5, 4 patterns"),
                .detail("", "\"yes\""),
                .detail("", "\"yes please\""),
                .detail("", "\"do it\""),
                .detail("", "\"go ahead\""),
                .detail("", "\"sure\""),
                .detail("pattern", "yes *"),
                .detail("pattern", "* go ahead"),
                .detail("pattern", "ok"),
                .detail("slot", "name: person"),
                .detail("response", "Done, {name}."),
                .detail("requires", "confirm_cancel, logged_in"),
                .detail("hands off", "to general"),
            ])
    }

    // MARK: Pieces

    /// Durations read at a glance however long: two units, the larger first.
    @Test(arguments: [
        (0.0, "0s"), (5, "5s"), (45, "45s"), (59.4, "59s"), (59.6, "1m 00s"), (125, "2m 05s"), (600, "10m 00s"),
        (3599, "59m 59s"), (3600, "1h 00m"), (7200, "2h 00m"), (7259, "2h 00m"), (86_399, "23h 59m"),
        (86_400, "1d 0h"), (259_200, "3d 0h"), (300_000, "3d 11h"), (31_622_400, "366d 0h"), (-5, "0s"),
    ])
    func duration(seconds: Double, expected: String) {
        #expect(formatter.duration(seconds) == expected)
    }

    @Test func describeStatus() {
        #expect(formatter.describe(.bot) == "bot")
        #expect(formatter.describe(.agent("ana")) == "agent ana")
        #expect(
            formatter.describe(
                .queued(QueueInfo(ticket: FormatterBot.ticket(1, "s"), position: 3, estimatedWaitSeconds: 42)))
                == "waiting in claims, number 3 (about 42s)")
    }

    /// An expired session's notice names what it dropped: every form (the one being asked
    /// first), the call the bot waited for and the slots.
    @Test func anExpiryNamesWhatWasDropped() {
        var state = SessionState(id: "s", language: "en", now: 0)
        state.forms = [
            FormProgress(intent: "order_status", pendingSlot: "order_id"),
            FormProgress(intent: "file_claim", pendingSlot: FormProgress.confirmation),
        ]
        state.slots = ["policy_number": "PN-123456", "product": "phone"]
        state.pendingAction = PendingAction(
            call: "s/0/1", name: "lookup_order", intent: "order_status", slots: ["order_id": "AB123456"], at: 0,
            timeout: 15)
        let line = ChatFormatter().expiry(SessionExpiry(state, ttl: 1_800, now: 7_200), session: "s")
        #expect(
            line
                == .info(
                    "(session s had expired: idle for 2h 00m, longer than session_ttl 30m 00s; dropped form file_claim (waiting for a yes to its read-back), form order_status (waiting for order_id), the wait for lookup_order(order_id=AB123456), slots policy_number, product; this message started it afresh)"
                ))
        let bare = ChatFormatter().expiry(
            SessionExpiry(SessionState(id: "s", language: "en", now: 0), ttl: 60, now: 61), session: "s")
        #expect(
            bare.text
                == "(session s had expired: idle for 1m 01s, longer than session_ttl 1m 00s; this message started it afresh)"
        )
    }
}
