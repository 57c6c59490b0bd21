import Foundation
import Testing

/// The driver itself, against standard programs: the REPL's end-to-end tests rely on it.
@Suite("PseudoTerminal")
struct PseudoTerminalTests {
    static let environment = ["PATH": "/usr/bin:/bin", "TERM": "dumb"]

    @Test func theProgramReadsATerminalAndSeesWhatIsTyped() throws {
        let terminal = try PseudoTerminal(
            executable: "/bin/sh", arguments: ["-c", "test -t 0 && echo IS_TTY; stty size; read x; echo got:$x"],
            environment: Self.environment)
        try terminal.expect("IS_TTY")
        try terminal.expect("24 80")
        terminal.send("hello\r")
        let echoed = try terminal.expect("got:hello")
        #expect(echoed.contains("hello\r\n"), "the terminal echoes what is typed")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.transcript.hasPrefix("IS_TTY\r\n"))
    }

    @Test func controlCInterruptsThroughTheControllingTerminal() throws {
        let terminal = try PseudoTerminal(
            executable: "/bin/sh",
            arguments: ["-c", "trap 'echo TRAPPED; exit 7' INT; echo READY; while :; do sleep 0.1; done"],
            environment: Self.environment)
        try terminal.expect("READY")
        terminal.send("\u{3}")
        try terminal.expect("TRAPPED")
        #expect(try terminal.waitForExit() == 7)
    }

    @Test func controlDEndsInput() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat", arguments: [], environment: Self.environment)
        terminal.send("abc\r")
        try terminal.expect("abc\r\nabc\r\n")  // The terminal's echo, then cat's copy.
        terminal.send("\u{4}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func runsInTheGivenDirectoryWithExactlyTheGivenEnvironment() throws {
        let directory = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        let terminal = try PseudoTerminal(
            executable: "/usr/bin/env", arguments: ["sh", "-c", "pwd; env | sort"],
            environment: ["PATH": "/usr/bin:/bin", "ONLY": "this"], directory: directory)
        #expect(try terminal.waitForExit() == 0)
        let lines = terminal.transcript.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == directory.path)
        #expect(lines.contains("ONLY=this"))
        #expect(!lines.contains { $0.hasPrefix("HOME=") })
    }

    @Test func aTimeoutReportsTheNeedleAndTheTranscript() throws {
        let terminal = try PseudoTerminal(
            executable: "/bin/sh", arguments: ["-c", "printf 'something else\\033[1m'; exec cat"],
            environment: Self.environment)
        let error = try #require(throws: PseudoTerminal.Failure.self) { try terminal.expect("never", timeout: 0.5) }
        #expect(error.description.contains("\"never\""))
        #expect(error.description.contains("something else\\u{1B}[1m"), "escape sequences are made visible")
    }

    @Test func aMissingExecutableThrows() {
        #expect(throws: PseudoTerminal.Failure.self) {
            try PseudoTerminal(executable: "/nonexistent/program", arguments: [], environment: [:])
        }
    }
}
