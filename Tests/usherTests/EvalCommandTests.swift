import Foundation
import Testing

/// A three-intent bot and a labelled set small enough to score by hand.
private let bot = """
    {"intents": [
      {"name": "order", "examples": ["where is my order", "track my parcel", "has my order shipped"]},
      {"name": "refund", "examples": ["I want a refund", "give me my money back", "refund my purchase"]},
      {"name": "hello", "examples": ["hello there", "hi", "good morning"]}
    ]}
    """

@Suite("usher eval")
struct EvalCommandTests {
    /// where→order ✓, refund→refund ✓, hello→hello ✓, "money back for my order"→(labelled hello: a
    /// deliberate mistake), weather→out of scope ✓. Accuracy 4/5, in-scope 3/4, OOS recall 1/1.
    @Test func printsTheMetricsAsJSON() throws {
        let directory = try UsherBinary.directory([
            "bot.json": bot,
            "data.jsonl": """
            {"text": "wher is my order", "intent": "order"}
            {"text": "I would like a refund", "intent": "refund"}
            {"text": "hello!", "intent": "hello"}
            {"text": "give my money back please", "intent": "hello"}
            {"text": "what's the weather in Oslo tomorrow", "intent": null}

            """,
        ])
        let output = try UsherBinary.run(
            ["eval", "bot.json", "--data", "data.jsonl", "--json", "--misses", "misses.jsonl"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(report["messages"] as? Int == 5)
        #expect(report["accuracy"] as? Double == 0.8)
        #expect(report["in_scope_accuracy"] as? Double == 0.75)
        #expect(report["oos_recall"] as? Double == 1)
        #expect((report["seconds"] as? Double ?? -1) >= 0)
        let confusions = try #require(report["confusions"] as? [[String: Any]])
        #expect(confusions.first?["expected"] as? String == "hello")
        #expect(confusions.first?["predicted"] as? String == "refund")
        let misses = try String(contentsOf: directory.appendingPathComponent("misses.jsonl"), encoding: .utf8)
        #expect(
            misses.hasPrefix(
                "{\"line\": 4, \"text\": \"give my money back please\", \"expected\": \"hello\", \"predicted\": \"refund\""
            ))
    }

    @Test func printsTablesForPeople() throws {
        let directory = try UsherBinary.directory([
            "bot.json": bot, "data.csv": "text,category\nwhere is my order,order\nhi,hello\n",
        ])
        let output = try UsherBinary.run(["eval", "bot.json", "--data", "data.csv"], in: directory)
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("messages            2\naccuracy            1.0000\n"))
        #expect(output.stdout.contains("intent                          precision  recall   F1       support"))
    }

    /// A label that names no intent is scored as a miss whatever the bot does: said once per
    /// label, with the intent it was probably meant to be.
    @Test func unknownLabelsAreWarnedOnce() throws {
        let directory = try UsherBinary.directory([
            "bot.json": bot,
            "data.jsonl": """
            {"text": "hello there", "intent": "Hello"}
            {"text": "where is my order", "intent": "order"}
            {"text": "hi", "intent": "Hello"}
            {"text": "what's the weather", "intent": "no_such_intent"}

            """,
        ])
        let output = try UsherBinary.run(["eval", "bot.json", "--data", "data.jsonl"], in: directory)
        #expect(output.status == 0)
        #expect(
            output.stderr == """
                data.jsonl:1: warning: label "Hello" names no intent; did you mean "hello"? (its 2 lines are scored as misses)
                data.jsonl:4: warning: label "no_such_intent" names no intent (its line is scored as a miss)

                """)
    }

    /// The user trial scored the Russian held-out set in English (0.17) for want of `--lang ru`.
    @Test func aDataSetInAnotherLanguageGetsAHint() throws {
        let output = try UsherBinary.run(["eval", "intents", "--data", "evals/desk-ru.jsonl", "--json"])
        #expect(output.status == 0)
        #expect(
            output.stderr.hasPrefix(
                "usher eval: 477 of 480 lines read as ru, the bot is scored in en: score them with --lang ru\n"))
        let scored = try UsherBinary.run(["eval", "intents", "--data", "evals/desk-ru.jsonl", "--json", "--lang", "ru"])
        #expect(!scored.stderr.contains("--lang"))
    }

    @Test func badDataFilesNameTheLine() throws {
        let directory = try UsherBinary.directory([
            "bot.json": bot, "data.jsonl": "{\"text\": \"hi\", \"intent\": \"hello\"}\n{\"text\": 5}\n",
        ])
        let output = try UsherBinary.run(["eval", "bot.json", "--data", "data.jsonl"], in: directory)
        #expect(output.status == 1)
        #expect(output.stderr == "data.jsonl:2: error: needs \"text\" as a string\n")
        let range = try UsherBinary.run(
            ["eval", "bot.json", "--data", "data.jsonl", "--threshold", "3"], in: directory)
        #expect(range.status == 2)
        #expect(range.stderr.contains("--threshold must be between 0 and 1"))
    }
    /// A data set that keeps its partitions in one file (MASSIVE): a bot imported from one split,
    /// scored on another; a split the file does not have is an error naming those it has.
    @Test func importsOneSplitAndScoresAnother() throws {
        let directory = try UsherBinary.directory([
            "all.jsonl": """
            {"id": 1, "text": "where is my order", "intent": "order", "split": "train"}
            {"id": 2, "text": "hello there", "intent": "hello", "split": "train"}
            {"id": 3, "text": "where is my parcel", "intent": "order", "split": "val"}
            {"id": 4, "text": "hello hello", "intent": "hello", "split": "val"}
            {"id": 5, "text": "hi", "intent": "hello", "split": "val"}

            """
        ])
        let imported = try UsherBinary.run(
            ["import", "all.jsonl", "--split", "train", "-o", "bot.json"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("imported 2 examples into 2 intents"))
        let output = try UsherBinary.run(
            ["eval", "bot.json", "--data", "all.jsonl", "--split", "val", "--json"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(report["messages"] as? Int == 3)
        let typo = try UsherBinary.run(["eval", "bot.json", "--data", "all.jsonl", "--split", "dev"], in: directory)
        #expect(typo.status == 1)
        #expect(typo.stderr == "all.jsonl: error: no line is in split \"dev\"; the file's splits are train, val\n")
    }
}
