import Testing

@testable import Usher

/// A negated request is not the request: "please don't cancel my order" must not cancel it,
/// unless the intent's own examples say it negated; the explanation names the word and the cue.
@Suite("Matcher: negated requests")
struct MatcherNegationTests {
    static let json = """
        {"intents": [
          {"name": "cancel_order", "examples": ["cancel my order", "I want to cancel my order",
             "please cancel the order", "stop my order", "I changed my mind, don't send it"],
           "responses": ["ok"]},
          {"name": "change_address", "examples": ["change my delivery address", "update the address",
             "I moved, new address please", "wrong address on my order"], "responses": ["ok"]},
          {"name": "talk_to_human", "examples": ["talk to a person", "I want a human", "get me an agent",
             "I don't want to talk to a bot"], "responses": ["ok"]}
         ]}
        """
    static let matcher = Matcher(
        bot: try! BotLoader.load(sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))]))

    @Test func aNegatedRequestDoesNotMatchItsIntent() {
        let plain = Self.matcher.match("please cancel my order")
        #expect(plain.intent == "cancel_order")
        #expect(plain.negation == nil)
        let negated = Self.matcher.match("please don't cancel my order")
        #expect(negated.intent == nil)
        #expect(negated.negation == MatchResult.Negation(intent: "cancel_order", word: "cancel", cue: "dont"))
        #expect(negated.candidates.first?.intent == "cancel_order", "the candidates still show what nearly matched")
    }

    @Test func theNextIntentMatchesWhenAnotherClauseAsksForIt() {
        let result = Self.matcher.match("I don't want to cancel my order, just change the address")
        #expect(result.intent == "change_address")
        #expect(result.negation?.intent == "cancel_order")
    }

    @Test func theRunnerUpMustNotBeDecidedInsideTheNegatedClause() {
        let result = Self.matcher.match("I don't want to talk to a person")
        #expect(result.intent == nil)
        #expect(result.negation?.intent == "talk_to_human")
        #expect(result.negation?.word == "person")
    }

    @Test func anIntentWhoseExamplesSayTheWordNegatedKeepsIt() {
        // "I changed my mind, don't send it" teaches cancel_order a negated "send"; "I don't want
        // to talk to a bot" teaches talk_to_human a negated "bot".
        #expect(Self.matcher.match("don't send it").intent == "cancel_order")
        #expect(Self.matcher.match("I don't want to talk to a bot").intent == "talk_to_human")
    }

    @Test func statementsOfAProblemAreNotNegations() {
        let result = Self.matcher.match("I don't know my delivery address")
        #expect(result.negation == nil)
    }

    @Test func aPatternIsNegatedWhenItsWordsStandInTheScope() throws {
        let json = """
            {"language": "de", "intents": [
              {"name": "talk_to_human", "examples": ["mit einem Menschen sprechen"],
               "patterns": ["* mit einem menschen sprechen *"], "responses": ["ok"]},
              {"name": "greeting", "examples": ["hallo", "guten Tag"], "responses": ["hallo"]}
            ]}
            """
        let matcher = Matcher(
            bot: try BotLoader.load(sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))]))
        #expect(matcher.match("ich will mit einem Menschen sprechen").intent == "talk_to_human")
        let negated = matcher.match("ich möchte nicht mit einem Menschen sprechen")
        #expect(negated.intent == nil)
        #expect(negated.negation?.cue == "nicht")
    }
}
