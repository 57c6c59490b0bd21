import Testing

@testable import Usher

/// Conversation tests supply actions' results (`{"result": …}`), so flows with actions are
/// tested offline, and `usher chat --actions` reads canned results; both report every mistake.
@Suite("Conversation tests with actions")
struct ConversationTestActionTests {
    static func suite(_ json: String) throws(DefinitionErrors) -> ConversationTestSuite {
        try ConversationTestDecoder.load(Array(json.utf8), file: "t.json")
    }

    @Test func resultsAnswerTheCallAndExpectationsCheckIt() throws {
        let tests = try Self.suite(
            #"""
            {"conversations": [{"name": "lookup", "turns": [
              {"say": "where is my order AB123456", "action": "lookup_order", "state": "action"},
              {"result": {"values": {"status": "shipped"}}, "reply": "Order AB123456: shipped.", "state": "bot", "action": null},
              {"say": "what is my balance", "action": "get_balance"},
              {"result": {"error": "timeout"}, "reply": "The bank is not answering."}
            ]},
            {"name": "wrong expectations", "turns": [
              {"say": "where is my order AB123456", "action": "get_balance", "state": "bot"},
              {"result": {"outcome": "not_found"}, "reply": "Order AB123456: shipped."},
              {"result": {"outcome": "found"}}
            ]}]}
            """#)
        let runner = ConversationTestRunner(engine: DialogActionTests.engine)
        #expect(runner.run(tests.conversations[0]).failures == [])
        let failures = runner.run(tests.conversations[1]).failures
        #expect(
            failures.map { "\($0.turn) \($0.field): \($0.expected) ≠ \($0.actual)" } == [
                #"0 state: "bot" ≠ "action""#, #"0 action: "get_balance" ≠ "lookup_order""#,
                #"1 reply: "Order AB123456: shipped." ≠ "No order AB123456.""#,
                "2 result: an action waiting for it ≠ no action waits for a result",
            ])
    }

    @Test(arguments: [
        (
            #"{"conversations": [{"name": "a", "turns": [{"result": {"outcome": "x y"}}]}]}"#,
            "t.json:1:67: conversations[0].turns[0].result.outcome: an outcome is a name of letters, digits and _, such as found or not_found"
        ),
        (
            #"{"conversations": [{"name": "a", "turns": [{"result": {"outcome": "found", "error": "x"}}]}]}"#,
            "t.json:1:67: conversations[0].turns[0].result.outcome: a result with \"error\" is a failure: leave \"outcome\" out or make it \"failed\""
        ),
        (
            #"{"conversations": [{"name": "a", "turns": [{"result": {"value": {}}}]}]}"#,
            "t.json:1:56: conversations[0].turns[0].result.value: unknown key \"value\"; did you mean \"values\"?"
        ),
        (
            #"{"conversations": [{"name": "a", "turns": [{"say": "x", "result": {}}]}]}"#,
            "t.json:1:52: conversations[0].turns[0].say: a result step has no \"say\": the business's systems answer, not the customer"
        ),
        (
            #"{"conversations": [{"name": "a", "turns": [{"agent": "ann", "does": "claim", "result": {}}]}]}"#,
            "t.json:1:88: conversations[0].turns[0].result: an agent's step has no \"result\": that belongs to a customer's turn"
        ),
        (
            #"{"conversations": [{"name": "a", "turns": [{"result": {"values": {"n": [1]}}}]}]}"#,
            "t.json:1:72: conversations[0].turns[0].result.values.n: expected a string, number, boolean or null, found an array"
        ),
        (
            #"{"conversations": [{"name": "a", "turns": [{"result": {"values": {"n": 1e300}}}]}]}"#,
            "t.json:1:72: conversations[0].turns[0].result.values.n: a number too large to keep exactly; write it as a string"
        ),
    ])
    func reportsMistakesInResultSteps(json: String, message: String) {
        do {
            _ = try Self.suite(json)
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.description) == [message])
        }
    }

    /// A test gives what a real backend sends: numbers and booleans as `usher serve` reads them,
    /// and an empty field is no value, so the reply that needs it is skipped (it said "Order
    /// AB123456 is ; it should arrive on .").
    @Test func resultValuesAreReadAsTheServerReadsThem() throws {
        let tests = try Self.suite(
            #"""
            {"conversations": [{"name": "values", "turns": [
              {"say": "where is my order AB123456", "action": "lookup_order"},
              {"result": {"values": {"status": "shipped", "eta": ""}}, "reply": "Order AB123456: shipped."},
              {"say": "where is my order CD123456", "action": "lookup_order"},
              {"result": {"values": {"status": 7, "eta": "  "}}, "reply": "Order CD123456: 7."},
              {"say": "where is my order EF123456", "action": "lookup_order"},
              {"result": {"values": {"status": ""}}, "reply": "No order EF123456."}
            ]}]}
            """#)
        #expect(ConversationTestRunner(engine: DialogActionTests.engine).run(tests.conversations[0]).failures == [])
    }

    @Test func cannedResultsAnswerByTheCallsSlotsInOrder() throws {
        let canned = try CannedActionResults.load(
            Array(
                #"""
                {"lookup_order": [
                  {"when": {"order_id": "AB123456"}, "values": {"status": "shipped"}},
                  {"outcome": "not_found"}],
                 "get_balance": [{"error": "down"}]}
                """#.utf8), file: "r.json")
        func call(_ name: String, _ slots: [String: String]) -> PendingAction {
            PendingAction(call: "c", name: name, intent: "i", slots: slots, at: 0, timeout: 1)
        }
        #expect(
            canned.result(for: call("lookup_order", ["order_id": "AB123456"]))
                == TestActionResult(outcome: "found", values: ["status": "shipped"]))
        #expect(
            canned.result(for: call("lookup_order", ["order_id": "XY000000"])) == TestActionResult(outcome: "not_found")
        )
        #expect(canned.result(for: call("get_balance", [:])) == TestActionResult(outcome: "failed", error: "down"))
        #expect(canned.result(for: call("file_claim", [:])) == nil)
    }

    @Test(arguments: [
        (
            "[]",
            "r.json:1:1: expected an object of actions and their results, such as {\"lookup_order\": [{\"values\": {\"status\": \"shipped\"}}]}, found an array"
        ),
        (#"{"lookup": {}}"#, "r.json:1:12: lookup: expected an array, found an object"),
        (#"{"lookup": [3]}"#, "r.json:1:13: lookup[0]: expected an object such as {\"when\": {…}, \"values\": {…}}"),
        (
            #"{"lookup": [{"when": {"a": 1}}]}"#,
            "r.json:1:28: lookup[0].when.a: expected a string or null, found a number"
        ),
        (
            #"{"lookup": [{"outcom": "x"}]}"#,
            "r.json:1:14: lookup[0].outcom: unknown key \"outcom\"; did you mean \"outcome\"?"
        ),
        ("{", "r.json:1:2: unexpected end of input; expected a key in double quotes"),
    ])
    func reportsMistakesInCannedResults(json: String, message: String) {
        do {
            _ = try CannedActionResults.load(Array(json.utf8), file: "r.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.description) == [message])
        }
    }

    /// Typos in an action's name or a `when` slot made cases that never answered, unreported.
    @Test(arguments: [
        (
            #"{"lookup_ordr": [{"outcome": "not_found"}]}"#,
            "r.json:1:17: lookup_ordr: no intent of the bot calls action \"lookup_ordr\"; did you mean \"lookup_order\"? (it calls get_balance, lookup_order)"
        ),
        (
            #"{"lookup_order": [{"when": {"ordr_id": "AB123456"}, "outcome": "not_found"}]}"#,
            "r.json:1:28: lookup_order[0].when.ordr_id: \"lookup_order\" is called with no slot \"ordr_id\"; did you mean \"order_id\"? (its slots: order_id)"
        ),
    ])
    func reportsActionsAndSlotsTheBotDoesNotHave(json: String, message: String) {
        do {
            _ = try CannedActionResults.load(Array(json.utf8), file: "r.json", bot: DialogActionTests.engine.bot)
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.description) == [message])
        }
    }
}
