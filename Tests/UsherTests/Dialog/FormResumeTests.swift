import Testing

@testable import Usher

/// A resumed form asked again for a value it already had (issue 12: after an interrupting form
/// took the order number, the first asked "What is your order number?" once more).
@Suite("Resuming a form")
struct FormResumeTests {
    static let json = """
        {"entities": {"order_id": {"regex": "\\\\b[A-Z]{2}\\\\d{6}\\\\b"}},
         "intents": [
          {"name": "order_status", "examples": ["where is my order", "track my order", "has my parcel shipped"],
           "slots": {"order_id": {"entity": "order_id", "required": true, "prompt": "What is your order number?"}},
           "responses": ["Order {order_id} is on its way."]},
          {"name": "cancel_order", "examples": ["cancel my order", "I want to cancel an order", "stop my order"],
           "slots": {"order_id": {"entity": "order_id", "required": true, "prompt": "Which order should I cancel?"}},
           "responses": ["Order {order_id} is cancelled."]}
         ]}
        """

    @Test func aValueOnceGivenIsNeverAskedForAgain() throws {
        let bot = try BotLoader.load(sources: [BotLoader.Source(name: "shop.json", bytes: Array(Self.json.utf8))])
        let turns = converse(["where is my order", "cancel my order", "AB123456"], engine: try DialogEngine(bot: bot))
        #expect(turns[0].replies == ["What is your order number?"])
        #expect(turns[1].replies == ["Which order should I cancel?"])
        // Both forms had what they needed: neither asks again.
        #expect(turns[2].replies == ["Order AB123456 is cancelled.", "Order AB123456 is on its way."])
        #expect(turns[2].state.forms.isEmpty)
    }
}
