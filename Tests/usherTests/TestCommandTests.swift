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

    /// `usher test tests/` once said the folder was a bot meant for --bot: a folder of test
    /// files runs each of its `*.json` files, as the default tests/ does.
    @Test func aFolderOfTestFilesRunsThemAll() throws {
        let all = try UsherBinary.run(["test"])
        let folder = try UsherBinary.run(["test", "tests/"])
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(folder.stdout == all.stdout)
        let named = try UsherBinary.run(["test", "--bot", "intents", "tests", "tests/desk.json"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.contains("✔ file a claim, step by step (4 turns)"))
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
        #expect(xml.contains(#"<testsuites tests="2" failures="1" errors="0">"#))
        #expect(xml.contains(#"<testcase classname="t.json" name="bad &amp; wrong">"#))
    }

    @Test func badTestFilesNameTheirPlace() throws {
        let directory = try UsherBinary.directory([
            "t.json": #"{"conversations": [{"name": "a", "turns": [{"sya": "x"}]}]}"#
        ])
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        let output = try UsherBinary.run(["test", "--bot", bot, "t.json"], in: directory)
        #expect(output.status == 2)
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
        #expect(output.status == 2)
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
        #expect(bad.status == 2)
        #expect(bad.stdout == "")
        #expect(
            bad.stderr
                == "bad.json:1:78: error: conversations[0].turns[0].reply_matches: invalid regular expression: \"(Hi|Hello\": expected ')'\n"
        )
    }

    /// Every mistake of a test file in one run, at its place, in the order written: those of its
    /// form, the names the bot does not have (once told only on the next run) and a "lang" it
    /// does not serve (once a failing test). Exit 2, not a failing test's 1, and a JUnit report
    /// whose error lists them, so that a CI dashboard shows why no test ran.
    @Test func everyMistakeOfATestFileInOneRunExitsTwoAndReachesJUnit() throws {
        let directory = try UsherBinary.directory([
            "t.json": """
            {"conversations": [{"name": "a", "lang": "dee", "turns": [
              {"say": "where is my order AB123456", "intent": "order_stauts", "slots": {"order_idd": "AB123456"}},
              {"say": "hi", "reply_containz": "Hello", "action": "lookup_ordr"}]}]}
            """,
            "ok.json": #"{"conversations": [{"name": "ok", "turns": [{"say": "hello", "intent": "greeting"}]}]}"#,
        ])
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        let output = try UsherBinary.run(
            ["test", "--bot", bot, "ok.json", "t.json", "--junit", "out.xml"], in: directory)
        #expect(output.status == 2)
        #expect(output.stdout == "")
        let mistakes = """
            t.json:1:42: error: conversations[0].lang: the bot does not serve "dee"; it serves en, de, ru, zh-TW; did you mean "de"?
            t.json:2:51: error: conversations[0].turns[0].intent: the bot has no intent "order_stauts"; did you mean "order_status"?
            t.json:2:77: error: conversations[0].turns[0].slots.order_idd: no intent of the bot has the slot "order_idd"; did you mean "order_id"?
            t.json:3:17: error: conversations[0].turns[1].reply_containz: unknown key "reply_containz"; did you mean "reply_contains"?
            t.json:3:54: error: conversations[0].turns[1].action: no intent of the bot calls the action "lookup_ordr"; did you mean "lookup_order"?
            """
        #expect(output.stderr == mistakes + "\n")
        let xml = try String(contentsOf: directory.appendingPathComponent("out.xml"), encoding: .utf8)
        #expect(
            xml == """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites tests="1" failures="0" errors="1">
                  <testsuite name="t.json" tests="1" failures="0" errors="1">
                    <testcase classname="t.json" name="t.json">
                      <error message="5 mistakes in the test file; no test ran" type="test file">\(mistakes.replacingOccurrences(of: "\"", with: "&quot;"))</error>
                    </testcase>
                  </testsuite>
                </testsuites>

                """)
    }

    /// A test file that cannot be read and a bot that does not load run no test either: exit 2.
    @Test func aMissingFileOrABrokenBotExitsTwo() throws {
        let directory = try UsherBinary.directory([
            "broken.json": #"{"intents": [{"name": "x"}]}"#,
            "ok.json": #"{"conversations": [{"name": "ok", "turns": [{"say": "hello"}]}]}"#,
        ])
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        let missing = try UsherBinary.run(["test", "--bot", bot, "ok.json", "gone.json"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr == "gone.json: error: cannot read the file\n")
        let broken = try UsherBinary.run(["test", "--bot", "broken.json", "ok.json"], in: directory)
        #expect(broken.status == 2)
        #expect(broken.stderr.hasSuffix("broken.json: 2 errors; the bot was not loaded\n"), "\(broken.stderr)")
    }

    /// `usher test --help` says what each exit status means.
    @Test func helpNamesTheExitStatuses() throws {
        let help = try UsherBinary.run(["test", "--help"])
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            text.contains(
                "Exits 0 when every test passed, 1 when any failed, 2 when the tests could not be run: a usage error, "
                    + "a test file that cannot be read or has mistakes (each is named, and no test runs), a bot that does "
                    + "not load, a --junit file that cannot be written."))
    }
}
