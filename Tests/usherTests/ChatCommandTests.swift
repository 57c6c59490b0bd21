import Foundation
import Testing

/// `usher chat` end to end: through a pipe as scripts use it, and through a pseudo-terminal as
/// a person does (readline editing, history across runs, completion, Ctrl-C and Ctrl-D).
@Suite("usher chat")
struct ChatCommandTests {
    @Test func aPipeGetsTheRepliesWithoutPromptsOrColour() throws {
        let output = try UsherBinary.run(["chat"], input: "hi\nbye\n")
        #expect(output.status == 0)
        #expect(output.stdout == "bot: Hello! How can I help you today?\nbot: Goodbye, and have a nice day!\n")
        #expect(output.stderr == "usher chat: 22 intents from intents/; session default; /help lists the commands\n")
    }

    /// `/why` reads the customer's feeling in the session's language, not the bot's own.
    @Test func whyReadsSentimentInTheSessionsLanguage() throws {
        let output = try UsherBinary.run(
            ["chat"], input: "Das Paket ist seit zwei Wochen überfällig, ich bin sehr verärgert\n/why\n")
        #expect(output.status == 0)
        let line = output.stdout.split(separator: "\n").first { $0.contains("sentiment") }.map(String.init) ?? ""
        #expect(line.contains("negative") && line.contains("-0."), "\(output.stdout)")
    }

    /// `--actions` answers the example bot's order lookups from the canned results it ships
    /// with; a results file with mistakes stops the chat before it starts, saying where.
    @Test func cannedResultsAnswerTheBotsActions() throws {
        let output = try UsherBinary.run(
            ["chat", "--actions", "evals/actions.json"], input: "where is my order AB123456\nwhere is order XY111111\n")
        #expect(output.status == 0)
        #expect(
            output.stdout == """
                bot: Let me look up order AB123456.
                lookup_order(order_id=AB123456) → found, from evals/actions.json
                bot: Order AB123456 is shipped; it should arrive on 2026-12-03.
                bot: Let me look up order XY111111.
                lookup_order(order_id=XY111111) → not_found, from evals/actions.json
                bot: I could not find order XY111111. Please check the number: two letters and six digits, like AB123456.

                """)
        let directory = try UsherBinary.directory(["bad.json": #"{"lookup_order": [{"values": {"a": {}}}]}"#])
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.json").path
        let refused = try UsherBinary.run(["chat", "--actions", bad], input: "hi\n")
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(
            refused.stderr.contains(
                "\(bad):1:36: error: lookup_order[0].values.a: expected a string, number, boolean or null, found an object"
            ),
            "\(refused.stderr)")
    }

    /// With --state, a chat picks up where the last one left off: the form, its slots and the queue.
    @Test func aChatWithStateContinuesWhereTheLastOneStopped() throws {
        let directory = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("chat.sqlite").path
        let first = try UsherBinary.run(["chat", "--state", file], input: "I want to file a claim\nPN-123456\n")
        #expect(first.stdout == "bot: What is your policy number?\nbot: When did it happen?\n")
        let second = try UsherBinary.run(["chat", "--state", file], input: "/state\n")
        #expect(second.status == 0)
        #expect(second.stdout.contains("policy_number"), "\(second.stdout)")
        #expect(second.stdout.contains("PN-123456"))
        let refused = try UsherBinary.run(["chat", "--state", "/dev/null/nothing"], input: "hi\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("usher: error: /dev/null/nothing: cannot open"), "\(refused.stderr)")
    }

    /// Over a shared state file the chat's agent leaves when the chat ends (the queues do not
    /// count on someone who has gone), and /advance is off, since it would date and expire the
    /// file's other conversations.
    @Test func aChatOverAStateFileCleansUpAfterItself() throws {
        let directory = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("shared.sqlite").path
        _ = try UsherBinary.run(
            ["serve", "--state", file], input: #"{"session": "w1", "text": "I want to speak to a human"}"# + "\n")
        let chat = try UsherBinary.run(
            ["chat", "--state", file, "--agent", "bob"], input: "/agent claim\n/advance 2h\n")
        #expect(chat.stdout.contains("w1"), "\(chat.stdout)")
        #expect(
            chat.stderr.contains(
                "error: /advance moves the clock of this chat only; with --state it would expire and date the shared file's conversations, so it is off"
            ), "\(chat.stderr)")
        let queues = try UsherBinary.run(["serve", "--state", file], input: #"{"type": "queue.list"}"# + "\n")
        #expect(queues.stdout.contains(#""agents": []"#), "\(queues.stdout)")
        #expect(queues.stdout.contains(#""session": "w1""#), "w1 waits again: \(queues.stdout)")
    }

    @Test func plainUsherIsChat() throws {
        let output = try UsherBinary.run([], input: "hi\n")
        #expect(output.status == 0)
        #expect(output.stdout == "bot: Hello! How can I help you today?\n")
    }

    /// Mistakes are errors, on stderr: stdout keeps the conversation alone.
    @Test func badCommandsAreReportedOnStandardErrorAndQuitStopsReading() throws {
        let output = try UsherBinary.run(["chat"], input: "/qeue\n/debug maybe\nhi\n/quit\nbye\n")
        #expect(output.status == 0)
        #expect(output.stdout == "bot: Hello! How can I help you today?\n")
        #expect(
            output.stderr == """
                usher chat: 22 intents from intents/; session default; /help lists the commands
                error: unknown command /qeue; did you mean /queue? /help lists the commands
                error: /debug takes on or off, not "maybe"; usage: /debug [on|off]

                """)
    }

    @Test func aBotThatDoesNotLoadFailsWithItsErrors() throws {
        let directory = try UsherBinary.directory(["bot.json": #"{"intents": [}"#])
        let output = try UsherBinary.run(["chat", "bot.json"], input: "hi\n", in: directory)
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("bot.json:1:14: error: "))
    }

    private static func environment(_ home: URL, colour: Bool = false) -> [String: String] {
        var environment = [
            "PATH": "/usr/bin:/bin", "TERM": "xterm", "HOME": home.path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
        ]
        if !colour { environment["NO_COLOR"] = "1" }
        return environment
    }

    /// `usher chat` with `arguments` on a new terminal, at its first prompt.
    private static func startChat(_ arguments: [String], home: URL, colour: Bool = false) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            arguments: ["chat"] + arguments, environment: environment(home, colour: colour),
            directory: UsherBinary.root)
        try terminal.expect("default> ")
        return terminal
    }

    /// Ctrl-D at the prompt ends the chat cleanly.
    private static func endWithControlD(_ terminal: PseudoTerminal) throws {
        terminal.send("\u{4}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aTerminalSessionEditsRecallsAndEndsWithControlD() throws {
        let home = try UsherBinary.directory([:])
        let terminal = try Self.startChat([], home: home)
        terminal.send("hello\r")
        #expect(try terminal.expect("default> ").contains("bot: Hello! How can I help you today?"))
        terminal.send("/state\r")
        #expect(try terminal.expect("default> ").contains("talking to  bot"))
        // Up twice recalls "hello".
        terminal.send("\u{1B}[A\u{1B}[A\r")
        let recalled = try terminal.expect("default> ")
        #expect(recalled.contains("hello\r\n"))
        #expect(recalled.contains("bot: Hi there! What can I do for you?"))  // The greeting's second reply.
        // Ctrl-C throws the line away and the program goes on.
        terminal.send("where is my par")
        try terminal.expect("where is my par")
        terminal.send("\u{3}")
        try terminal.expect("^C\r\n")
        #expect(terminal.transcript.contains("default> where is my par^C\r\n"), "^C is shown after what was typed")
        try terminal.expect("default> ")
        try Self.endWithControlD(terminal)
        let history = try String(contentsOf: home.appendingPathComponent("state/usher/history"), encoding: .utf8)
        #expect(history == "hello\n/state\nhello\n")
    }

    @Test func historyOutlivesTheRunAndTabCompletes() throws {
        let home = try UsherBinary.directory([:])
        let first = try Self.startChat([], home: home)
        first.send("when are you open?\r")
        try first.expect("default> ")
        first.send("/quit\r")
        #expect(try first.waitForExit() == 0)

        let second = try Self.startChat([], home: home)
        second.send("\u{1B}[A\u{1B}[A\r")
        let recalled = try second.expect("default> ")
        #expect(recalled.contains("when are you open?") && recalled.contains("bot: "))
        second.send("/deb\ton\r")
        #expect(try second.expect("default> ").contains("debug is on: each reply is explained"))
        second.send("/intent opening_h\t\r")
        #expect(try second.expect("default> ").contains("intent      opening_hours (intents/"))
        try Self.endWithControlD(second)
    }

    @Test func aPastedBlockIsOneTurnPerLine() throws {
        let terminal = try Self.startChat(["--no-history"], home: try UsherBinary.directory([:]))
        // What a terminal sends for a paste when the program asked for bracketed paste.
        terminal.send("\u{1B}[200~hello\nwhen are you open\u{1B}[201~\r")
        try terminal.expect("bot: Hello! How can I help you today?\r\nbot: Our customer service is available")
        try terminal.expect("default> ")
        try Self.endWithControlD(terminal)
    }

    @Test func aTerminalGetsColourUnlessNoColourIsSet() throws {
        let home = try UsherBinary.directory([:])
        let terminal = try Self.startChat(["--no-history"], home: home, colour: true)
        terminal.send("hi\r")
        #expect(try terminal.expect("default> ").contains("\u{1B}[1;36mbot:\u{1B}[0m Hello! How can I help you today?"))
        try Self.endWithControlD(terminal)
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("state/usher/history").path))
    }

    @Test(arguments: [
        (["chat", "--agent", ""], #"Error: --agent needs a name of one word other than bot and customer, not """#),
        (
            ["chat", "--agent", "bot"],
            #"Error: --agent needs a name of one word other than bot and customer, not "bot""#
        ),
        (["chat", "--no-history", "--history", "h"], "Error: --no-history and --history cannot be used together"),
    ])
    func badOptionsAreUsageErrors(arguments: [String], message: String) throws {
        let output = try UsherBinary.run(arguments, input: "hi\n")
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix(message + "\n"))
        #expect(output.stdout.isEmpty)
    }

    @Test func aFolderWithoutABotSaysWhatToDo() throws {
        let empty = try UsherBinary.directory([:])
        let output = try UsherBinary.run([], input: "hi\n", in: empty)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("Error: there is no intents/ folder here; give a bot: usher chat PATH\n"))
    }

    @Test func aHistoryFileThatCannotBeUsedIsReportedAndTheChatGoesOn() throws {
        let home = try UsherBinary.directory([:])
        let terminal = try Self.startChat(["--history", home.path], home: home)
        #expect(
            terminal.transcript.contains("usher chat: \(home.path) is a directory; history is kept for this run only"))
        terminal.send("/quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func withStdoutInAFileTheTerminalStillShowsThePrompt() throws {
        let home = try UsherBinary.directory([:])
        let transcript = home.appendingPathComponent("out.txt").path
        let terminal = try PseudoTerminal(
            executable: "/bin/sh",
            arguments: ["-c", "exec '\(UsherBinary.url.path)' chat --no-history > '\(transcript)'"],
            environment: Self.environment(home, colour: true), directory: UsherBinary.root)
        try terminal.expect("usher chat: 22 intents from intents/")
        try terminal.expect("default> ")
        terminal.send("hi\r")
        try terminal.expect("default> ")
        // The person typing sees their mistakes, in red as stderr is a terminal; the file keeps
        // the conversation alone.
        terminal.send("/qeue\r")
        #expect(
            try terminal.expect("default> ").contains(
                "\u{1B}[1;31merror:\u{1B}[0m unknown command /qeue; did you mean /queue? /help lists the commands"))
        try Self.endWithControlD(terminal)
        #expect(try String(contentsOfFile: transcript, encoding: .utf8) == "bot: Hello! How can I help you today?\n")
    }

    @Test func continuingAfterAStopRedrawsTheLine() throws {
        let terminal = try Self.startChat(["--no-history"], home: try UsherBinary.directory([:]))
        terminal.send("hel")
        try terminal.expect("hel")
        // What the shell's `fg` does after Ctrl-Z: the program continues and must set up the terminal again.
        kill(terminal.processID, SIGCONT)
        try terminal.expect("\r\ndefault> hel")
        terminal.send("lo\r")
        #expect(try terminal.expect("default> ").contains("bot: Hello! How can I help you today?"))
        try Self.endWithControlD(terminal)
    }

    /// Random commands, arguments and bytes (NUL, quotes, emoji, huge numbers) never stop the chat:
    /// every line is answered or refused, and the program ends normally at the end of input.
    @Test func randomLinesNeverCrashTheChat() throws {
        let pieces = [
            "/help", "/debug", "/why", "/state", "/reset", "/session", "/reload", "/intent", "/meta", "/advance",
            "/save",
            "/queue", "/result", "/result found status=shipped", "/result not_found", "/fail", "/fail why",
            "/agent", "/agent join", "/agent claim", "/agent say", "/agent transfer", "/agent release",
            "/agent close", "/agent leave", "//", "/", "hi", "human please", "where is my order", "AB123456", "'", "\"",
            "é", "🙂", "\u{0}", "\t", "1e309", "-1", "claims", "general", "saved.json", "\\", "=", "a=b",
            "99999999999999999999d", "1e300d", "0.5s", "nan", "inf",
        ]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let lines = (0..<3_000).map { _ in (0...next(5)).map { _ in pieces[next(pieces.count)] }.joined(separator: " ")
        }
        let directory = try UsherBinary.directory([:])
        let bot = UsherBinary.root.appendingPathComponent("intents").path
        let output = try UsherBinary.run(["chat", bot], input: lines.joined(separator: "\n") + "\n", in: directory)
        #expect(output.status == 0, "\(output.stderr.suffix(2_000))")
        #expect(output.stderr.hasPrefix("usher chat: 22 intents from \(bot)/"))
        #expect(!output.stdout.isEmpty)
    }
}
