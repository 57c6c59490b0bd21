import Foundation
import Testing

@Suite("usher test")
struct TestCommandTests {
    @Test func theExampleBotPassesItsConversationTests() throws {
        // With no files, every test file in tests/: the English flows and those in each language.
        let output = try UsherBinary.run(["test"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.hasSuffix(" passed, 0 failed\n"))
        #expect(output.stdout.contains("✔ file a claim, step by step (4 turns)"))
        #expect(output.stdout.contains("✔ zh-TW: 查詢訂單 (3 turns)"))
    }

    @Test func failuresShowADiffExitOneAndWriteJUnit() throws {
        let directory = try UsherBinary.directory([
            "t.json":
                #"{"conversations": [{"name": "ok", "turns": [{"say": "hello", "intent": "greeting"}]}, {"name": "bad & wrong", "turns": [{"say": "hello", "intent": "goodbye"}]}]}"#
        ])
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        let output = try UsherBinary.run(["test", "--bot", bot, "t.json", "--junit", "out.xml"], in: directory)
        #expect(output.status == 1)
        #expect(
            output.stdout == """
                ✔ ok (1 turn)
                ✘ bad & wrong
                    turn 1 "hello" (t.json:1:121: conversations[1].turns[0]): intent
                      expected "goodbye"
                      actual   "greeting"
                1 passed, 1 failed

                """)
        let xml = try String(contentsOf: directory.appendingPathComponent("out.xml"), encoding: .utf8)
        #expect(xml.contains(#"<testsuites tests="2" failures="1">"#))
        #expect(xml.contains(#"<testcase classname="t.json" name="bad &amp; wrong">"#))
    }

    @Test func badTestFilesNameTheirPlace() throws {
        let directory = try UsherBinary.directory([
            "t.json": #"{"conversations": [{"name": "a", "turns": [{"sya": "x"}]}]}"#
        ])
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        let output = try UsherBinary.run(["test", "--bot", bot, "t.json"], in: directory)
        #expect(output.status == 1)
        #expect(
            output.stderr == """
                t.json:1:45: error: conversations[0].turns[0].sya: unknown key "sya"; did you mean "say"?

                """)
    }

    /// An expected intent the bot does not have once failed its test on every run, read as the
    /// bot's failure: now an error where it is written, with the intent probably meant, and no
    /// test runs.
    @Test func anIntentTheBotDoesNotHaveIsAnErrorAtItsLine() throws {
        let directory = try UsherBinary.directory([
            "t.json":
                #"{"conversations": [{"name": "a", "turns": [{"say": "where is my order", "intent": "order_stauts"}, {"say": "x", "intent": "weather_forecast"}]}]}"#
        ])
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        let output = try UsherBinary.run(["test", "--bot", bot, "t.json"], in: directory)
        #expect(output.status == 1)
        #expect(output.stdout == "")
        #expect(
            output.stderr == """
                t.json:1:83: error: conversations[0].turns[0].intent: the bot has no intent "order_stauts"; did you mean "order_status"?
                t.json:1:123: error: conversations[0].turns[1].intent: the bot has no intent "weather_forecast"

                """)
    }

    /// A failing `reply_matches` shows the pattern and the reply; a pattern that is no regular
    /// expression is an error at its line that says why, and no test runs.
    @Test func replyPatternsSayWhyTheyFail() throws {
        let directory = try UsherBinary.directory([
            "miss.json":
                #"{"conversations": [{"name": "greeting", "turns": [{"say": "hello", "reply_matches": "^Bye"}]}]}"#,
            "bad.json":
                #"{"conversations": [{"name": "a", "turns": [{"say": "hello", "reply_matches": "(Hi|Hello"}]}]}"#,
        ])
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        let miss = try UsherBinary.run(["test", "--bot", bot, "miss.json"], in: directory)
        #expect(miss.status == 1)
        #expect(
            miss.stdout == """
                ✘ greeting
                    turn 1 "hello" (miss.json:1:51: conversations[0].turns[0]): reply_matches
                      expected /^Bye/
                      actual   "Hello! How can I help you today?"
                0 passed, 1 failed

                """)
        let bad = try UsherBinary.run(["test", "--bot", bot, "bad.json"], in: directory)
        #expect(bad.status == 1)
        #expect(bad.stdout == "")
        #expect(
            bad.stderr
                == "bad.json:1:78: error: conversations[0].turns[0].reply_matches: invalid regular expression: \"(Hi|Hello\": expected ')'\n"
        )
    }
}
