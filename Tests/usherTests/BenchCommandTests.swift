import Foundation
import Testing

@Suite("usher bench")
struct BenchCommandTests {
    @Test func benchmarksTheExampleBotInAChildProcess() throws {
        let output = try UsherBinary.run(["bench", "--scenarios", "example", "--rounds", "1", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let results = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results[0]["scenario"] as? String == "example")
        #expect(results[0]["intents"] as? Int == 22)
        #expect((results[0]["messages_per_second"] as? Double ?? 0) > 0)
        #expect((results[0]["peak_memory_mb"] as? Double ?? 0) > 0)
    }

    /// `evals/desk.jsonl` is labelled (its out-of-scope lines `null`): bench scores it as
    /// `usher eval` does, out-of-scope lines counting when the bot rejects them.
    @Test func theExampleScenarioReportsTheAccuracyEvalReports() throws {
        let bench = try UsherBinary.run(["bench", "--scenarios", "example", "--rounds", "1", "--json"])
        let results = try #require(JSONSerialization.jsonObject(with: Data(bench.stdout.utf8)) as? [[String: Any]])
        let eval = try UsherBinary.run(["eval", "intents", "--data", "evals/desk.jsonl", "--json"])
        let report = try #require(JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any])
        let accuracy = try #require(report["accuracy"] as? Double)
        #expect(results.first?["messages"] as? Int == 480)
        #expect(results.first?["accuracy"] as? Double == accuracy, "\(bench.stdout)")
    }

    /// Every scenario `usher bench` runs is described in its help, each in a line of its own.
    @Test func theHelpDescribesEveryScenario() throws {
        let help = try UsherBinary.run(["bench", "--help"]).stdout
        let lines = help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for described in [
            "serve: the line protocol in process, 200,000 requests: requests/s, latency",
            "idle-sessions: the peak memory of 100,000 idle sessions held in memory",
            "state: serve's load into a SQLite file: requests/s, MB per 100,000 turns",
            "session-load: one session read cold from SQLite after 10 and 10,000 turns",
        ] {
            #expect(lines.contains(described), "\(help)")
        }
    }

    @Test func refusesUnknownScenarios() throws {
        let output = try UsherBinary.run(["bench", "--scenarios", "nope"])
        #expect(output.status == 2)
        #expect(
            output.stderr.contains("unknown scenario nope; choose from example, banking77, synthetic-1k, synthetic-10k")
        )
    }
}
