import Testing

@testable import Usher

/// A bot whose order numbers are a regex entity and whose greeting is strong: "hi" alone is a
/// greeting, but "hi, order AB123456" carries an order number, which only order examples have.
private let placeholderBot: BotDefinition = {
    let json = """
        {"entities": {"order_id": {"regex": "(?i)\\\\b[A-Z]{2}[0-9]{6}\\\\b"},
                      "product": {"values": {"router": ["modem"]}}},
         "intents": [
          {"name": "order_status", "examples": ["where is my order", "track my package", "status of {order_id}",
             "has {order_id} shipped", "where is KT482913", "when will my parcel arrive"],
           "patterns": ["track {order_id}"], "slots": {"order_id": {"entity": "order_id"}}},
          {"name": "greeting", "examples": ["hi", "hello", "hi there", "hello, anyone there", "hey", "good morning"]},
          {"name": "router_help", "examples": ["my router is broken", "the modem keeps dropping", "router lights blink"]}
        ]}
        """
    return try! BotLoader.load(
        sources: [BotLoader.Source(name: "placeholders.json", bytes: Array(json.utf8))], for: .matching)
}()

@Suite("EntityPlaceholders")
struct EntityPlaceholdersTests {
    let placeholders = EntityPlaceholders(entities: placeholderBot.entities)

    @Test func replacesRegexEntitiesWithTheirTypesWord() {
        #expect(placeholders.replacing("hi, order AB123456 please") == "hi, order  zqzorderidzqz  please")
        #expect(placeholders.replacing("訂單AB123456") == "訂單 zqzorderidzqz ")
    }

    /// Synonym and built-in entities keep their words, which say something; no match, no copy.
    @Test func leavesOtherTextAlone() {
        #expect(placeholders.replacing("my modem for 20 dollars tomorrow") == nil)
        #expect(EntityPlaceholders(entities: [:]).replacing("AB123456") == nil)
    }

    @Test func examplesTeachThePlaceholderForMarkersAndLiteralValues() {
        let texts = ExampleTable(intents: placeholderBot.intents).learningTexts(placeholders)
        #expect(texts.contains("status of  zqzorderidzqz "))
        #expect(texts.contains("where is  zqzorderidzqz "))
        // Without a regex entity a marker is a space, as before.
        #expect(ExampleTable(intents: placeholderBot.intents).learningTexts.contains("status of  "))
    }

    @Test func anOrderNumberOutweighsAGreetingAndTheExplanationNamesIt() throws {
        let matcher = Matcher(bot: placeholderBot)
        #expect(matcher.match("hi").intent == "greeting")
        let result = matcher.match("hi, order AB123456")
        #expect(result.intent == "order_status")
        guard case .similarity(_, _, let words) = result.evidence else {
            Issue.record("expected similarity evidence, got \(result.evidence)")
            return
        }
        #expect(words.contains { $0.word == "{order_id}" && $0.weight > 0 })
    }

    /// Patterns read the customer's own words: a capture keeps the order number.
    @Test func patternsStillSeeTheWords() {
        let result = Matcher(bot: placeholderBot).match("track AB123456")
        guard case .pattern(_, _, let captures) = result.evidence else {
            Issue.record("expected a pattern, got \(result.evidence)")
            return
        }
        #expect(captures["order_id"]?.lowercased() == "ab123456")
    }
}
