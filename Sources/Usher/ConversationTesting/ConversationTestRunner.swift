import Foundation

/// Plays conversation tests against a bot and compares each turn with its expectations.
///
/// Each conversation starts a fresh session at its own fixed clock, so a test gives the same
/// result on every run and machine.
public struct ConversationTestRunner: Sendable {
    public let engine: DialogEngine

    public init(engine: DialogEngine) {
        self.engine = engine
    }

    /// Runs the conversation through a real contact centre (a ``ConversationServer`` over an
    /// in-memory store), so a handoff queues the customer and agents' steps act as they do in
    /// `usher serve`. The test is one ``load(_:file:)`` read, or one ``mistakes(in:)`` found no
    /// mistake in: a `"lang"` the bot does not serve is a mistake of the file, not a failure.
    /// A test that did not come that way and names such a language fails at once rather than
    /// run in the bot's own language (a mistyped "dee" once did).
    public func run(_ test: ConversationTest) -> ConversationTestResult {
        if let language = test.language, engine.servingLanguage(for: language) == nil {
            let failure = TestFailure(
                turn: 0, say: test.turns.first?.say ?? "", field: "lang",
                expected: "a language the bot serves (\(engine.bot.languages.joined(separator: ", ")))",
                actual: "\"\(language)\"", origin: test.origin)
            return ConversationTestResult(
                name: test.name, turns: test.turns.count, failures: [failure], origin: test.origin)
        }
        let server = ConversationServer(engine: engine, store: InMemoryConversationStore(), masker: nil)
        var now = test.start
        var failures: [TestFailure] = []
        var joined: Set<String> = []
        for (index, turn) in test.turns.enumerated() {
            now += turn.advance
            do {
                if let step = turn.agent {
                    if joined.insert(step.agent).inserted {
                        // Agents serve every queue, with room for every conversation of the test.
                        _ = try server.perform(
                            .join(agent: step.agent, queues: engine.bot.settings.handoff.queues, capacity: 1_000),
                            now: now)
                    }
                    let outcome = try server.perform(step.request(session: test.session), now: now)
                    let slots = try server.session(test.session, now: now)?.slots ?? [:]
                    failures += check(
                        turn, intent: nil, slots: slots, reply: outcome.shownToCustomer.joined(separator: "\n"),
                        state: step.stateAfter, index: index)
                } else {
                    let desk: DeskTurn
                    if let result = turn.result {
                        guard let pending = try server.session(test.session, now: now)?.pendingAction else {
                            failures.append(
                                TestFailure(
                                    turn: index, say: turn.say, field: "result", expected: "an action waiting for it",
                                    actual: "no action waits for a result", origin: turn.origin))
                            continue
                        }
                        desk = try server.deliver(
                            ActionResult(
                                session: test.session, call: pending.call, outcome: result.outcome,
                                values: result.values, error: result.error), now: now)
                    } else {
                        desk = try server.converse(
                            CustomerMessage(
                                session: test.session, text: turn.say, metadata: turn.meta, language: test.language),
                            now: now)
                    }
                    failures += check(
                        turn, intent: desk.turn.intent, slots: desk.turn.state.slots,
                        reply: desk.turn.replies.joined(separator: "\n"), state: desk.state, index: index)
                    if let expected = turn.action, expected != desk.turn.called?.name {
                        failures.append(
                            TestFailure(
                                turn: index, say: turn.say, field: "action", expected: describe(expected),
                                actual: describe(desk.turn.called?.name), origin: turn.origin))
                    }
                }
            } catch {
                failures.append(
                    TestFailure(
                        turn: index, say: turn.say, field: "error", expected: "no error", actual: "\(error)",
                        origin: turn.origin))
            }
        }
        return ConversationTestResult(name: test.name, turns: test.turns.count, failures: failures, origin: test.origin)
    }

    private func check(
        _ turn: TestTurn, intent: String?, slots: [String: String], reply: String, state actual: String, index: Int
    ) -> [TestFailure] {
        var failures: [TestFailure] = []
        func fail(_ field: String, _ expected: String, _ actual: String) {
            failures.append(
                TestFailure(
                    turn: index, say: turn.say, field: field, expected: expected, actual: actual, origin: turn.origin))
        }
        if let expected = turn.intent, expected != intent {
            fail("intent", describe(expected), describe(intent))
        }
        for (name, expected) in turn.slots.sorted(by: { $0.key < $1.key }) where slots[name] != expected {
            fail("slots.\(name)", describe(expected), describe(slots[name]))
        }
        if let expected = turn.reply, expected != reply { fail("reply", describe(expected), describe(reply)) }
        if let fragment = turn.replyContains, !reply.contains(fragment) {
            fail("reply_contains", describe(fragment), describe(reply))
        }
        if let pattern = turn.replyMatches, !ReplyPattern.matches(pattern, reply) {
            fail("reply_matches", "/\(pattern)/", describe(reply))
        }
        if let state = turn.state, state != actual { fail("state", describe(state), describe(actual)) }
        return failures
    }

    private func describe(_ value: String?) -> String {
        value.map(JSONWriter.string) ?? "null"
    }
}

extension TestAgentStep {
    func request(session: String) -> AgentRequest {
        switch kind {
        case .claim: .claim(agent: agent, session: session)
        case .says(let text): .say(agent: agent, session: session, text: text)
        case .transfer(let queue): .transfer(agent: agent, session: session, queue: queue)
        case .release: .release(agent: agent, session: session)
        case .close: .close(agent: agent, session: session)
        }
    }

    /// Whom the customer talks to after the step.
    var stateAfter: String {
        switch kind {
        case .claim, .says: "agent"
        case .transfer: "queued"
        case .release, .close: "bot"
        }
    }
}

/// How one conversation went.
public struct ConversationTestResult: Sendable {
    public var name: String
    public var turns: Int
    public var failures: [TestFailure]
    public var origin: DefinitionOrigin

    public var passed: Bool { failures.isEmpty }
}

/// One expectation a turn did not meet.
public struct TestFailure: Sendable, Equatable {
    /// The turn's position, from 0.
    public var turn: Int
    public var say: String
    public var field: String
    public var expected: String
    public var actual: String
    public var origin: DefinitionOrigin
}

/// Regular expressions for `reply_matches` (Foundation's, searched anywhere in the reply).
enum ReplyPattern {
    /// Why `pattern` cannot be used, or `nil` when it can. Foundation says only that a pattern
    /// is invalid; Swift's own parser, which reads the same syntax, says why ("expected ')'").
    static func problem(_ pattern: String) -> String? {
        guard (try? NSRegularExpression(pattern: pattern)) == nil else { return nil }
        let problem = "invalid regular expression: \(JSONWriter.string(pattern))"
        do {
            _ = try Regex(pattern)
            return problem
        } catch {
            return "\(problem): \(error)"
        }
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
