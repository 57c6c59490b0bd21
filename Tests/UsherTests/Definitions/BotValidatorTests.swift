import Testing

@testable import Usher

/// The checks that span a whole bot; here, that every intent can reply.
@Suite("BotValidator")
struct BotValidatorTests {
    private static func load(_ json: String, for use: BotLoader.Use = .conversation) throws(DefinitionErrors)
        -> BotDefinition
    {
        try BotLoader.load(sources: [BotLoader.Source(name: "billing.json", bytes: Array(json.utf8))], for: use)
    }

    private static func errors(_ intents: String) -> [String] {
        do {
            _ = try load(
                #"{"intents": [{"name": "hi", "examples": ["hello"], "responses": ["Hi!"]},"# + "\n" + intents + "]}")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// The new-user trial: a learned intent without responses matched "do you ship to canada",
    /// and the customer got nothing.
    @Test func anIntentWithoutResponsesIsAnError() {
        #expect(
            Self.errors(#"{"name": "shipping_destinations", "examples": ["do you ship to canada"]}"#) == [
                #"billing.json:2:1: intents[1]: intent "shipping_destinations" has no responses: a customer it matches would get no reply; give it "responses" (or an "action" or a "handoff")"#
            ])
    }

    /// Slots ask, but a completed form answers with the intent's responses, or with nothing;
    /// contexts set are no reply either.
    @Test(arguments: [
        (
            #"{"name": "claim", "examples": ["file a claim"], "slots": {"policy": {"entity": "number", "required": true, "prompt": "Which policy?"}}}"#,
            "who completes its form"
        ),
        (#"{"name": "maybe", "examples": ["maybe"], "contexts": {"set": {"asked": 2}}}"#, "it matches"),
    ])
    func slotsAndContextsDoNotReply(intent: String, when: String) {
        let messages = Self.errors(intent)
        #expect(
            messages.count == 1 && messages[0].contains("has no responses: a customer \(when) would get no reply"),
            "\(messages)")
    }

    /// What replies without responses of its own: an action (its outcomes' replies; an outcome
    /// without one is refused when its result comes, and the linter warns), a handoff (the
    /// built-in handoff line), and an intent with responses of course.
    @Test(arguments: [
        #"{"name": "order", "examples": ["my order"], "action": {"name": "lookup_order", "responses": {"found": ["Found."], "not_found": ["No such order."]}}}"#,
        #"{"name": "balance", "examples": ["my balance"], "action": {"name": "get_balance", "responses": {"found": ["You have {result.amount}."]}}}"#,
        #"{"name": "human", "examples": ["a person please"], "handoff": {"queue": "general"}}"#,
        #"{"name": "bye", "examples": ["bye"], "responses": ["Bye!"], "contexts": {"clear": ["asked"]}}"#,
    ])
    func intentsThatReplyLoad(intent: String) {
        #expect(Self.errors(intent) == [])
    }

    /// Matching alone (`usher match`, `eval`, `bench`) needs no replies: a bot `usher import`
    /// made from labelled data has none.
    @Test func aBotForMatchingNeedsNoResponses() throws {
        let bot = try Self.load(#"{"intents": [{"name": "a", "examples": ["x y z"]}]}"#, for: .matching)
        #expect(bot.intents.map(\.name) == ["a"])
    }

    /// The new-user trial: `"responses": [{"text": …}]` was told twice, as a wrong type and as
    /// an intent with no responses. Responses, an action or a handoff written wrong are told
    /// once, where they are written.
    @Test(arguments: [
        (
            #"{"name": "thanks", "examples": ["thanks"], "responses": [{"text": "You're welcome!"}]}"#,
            "billing.json:2:58: intents[1].responses[0]: expected a string, found an object"
        ),
        (
            #"{"name": "thanks", "examples": ["thanks"], "responses": "You're welcome!"}"#,
            "billing.json:2:57: intents[1].responses: expected an array, found a string"
        ),
        (
            #"{"name": "order", "examples": ["my order"], "action": {"say": "One moment."}}"#,
            #"billing.json:2:55: intents[1].action: an action needs a "name", which the integrating program dispatches on"#
        ),
        (
            #"{"name": "human", "examples": ["a person"], "handoff": {"priority": 2}}"#,
            #"billing.json:2:56: intents[1].handoff: a handoff needs a "queue""#
        ),
    ])
    func responsesWrittenWrongAreToldOnce(intent: String, expected: String) {
        #expect(Self.errors(intent) == [expected])
    }

    /// `usher learn` tells the errors of intents still without responses from the others.
    @Test func theErrorNamesTheIntent() {
        do {
            _ = try Self.load(
                #"{"intents": [{"name": "a", "examples": ["x"]}, {"name": "b", "examples": ["y"], "responses": ["ok"]}]}"#
            )
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.replylessIntent) == ["a"])
        }
    }
}
