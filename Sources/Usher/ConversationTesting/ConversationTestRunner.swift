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

    public func run(_ test: ConversationTest) -> ConversationTestResult {
        var state: SessionState?
        var now = test.start
        var failures: [TestFailure] = []
        // Without a contact centre, a handed-off customer waits in the queue from then on.
        var queued = false
        for (index, turn) in test.turns.enumerated() {
            now += turn.advance
            let result = engine.respond(
                to: CustomerMessage(session: test.session, text: turn.say, metadata: turn.meta), state: state, now: now,
                attended: queued)
            state = result.state
            queued = queued || result.handoff != nil
            failures += check(turn, result, index: index, queued: queued)
        }
        return ConversationTestResult(name: test.name, turns: test.turns.count, failures: failures, origin: test.origin)
    }

    private func check(_ turn: TestTurn, _ result: TurnResult, index: Int, queued: Bool) -> [TestFailure] {
        var failures: [TestFailure] = []
        func fail(_ field: String, _ expected: String, _ actual: String) {
            failures.append(
                TestFailure(
                    turn: index, say: turn.say, field: field, expected: expected, actual: actual, origin: turn.origin))
        }
        if let expected = turn.intent, expected != result.intent {
            fail("intent", describe(expected), describe(result.intent))
        }
        for (name, expected) in turn.slots.sorted(by: { $0.key < $1.key }) where result.state.slots[name] != expected {
            fail("slots.\(name)", describe(expected), describe(result.state.slots[name]))
        }
        let reply = result.replies.joined(separator: "\n")
        if let expected = turn.reply, expected != reply { fail("reply", describe(expected), describe(reply)) }
        if let fragment = turn.replyContains, !reply.contains(fragment) {
            fail("reply_contains", describe(fragment), describe(reply))
        }
        if let pattern = turn.replyMatches, !ReplyPattern.matches(pattern, reply) {
            fail("reply_matches", "/\(pattern)/", describe(reply))
        }
        let actual = queued ? "queued" : "bot"
        if let state = turn.state, state != actual { fail("state", describe(state), describe(actual)) }
        return failures
    }

    private func describe(_ value: String?) -> String {
        value.map(JSONWriter.string) ?? "null"
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
    static func isValid(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern)) != nil
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
