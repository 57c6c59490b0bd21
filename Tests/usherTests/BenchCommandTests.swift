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

    @Test func refusesUnknownScenarios() throws {
        let output = try UsherBinary.run(["bench", "--scenarios", "nope"])
        #expect(output.status == 2)
        #expect(
            output.stderr.contains("unknown scenario nope; choose from example, banking77, synthetic-1k, synthetic-10k")
        )
    }
}
