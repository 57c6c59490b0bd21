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
}
