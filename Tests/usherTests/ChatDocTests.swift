import Foundation
import Testing

/// docs/chat.md's transcripts, replayed through the real binary and the example bot: the page
/// fails this test when it no longer shows what `usher chat` says.
@Suite("docs/chat.md")
struct ChatDocTests {
    static func page() throws -> String {
        try String(contentsOf: UsherBinary.root.appendingPathComponent("docs/chat.md"), encoding: .utf8)
    }

    /// The fenced block (of `language`, if given) that starts with `opening`, without its fences.
    static func block(startingWith opening: String, language: String = "", in page: String) throws -> String {
        let fence = "```" + language + "\n"
        let start = try #require(page.range(of: fence + opening), "no block starting \(opening)").lowerBound
        let body = page.index(start, offsetBy: fence.count)
        let end = try #require(page[body...].range(of: "```")).lowerBound
        return String(page[body..<end])
    }

    /// A transcript as a terminal shows it: what was typed after `default> `, and every other line.
    static func split(_ transcript: String) -> (typed: [String], shown: String) {
        var typed: [String] = []
        var shown = ""
        for line in transcript.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("default> ") { typed.append(String(line.dropFirst(9))) } else { shown += line + "\n" }
        }
        return (typed, shown)
    }

    @Test func thePipeExampleIsWhatUsherSays() throws {
        let block = try Self.block(startingWith: "$ printf '", in: try Self.page())
        let command = try #require(block.split(separator: "\n").first)
        let input = try #require(command.split(separator: "'").dropFirst().first)
        let output = try UsherBinary.run(["chat"], input: input.replacingOccurrences(of: "\\n", with: "\n"))
        #expect(output.stdout == block.drop { $0 != "\n" }.dropFirst(), "docs/chat.md's pipe example differs")
    }

    @Test func theActionTranscriptsAreWhatUsherSays() throws {
        let page = try Self.page()
        let byHand = Self.split(try Self.block(startingWith: "default> where is my order AB123456\nbot:", in: page))
        #expect(
            try UsherBinary.run(["chat"], input: byHand.typed.joined(separator: "\n") + "\n").stdout == byHand.shown)

        let results = try Self.block(startingWith: "{\"lookup_order\"", language: "json", in: page)
        let canned = Self.split(
            try Self.block(
                startingWith: "default> where is my order AB123456\nbot: Let me look up order AB123456.\nlookup_order",
                in: page))
        let directory = try UsherBinary.directory(["results.json": results])
        defer { try? FileManager.default.removeItem(at: directory) }
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        let output = try UsherBinary.run(
            ["chat", "--actions", "results.json", bot], input: canned.typed.joined(separator: "\n") + "\n",
            in: directory)
        #expect(output.stdout == canned.shown, "\(output.stderr)")
    }

    /// Each `/result` the commands table shows answers the example bot's order lookup.
    @Test func theResultExamplesWorkOnTheExampleBot() throws {
        let row = try #require(try Self.page().split(separator: "\n").first { $0.hasPrefix("| `/result ") })
        let examples = row.split(separator: "`").filter { $0.hasPrefix("/result ") && !$0.contains("[") }
        #expect(examples.count >= 3)
        for example in examples {
            let output = try UsherBinary.run(["chat"], input: "where is my order AB123456\n\(example)\n")
            #expect(!output.stderr.contains("error:"), "\(example): \(output.stderr)")
            #expect(output.stdout.split(separator: "\n").count == 3, "\(example): \(output.stdout)")
        }
    }

    @Test func theExpiryTranscriptIsWhatUsherSays() throws {
        let expiry = Self.split(
            try Self.block(
                startingWith: "default> I want to file a claim\nbot: What is your policy number?\ndefault> /advance",
                in: try Self.page()))
        #expect(expiry.typed.count == 3)
        #expect(
            try UsherBinary.run(["chat"], input: expiry.typed.joined(separator: "\n") + "\n").stdout == expiry.shown)
    }

    @Test func theMistakesAreWhatUsherSays() throws {
        let listed = try Self.block(startingWith: "error: unknown command", in: try Self.page())
        let typed = ["/qeue", "/debug maybe", "/agent transfer", "/intent opening_hour", "/agent say hi"]
        let output = try UsherBinary.run(["chat"], input: typed.joined(separator: "\n") + "\n")
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.drop { $0 != "\n" }.dropFirst() == listed)
    }
}
