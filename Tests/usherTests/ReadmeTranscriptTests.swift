import Foundation
import Testing

/// The README opens with a real `usher chat` session; this replays it through a
/// pseudo-terminal and fails when the program no longer says what the README shows.
@Suite("README transcript")
struct ReadmeTranscriptTests {
    static let command = "$ swift run usher chat --agent sam\n"

    /// The session as the README shows it: everything after the command line, up to the fence.
    static func readmeSession() throws -> String {
        let readme = try String(contentsOf: UsherBinary.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```\n" + command)).upperBound
        let end = try #require(readme[start...].range(of: "```")).lowerBound
        return String(readme[start..<end])
    }

    /// What was typed at each prompt (`default> …`, `default [sam]> …`).
    static func typed(_ session: String) -> [String] {
        session.split(separator: "\n").compactMap { line in
            guard let prompt = line.range(of: "> "), !line.hasPrefix(" "),
                !line.prefix(upTo: prompt.lowerBound).contains(":")
            else { return nil }
            return String(line[prompt.upperBound...])
        }
    }

    @Test func theReadmeSessionIsWhatUsherSays() throws {
        let session = try Self.readmeSession()
        let inputs = Self.typed(session)
        #expect(inputs.count >= 5)
        let home = try UsherBinary.directory([:])
        let terminal = try PseudoTerminal(
            arguments: ["chat", "--agent", "sam", "--no-history"],
            environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm", "HOME": home.path, "NO_COLOR": "1"],
            directory: UsherBinary.root)
        try terminal.expect("default> ")
        for input in inputs {
            terminal.send(input + "\r")
            try terminal.expect("> ")  // The next prompt: the answer is complete.
        }
        terminal.send("\u{4}")
        #expect(try terminal.waitForExit() == 0)
        let shown = terminal.transcript.replacingOccurrences(of: "\r", with: "")
        // The README ends after the last answer, without the prompt that follows it.
        #expect(shown.hasPrefix(session), "the README's transcript differs from a real session:\n\(shown)")
    }
}
