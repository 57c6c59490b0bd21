import ArgumentParser
import Foundation
import Usher

/// `usher chat` (and plain `usher`): talk to a bot as a customer, see why it answered, fix the
/// JSON, `/reload`, try again.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk to a bot in the terminal, with explanations, state and the agent side of handoffs.",
        discussion: """
            Type as a customer would; lines starting with / are commands (/help lists them). On a terminal, \
            lines are edited with GNU readline, Tab completes commands, intents and sessions, and history is \
            kept across runs in $XDG_STATE_HOME/usher/history (or ~/.usher_history). When stdin is not a \
            terminal, each line read gets its replies printed, so `printf 'hi\\nbye\\n' | usher chat` works \
            in scripts. Errors go to stderr, the rest to stdout. Colour is off when NO_COLOR is set or the \
            stream is not a terminal.
            """
    )

    @Argument(help: "A bot: a JSON file or a directory of them.")
    var path = "intents"

    @Flag(help: "Keep no history file.")
    var noHistory = false

    @Option(help: "The history file (default: $XDG_STATE_HOME/usher/history, else ~/.usher_history).")
    var history: String?

    @Option(help: "The name you use when you play the agent (/agent …).")
    var agent = ContactCentre.unnamedAgent

    @Flag(help: "Start with /debug on: every reply explained.")
    var debug = false

    @Option(
        help: ArgumentHelp(
            "Answer the bot's actions from this file of canned results instead of asking (/result, /fail).",
            discussion: #"{"lookup_order": [{"when": {"order_id": "AB123456"}, "values": {"status": "shipped"}}]}"#,
            valueName: "file"))
    var actions: String?

    @OptionGroup var state: StateOptions

    /// `usher chta` is a mistyped command, not a bot: plain `usher` takes a bot path, so a bare
    /// word that names nothing on disk is a usage error with a suggestion.
    func validate() throws {
        if noHistory && history != nil { throw ValidationError("--no-history and --history cannot be used together") }
        if agent.isEmpty || agent.contains(where: \.isWhitespace) || ["bot", "customer"].contains(agent) {
            throw ValidationError("--agent needs a name of one word other than bot and customer, not \"\(agent)\"")
        }
        if path == "intents" && !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("there is no intents/ folder here; give a bot: usher chat PATH")
        }
        guard path != "intents", !path.contains("/"), !path.hasSuffix(".json"),
            !FileManager.default.fileExists(atPath: path)
        else { return }
        let commands = UsherCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        let guess = Spelling.closest(to: path, among: commands).map { "did you mean `usher \($0)`? " } ?? ""
        throw ValidationError(
            "\"\(path)\" is neither a command nor a bot file or directory; \(guess)`usher --help` lists the commands")
    }

    func run() throws {
        let engine = try DialogFrontend.engine(path, explains: true)
        let canned = try actions.map { try Self.cannedResults($0, bot: engine.bot) }
        let chat = ChatSession(
            engine: engine, path: path, agent: agent, clock: { Date().timeIntervalSince1970 },
            server: try state.server(engine: engine, shards: 1))
        defer {
            if let problem = chat.leaveIfJoinedHere() { state.report(problem) }
            state.close(chat.server)
        }
        chat.debug = debug
        chat.actionResults = canned
        chat.actionResultsFile = actions
        let environment = ProcessInfo.processInfo.environment
        let output = ChatOutput(
            output: TerminalStyle.detect(environment: environment, outputIsTerminal: isatty(STDOUT_FILENO) == 1),
            errors: TerminalStyle.detect(environment: environment, outputIsTerminal: isatty(STDERR_FILENO) == 1))
        if isatty(STDIN_FILENO) == 1 {
            let file = noHistory ? nil : (history ?? Self.historyFile(environment: environment))
            let redirected = isatty(STDOUT_FILENO) != 1
            let editor = LineEditor(historyFile: file, echoToStandardError: redirected) {
                ChatCompleter(chat).candidates(line: $0, start: $1)
            }
            if let problem = editor.historyProblem {
                Console.error("usher chat: \(problem); history is kept for this run only")
            }
            converse(chat, output: output, editor: editor, bannerToStandardError: redirected)
        } else {
            Console.error(chat.banner)
            converse(
                chat, output: output,
                lines: LineReader(fileDescriptor: STDIN_FILENO, maximumLength: ChatSession.longestLine))
        }
    }

    /// `$XDG_STATE_HOME/usher/history` when the XDG state directory is set, else `~/.usher_history`.
    static func historyFile(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/usher/history" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.usher_history"
    }

    /// The `--actions` file, or every mistake in it and a failure exit.
    private static func cannedResults(_ file: String, bot: BotDefinition) throws -> CannedActionResults {
        guard let data = FileManager.default.contents(atPath: file) else {
            Console.error("\(file): error: cannot read the file")
            throw ExitCode(ExitCodes.failure)
        }
        do {
            return try CannedActionResults.load([UInt8](data), file: file, bot: bot)
        } catch {
            error.errors.forEach { Console.error($0.description(severity: "error")) }
            throw ExitCode(ExitCodes.failure)
        }
    }

    /// The terminal: a prompt, readline editing, until /quit or Ctrl-D.
    /// With `bannerToStandardError` (stdout goes to a file), what is for the eyes only goes to stderr.
    private func converse(_ chat: ChatSession, output: ChatOutput, editor: LineEditor, bannerToStandardError: Bool) {
        defer { editor.close() }
        let style = output.output
        if bannerToStandardError {
            Console.error(chat.banner)
        } else {
            Console.out(style.render(.info(chat.banner)))
        }
        while true {
            switch editor.read(prompt: style.prompt(chat.prompt)) {
            case .interrupted: continue
            case .end:
                // The shell's prompt starts on a line of its own, on the terminal.
                if bannerToStandardError { Console.error("") } else { Console.out("") }
                return
            case .line(let text):
                // A pasted block arrives as one line holding line breaks: each is a line of its own.
                for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                    let reply = chat.handle(String(line))
                    output.show(reply.lines)
                    if reply.quit { return }
                }
            }
        }
    }

    /// A pipe: each line's replies, no prompts, until /quit or end of input.
    private func converse(_ chat: ChatSession, output: ChatOutput, lines: LineReader) {
        while let batch = lines.nextBatch() {
            for line in batch {
                let reply: ChatSession.Reply
                switch line {
                case .line(let bytes): reply = chat.handle(String(decoding: bytes, as: UTF8.self))
                case .tooLong(let length, _): reply = ChatSession.Reply(lines: [.error(ChatSession.tooLong(length))])
                }
                output.show(reply.lines)
                if reply.quit { return }
            }
        }
    }
}
