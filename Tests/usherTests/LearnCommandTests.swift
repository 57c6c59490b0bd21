import Foundation
import Testing

/// `usher learn` on a copy of the example bot: labelled groups become examples in the right
/// files, the bot still checks, and one wrong label changes nothing.
@Suite("usher learn")
struct LearnCommandTests {
    private func contents(_ folder: URL) throws -> [String: String] {
        let intents = folder.appendingPathComponent("intents")
        return try Dictionary(
            uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: intents.path).map {
                ($0, try String(contentsOf: intents.appendingPathComponent($0), encoding: .utf8))
            })
    }

    @Test func labelledGroupsBecomeExamples() throws {
        let folder = try UsherBinary.copyOfTheExampleBot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = [
            #"{"label": "order_status", "count": 2, "text": "where has my parcel got to", "texts": ["where has my parcel got to", "parcel still not here"], "closest_intent": "order_status", "confidence": 0.4}"#,
            #"{"label": "new:gift_cards", "count": 2, "text": "do you sell gift cards", "texts": ["do you sell gift cards", "gift vouchers?"], "closest_intent": null, "confidence": 0.1}"#,
            #"{"label": "ignore", "count": 1, "text": "asdf", "texts": ["asdf"], "closest_intent": null, "confidence": 0}"#,
        ].joined(separator: "\n")
        try inbox.write(to: folder.appendingPathComponent("inbox.jsonl"), atomically: true, encoding: .utf8)
        let before = try contents(folder)
        let output = try UsherBinary.run(["learn", "inbox.jsonl", "--bot", "intents"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            output.stdout == """
                intents/orders.json: order_status + 2 examples
                intents/learned.json: new intent gift_cards with 2 examples; give it responses: until it has some, the bot does not load for serve, chat or test

                """)
        // The new intent cannot reply yet: said at once, as `usher check` says it.
        let replyless =
            #"intents/learned.json:3:5: error: intents[0]: intent "gift_cards" has no responses: a customer it matches would get no reply; give it "responses" (or an "action" or a "handoff")"#
        #expect(
            output.stderr
                == replyless + "\n"
                + "usher learn: the examples were added; the bot loads for serve, chat and test once this intent has responses\n"
        )
        let after = try contents(folder)
        #expect(after["orders.json"]?.contains("        \"parcel still not here\"") == true)
        // Only orders.json changed among the files that were there, and only by added lines.
        for (name, text) in before where name != "orders.json" { #expect(after[name] == text) }
        let added = Set(after["orders.json"]!.split(separator: "\n")).subtracting(
            before["orders.json"]!.split(separator: "\n"))
        #expect(added.count == 3)  // the last old example gains a comma; two new lines
        // Until it has responses the bot talks to nobody; matching measures it meanwhile.
        let check = try UsherBinary.run(["check", "intents"], in: folder)
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix(replyless + "\n"), "\(check.stderr)")
        let match = try UsherBinary.run(["match", "--bot", "intents", "do you sell gift cards"], in: folder)
        #expect(match.stdout.contains("gift_cards"), "\(match.stdout)")
        // More examples for it can be learned before it has responses.
        try
            #"{"label": "gift_cards", "count": 1, "text": "can I buy a gift card", "texts": ["can I buy a gift card"], "closest_intent": "gift_cards", "confidence": 0.4}"#
            .write(to: folder.appendingPathComponent("more.jsonl"), atomically: true, encoding: .utf8)
        let more = try UsherBinary.run(["learn", "more.jsonl", "--bot", "intents"], in: folder)
        #expect(more.status == 0, "\(more.stderr)")
        #expect(more.stdout == "intents/learned.json: gift_cards + 1 example\n")
        let learned = folder.appendingPathComponent("intents/learned.json")
        try String(contentsOf: learned, encoding: .utf8)
            .replacingOccurrences(
                of: #""name": "gift_cards","#, with: #""name": "gift_cards", "responses": ["Yes, in any amount."],"#
            )
            .write(to: learned, atomically: true, encoding: .utf8)
        let fixed = try UsherBinary.run(["check", "intents"], in: folder)
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }

    /// The user trial's loop in Russian: what the bot did not understand reaches the inbox with
    /// its language, and `usher learn` adds it to the Russian translation, not to orders.json.
    @Test func textsAreLearnedInTheirLanguage() throws {
        let folder = try UsherBinary.copyOfTheExampleBot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let served = try UsherBinary.run(
            ["serve", "--state", "s.sqlite", "intents"],
            input: #"{"session": "r1", "text": "вы доставляете в Казахстан?"}"# + "\n", in: folder)
        #expect(served.status == 0, "\(served.stderr)")
        let stats = try UsherBinary.run(["stats", "--state", "s.sqlite", "--unmatched", "inbox.jsonl"], in: folder)
        #expect(stats.status == 0, "\(stats.stderr)")
        let inbox = try String(contentsOf: folder.appendingPathComponent("inbox.jsonl"), encoding: .utf8)
        #expect(inbox.hasPrefix(#"{"label": "", "count": 1, "text": "вы доставляете в Казахстан?""#), "\(inbox)")
        #expect(inbox.hasSuffix(#", "language": "ru"}"# + "\n"), "\(inbox)")
        try inbox.replacingOccurrences(of: #""label": """#, with: #""label": "delivery_problem""#)
            .write(to: folder.appendingPathComponent("inbox.jsonl"), atomically: true, encoding: .utf8)
        let before = try contents(folder)
        let output = try UsherBinary.run(["learn", "inbox.jsonl", "--bot", "intents"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "intents/ru.json: delivery_problem (ru) + 1 example\n")
        let after = try contents(folder)
        for (name, text) in before where name != "ru.json" { #expect(after[name] == text) }
        #expect(after["ru.json"]?.contains("        \"вы доставляете в Казахстан?\"") == true)
    }

    /// Every problem of the inbox in one run, in file order: the broken lines, and the labels of
    /// every line that could be read; and nothing changes.
    @Test func everyProblemIsReportedAtOnceAndNothingChanges() throws {
        let folder = try UsherBinary.copyOfTheExampleBot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = [
            #"{"label": "order_status", "texts": ["where has my parcel got to"]}"#,
            #"{"label": "order_stats", "texts": ["status of my order?"]}"#,
            "this line is broken",
            #"{"label": "new:why me", "texts": ["why me"]}"#,
            #"{"texts": ["nobody labelled this"]}"#,
        ].joined(separator: "\n")
        try inbox.write(to: folder.appendingPathComponent("inbox.jsonl"), atomically: true, encoding: .utf8)
        let before = try contents(folder)
        let output = try UsherBinary.run(["learn", "inbox.jsonl", "--bot", "intents"], in: folder)
        #expect(output.status == 1)
        #expect(
            output.stderr == """
                inbox.jsonl:2:1: error: label: "order_stats" names no intent; did you mean "order_status"? (or write new:order_stats for a new one)
                inbox.jsonl:3:1: error: unexpected 't'; expected a value
                inbox.jsonl:4:1: error: label: invalid intent name "why me": no spaces, control characters or braces
                inbox.jsonl:5:1: error: label: a group needs "label": an intent, new:NAME, ignore, or "" to leave it
                usher learn: nothing was changed

                """)
        #expect(output.stdout == "")
        #expect(try contents(folder) == before)
    }
}
