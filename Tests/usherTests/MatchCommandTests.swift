import Foundation
import Testing

@Suite("usher match")
struct MatchCommandTests {
    @Test func explainsAMatchWithTheClosestExample() throws {
        let output = try UsherBinary.run(["match", "wher is my ordr"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "> wher is my ordr")
        #expect(lines[1] == "intent      order_status")
        #expect(lines.contains { $0.hasPrefix("closest     \"where is my order\" (intents/orders.json:") })
    }

    /// "please don't cancel my order" matched cancel_order at 0.999: the example bot would have
    /// started cancelling. Now it gets the fallback, and the explanation says why.
    @Test func aNegatedRequestIsExplained() throws {
        let lines = try explanation(of: "please don't cancel my order")
        #expect(lines[1] == "intent      (out of scope: fallback)")
        #expect(
            lines[2]
                == "negated     not cancel_order: \"cancel\" follows \"dont\", and none of its examples says it negated"
        )
        let result = try germanJSON(of: "Ich möchte meine Bestellung nicht stornieren")
        #expect(result["intent"] is NSNull)
        let negation = try #require(result["negation"] as? [String: String])
        #expect(negation == ["intent": "cancel_order", "word": "stornieren", "cue": "nicht"])
    }

    /// "5/12" matched billing_question at 0.91 and "bis zum 5." goodbye at 0.82: a date alone
    /// says no request. Now they get the fallback, and the explanation names the intent that
    /// was not chosen and why.
    @Test func aDateAloneIsExplained() throws {
        let lines = try explanation(of: "5/12")
        #expect(lines[1] == "intent      (out of scope: fallback)")
        #expect(
            lines[2]
                == "confidence  0.9131 for billing_question, the best intent (threshold 0.5000), not chosen: the "
                + "message is nothing but date entities, and no example of billing_question is")
        #expect(lines.contains("decided by  only date entities, which ask for nothing"))
        let result = try germanJSON(of: "bis zum 5.")
        #expect(result["intent"] is NSNull)
        #expect(result["only_entities"] as? [String] == ["date"])
    }

    /// The lines `usher match` prints for `message` with the example bot.
    private func explanation(of message: String) throws -> [String] {
        let output = try UsherBinary.run(["match", message])
        #expect(output.status == 0, "\(output.stderr)")
        return output.stdout.split(separator: "\n").map(String.init)
    }

    /// The JSON object `usher match --json --lang de` prints for `message`.
    private func germanJSON(of message: String) throws -> [String: Any] {
        let json = try UsherBinary.run(["match", "--json", "--lang", "de", message])
        return try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    }

    /// `usher match shop hello` (the bot as the first argument, as check, chat and serve take it)
    /// matched "shop" as a message and then failed on a missing intents/ (new-user trial).
    @Test func aBotFolderGivenAsAMessageIsNamedForWhatItIs() throws {
        let output = try UsherBinary.run(["match", "evals", "hello"])
        #expect(output.status == 2)
        #expect(
            output.stderr.contains(
                "\"evals\" is a folder, not a message; to use the bot in it, name it with --bot: usher match --bot evals"
            ), "\(output.stderr)")
        let test = try UsherBinary.run(["test", "evals", "tests/desk.json"])
        #expect(test.status == 2)
        #expect(
            test.stderr.contains(
                "\"evals\" is a folder, not a test file; to use the bot in it, name it with --bot: usher test --bot evals"
            ), "\(test.stderr)")
    }

    @Test func readsStandardInputAsJSONLines() throws {
        let output = try UsherBinary.run(["match", "--json"], input: "speak to a human please\nxyzzy\n")
        #expect(output.status == 0)
        let results = try output.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(results.count == 2)
        #expect(results[0]["intent"] as? String == "talk_to_human")
        #expect(results[0]["pattern"] as? String == "* speak to a human *")
        #expect(results[1]["intent"] is NSNull)
        #expect(results[1]["confidence"] as? Double == 0)
    }

    /// `usher match` used to ignore contexts without saying so ("yes" → cancel_order_confirm at
    /// 0.9986, while in a conversation a bare "yes" gets the fallback) and did not show the
    /// entities it found (issue 12).
    @Test func contextsAndEntitiesAreShown() throws {
        let fresh = try UsherBinary.run(["match", "yes", "where is my order AB123456"])
        let lines = fresh.stdout.split(separator: "\n").map(String.init)
        #expect(lines[1] == "intent      (out of scope: fallback)")
        #expect(
            lines.contains(
                "left out    cancel_order_confirm (needs confirm_cancel), cancel_order_keep (needs confirm_cancel); --context NAME makes a context active"
            ))
        #expect(lines.contains("entities    order_id=AB123456"))
        // The same for every message: said once, with the first.
        #expect(lines.filter { $0.hasPrefix("left out") }.count == 1)
        let active = try UsherBinary.run(["match", "--context", "confirm_cancel", "--json", "yes"])
        let result = try #require(JSONSerialization.jsonObject(with: Data(active.stdout.utf8)) as? [String: Any])
        #expect(result["intent"] as? String == "cancel_order_confirm")
        #expect((result["left_out"] as? [Any])?.isEmpty == true)
        let eval = try UsherBinary.run(["eval", "--data", "evals/desk.jsonl"])
        #expect(eval.stderr.contains("cancel_order_confirm, cancel_order_keep need a context in a conversation"))
    }

    /// A message with a handoff keyword was explained as its intent alone, while in a
    /// conversation it goes to a person whatever matched.
    @Test func aHandoffKeywordIsShown() throws {
        let output = try UsherBinary.run(["match", "I will contact my lawyer about order AB123456", "hello"])
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines[1] == "handoff     keyword \"lawyer\": in a conversation this hands off to a person, whatever matched"
        )
        #expect(lines.filter { $0.hasPrefix("handoff") }.count == 1, "not for \"hello\"")
        let json = try UsherBinary.run(["match", "--json", "my lawyer will hear of this"])
        let result = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(result["handoff_keyword"] as? String == "lawyer")
    }

    /// "confidence 0.9197 (similarity 0.6533)" beside "out of scope" read as a contradiction:
    /// the confidence is the best intent's, the similarity is to the out-of-scope example.
    @Test func anOutOfScopeDecisionSaysWhoseNumbersItShows() throws {
        let output = try UsherBinary.run(["match", "how do I cancel my Netflix"])
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines[1] == "intent      (out of scope: fallback)")
        let confidence = try #require(lines.first { $0.hasPrefix("confidence") })
        #expect(
            confidence.contains(
                ", the best intent (threshold 0.5000), which an out-of-scope example outranked (similarity "),
            "\(confidence)")
        #expect(lines.contains { $0.hasPrefix("decided by  out-of-scope example") })
    }
}
