import Testing

@testable import Usher

/// How actions are written, and every mistake in them refused at load with file, line and path.
@Suite("Action definitions")
struct ActionDefinitionTests {
    static func load(_ json: String) throws(DefinitionErrors) -> BotDefinition {
        try BotLoader.load(sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))])
    }

    @Test func loadsAnActionWithItsVariantsAndTimeout() throws {
        let bot = try Self.load(
            #"""
            {"settings": {"action_timeout": 12},
             "intents": [{"name": "a", "examples": ["x"],
              "action": {"name": "lookup", "say": "One moment.", "timeout": 3,
                         "responses": {"found": ["Got {result.status}."], "not_found": ["None."]}}}]}
            """#)
        #expect(bot.settings.actionTimeout == 12)
        let action = try #require(bot.intent(named: "a")?.action)
        #expect(action.name == "lookup")
        #expect(action.timeout == 3)
        #expect(action.waiting?.description == "One moment.")
        #expect(action.responses["found"]?.map(\.description) == ["Got {result.status}."])
        #expect(action.responses["found"]?.first?.slotNames == ["result.status"])
        #expect(action.responses["not_found"]?.count == 1)
    }

    @Test(arguments: [
        (
            #"{"intents": [{"name": "a", "examples": ["x"], "action": {"say": "hi"}}]}"#,
            "bot.json:1:57: intents[0].action: an action needs a \"name\", which the integrating program dispatches on"
        ),
        (
            #"{"intents": [{"name": "a", "examples": ["x"], "action": {"name": "look up"}}]}"#,
            "bot.json:1:66: intents[0].action.name: invalid action name \"look up\": use letters, digits and _, starting with a letter"
        ),
        (
            #"{"intents": [{"name": "a", "examples": ["x"], "action": {"name": "l", "responses": ["x"]}}]}"#,
            "bot.json:1:84: intents[0].action.responses: expected an object of outcomes and their replies, such as {\"found\": [\"…\"], \"not_found\": [\"…\"], \"failed\": [\"…\"]}, found an array"
        ),
        (
            #"{"intents": [{"name": "a", "examples": ["x"], "action": {"name": "l", "responses": {"not found": ["x"]}}}]}"#,
            "bot.json:1:98: intents[0].action.responses.not found: invalid outcome name \"not found\": use letters, digits and _, starting with a letter"
        ),
        (
            #"{"intents": [{"name": "a", "examples": ["x"], "action": {"name": "l", "responses": {"found": []}}}]}"#,
            "bot.json:1:94: intents[0].action.responses.found: an outcome needs at least one reply"
        ),
        (
            #"{"intents": [{"name": "a", "examples": ["x"], "action": {"name": "l", "timeout": 0}}]}"#,
            "bot.json:1:82: intents[0].action.timeout: must be between 1 and 86400, found 0"
        ),
        (
            #"{"intents": [{"name": "a", "examples": ["x"], "action": {"name": "l", "wait": "x"}}]}"#,
            "bot.json:1:71: intents[0].action.wait: unknown key \"wait\"; expected one of \"name\", \"say\", \"responses\", \"timeout\""
        ),
        (
            #"{"intents": [{"name": "a", "examples": ["x"], "responses": ["It is {result.status}."]}]}"#,
            "bot.json:1:61: intents[0].responses[0]: {result.…} is filled only in an action's replies (\"action\": {\"responses\": …})"
        ),
        (
            #"{"intents": [{"name": "a", "examples": ["x {result.y}"], "action": {"name": "l"}}]}"#,
            "bot.json:1:41: intents[0].examples[0]: {result.…} is filled only in an action's replies (\"action\": {\"responses\": …})"
        ),
        (
            #"{"settings": {"handoff": {"queues": ["general"]}}, "intents": [{"name": "a", "examples": ["x"], "handoff": {"queue": "general"}, "action": {"name": "l"}}]}"#,
            "bot.json:1:140: intents[0].action: an intent that hands off cannot also call an action: the customer is with a person before the result comes"
        ),
        (
            #"{"settings": {"action_timeout": 0}, "intents": [{"name": "a", "examples": ["x"]}]}"#,
            "bot.json:1:33: settings.action_timeout: must be between 1 and 86400, found 0"
        ),
    ])
    func reportsEachMistake(json: String, expected: String) {
        do {
            // For matching: some of these intents cannot reply, which is another error.
            _ = try BotLoader.load(
                sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))], for: .matching)
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.description) == [expected])
        }
    }

    @Test func theLinterWarnsOfOutcomesThatWouldSayNothing() throws {
        let bot = try Self.load(
            #"{"intents": [{"name": "a", "examples": ["x", "y", "z"], "action": {"name": "l", "responses": {"found": ["ok"]}}}]}"#
        )
        let messages = BotLinter.warnings(for: bot).map(\.message)
        #expect(
            messages.contains(
                "intent \"a\": its action \"l\" has no replies for not_found and the intent no responses, so such a result says nothing"
            ), "\(messages)")
        #expect(!messages.contains("intent \"a\" has no responses"))
    }
}
