import Foundation
import Usher

/// `usher chat`'s brain: answers each typed line, a customer message or a slash command, with
/// the lines to show. It owns the conversations (through the same server `usher serve` uses) and
/// plays the agent side of handoffs; it knows nothing of terminals, so the REPL and the piped
/// mode share it and tests drive it directly.
final class ChatSession {
    /// What a line gave: lines to show, and whether to stop.
    struct Reply: Equatable {
        var lines: [ChatLine]
        var quit = false
    }

    let path: String
    let agent: String
    private(set) var engine: DialogEngine
    let server: ConversationServer
    private let wallClock: () -> Double
    /// How far `/advance` has moved the chat's clock past the wall clock.
    private(set) var advanced = 0.0
    /// Metadata sent with each session's messages, set by `/meta`.
    private var metadata: [String: [String: String]] = [:]
    /// The language each session's messages are sent in, set by `/lang`.
    private var languages: [String: String] = [:]
    let formatter: ChatFormatter
    /// The session typed into.
    private(set) var session = "default"
    /// Every session started here, in order, for `/session` and completion.
    private(set) var sessions = ["default"]
    var debug = false
    var lastTurns: [String: (text: String, turn: DeskTurn)] = [:]
    /// Each session's turns with the bot, for `/save`.
    var recorder = ConversationRecorder()
    /// Whether this chat joined its agent (and so makes them leave when it ends).
    var joinedHere = false
    /// The conversation the agent's `say`, `release`, … act on: the one taken last.
    var agentFocus: String?
    /// Results that answer the bot's actions without asking (`usher chat --actions FILE`).
    var actionResults: CannedActionResults?
    var actionResultsFile: String?

    /// A chat through `server` (in memory unless `usher chat --state FILE` gave a durable one).
    init(
        engine: DialogEngine, path: String, agent: String = ContactCentre.unnamedAgent, clock: @escaping () -> Double,
        server: ConversationServer
    ) {
        self.engine = engine
        self.path = path
        self.agent = agent
        formatter = ChatFormatter(agent: agent)
        wallClock = clock
        self.server = server
    }

    /// A chat over a fresh in-memory store.
    convenience init(
        engine: DialogEngine, path: String, agent: String = ContactCentre.unnamedAgent, clock: @escaping () -> Double
    ) {
        self.init(
            engine: engine, path: path, agent: agent, clock: clock,
            server: ConversationServer(engine: engine, store: InMemoryConversationStore()))
    }

    /// `default> `: the session the next message goes to, and whether a person has it
    /// (`default [queued]> `, `default [agent]> `).
    var prompt: String {
        switch server.contactCentre.status(of: session) {
        case .queued?: "\(session) [queued]> "
        case .agent(let agent, _)?: "\(session) [\(agent)]> "
        case nil: "\(session)> "
        }
    }

    /// The first line shown on a terminal.
    var banner: String {
        var isDirectory: ObjCBool = false
        let directory = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        let source = directory && !path.hasSuffix("/") ? path + "/" : path
        let count = engine.bot.intents.count
        let intents = "\(count) intent\(count == 1 ? "" : "s")"
        return "usher chat: \(intents) from \(source); session \(session); /help lists the commands"
    }

    /// The longest line read, in bytes, as for `usher serve`'s default `--max-line`.
    static let longestLine = 65_536

    static func tooLong(_ bytes: Int) -> String {
        "a line of \(bytes) bytes is too long; the limit is \(longestLine)"
    }

    func handle(_ line: String) -> Reply {
        if line.utf8.count > Self.longestLine { return Reply(lines: [.error(Self.tooLong(line.utf8.count))]) }
        switch ChatInput.parse(line) {
        case .success(.empty): return Reply(lines: [])
        case .success(.message(let text)): return Reply(lines: say(text))
        case .success(.command(let command)): return run(command)
        case .failure(let error): return Reply(lines: [.error(error.description)])
        }
    }

    // MARK: The customer's side

    private func say(_ text: String) -> [ChatLine] {
        do {
            let now = clock()
            let message = CustomerMessage(
                session: session, text: text, metadata: metadata[session] ?? [:], language: languages[session])
            let turn = try server.converse(message, now: now)
            lastTurns[session] = (text, turn)
            recorder.record(message, turn, now: now, advanced: advanced)
            var lines = formatter.turn(turn)
            if debug { lines += explain(text: text, turn: turn) }
            if let call = turn.turn.called { lines += called(call) }
            return lines
        } catch {
            return [.error("the session store failed: \(error)")]
        }
    }

    // MARK: Actions

    /// The bot called an action: answered from the canned results when they have one,
    /// otherwise the author is asked to answer it by hand.
    private func called(_ call: PendingAction) -> [ChatLine] {
        let shown = formatter.call(call)
        guard let canned = actionResults?.result(for: call) else {
            return [
                .info("the bot waits for \(shown): answer with /result [OUTCOME] [KEY=VALUE...] or /fail [WHY]")
            ]
        }
        return [.info("\(shown) → \(canned.outcome), from \(actionResultsFile ?? "the results file")")]
            + answerAction(outcome: canned.outcome, values: canned.values, error: canned.error)
    }

    /// Delivers a result to the action this session's bot waits for.
    private func answerAction(outcome: String, values: [String: String], error: String? = nil) -> [ChatLine] {
        do {
            let now = clock()
            guard let pending = try server.session(session, now: now)?.pendingAction else {
                return [.error("no action waits for a result in session \(session)")]
            }
            let result = ActionResult(
                session: session, call: pending.call, outcome: outcome, values: values, error: error)
            let turn = try server.deliver(result, now: now)
            recorder.record(result, turn, advanced: advanced)
            return formatter.turn(turn)
        } catch let refusal as RefusedResult {
            return [.error(refusal.message)]
        } catch {
            return [.error("the session store failed: \(error)")]
        }
    }

    private func explain(text: String, turn: DeskTurn) -> [ChatLine] {
        formatter.explanation(
            of: turn.turn, text: text, sentiment: engine.serving(turn.turn.state.language).sentiment.analyze(text),
            status: turn.status)
    }

    // MARK: Commands

    private func run(_ command: SlashCommand) -> Reply {
        switch command {
        case .quit: return Reply(lines: [], quit: true)
        case .help(let topic): return Reply(lines: formatter.help(topic))
        case .debug(let wanted):
            debug = wanted ?? !debug
            return Reply(lines: [.info("debug is \(debug ? "on: each reply is explained" : "off")")])
        case .why:
            guard let last = lastTurns[session] else {
                return Reply(lines: [.error("nothing to explain yet in session \(session); say something first")])
            }
            return Reply(lines: explain(text: last.text, turn: last.turn))
        case .state:
            let state = try? server.session(session, now: clock())
            return Reply(
                lines: formatter.state(state, session: session, handoff: server.contactCentre.status(of: session)))
        case .reset: return Reply(lines: reset())
        case .session(let name): return Reply(lines: switchSession(to: name))
        case .reload: return Reply(lines: reload())
        case .intent(let name):
            guard let intent = engine.intent(named: name) else {
                let guess = Spelling.closest(to: name, among: intentNames).map { "did you mean \($0)? " } ?? ""
                return Reply(lines: [.error("no intent \"\(name)\"; \(guess)tab completes intent names")])
            }
            return Reply(lines: formatter.intent(intent))
        case .save(let file, let name):
            return Reply(lines: recorder.save(session: session, to: file, name: name, bot: path))
        case .meta(let pairs): return Reply(lines: setMetadata(pairs))
        case .lang(let language): return Reply(lines: setLanguage(language))
        case .advance where !(server.store is InMemoryConversationStore):
            return Reply(lines: [
                .error(
                    "/advance moves the clock of this chat only; with --state it would expire and date the shared file's conversations, so it is off"
                )
            ])
        case .advance(let seconds):
            // A century in all: far enough for any test, and the calendar stays defined.
            guard advanced + seconds <= 100 * SlashCommand.longestAdvance else {
                return Reply(lines: [
                    .error(
                        "the clock is already \(formatter.duration(advanced)) ahead, the most it goes; restart usher chat to set it back"
                    )
                ])
            }
            advanced += seconds
            return Reply(lines: [.info("the clock is \(formatter.duration(advanced)) ahead now")])
        case .queue:
            let centre = server.contactCentre
            return Reply(
                lines: formatter.queues(QueueView.all(in: centre, now: clock()), held: centre.held))
        case .leave: return Reply(lines: leaveQueue())
        case .agent(let command): return Reply(lines: act(command))
        case .result(let outcome, let values):
            return Reply(lines: answerAction(outcome: outcome ?? ActionResult.outcome(for: values), values: values))
        case .fail(let why):
            return Reply(
                lines: answerAction(outcome: ActionDefinition.failed, values: [:], error: why ?? "failed in usher chat")
            )
        }
    }

    /// The chat's time: the wall clock, moved on by `/advance`.
    func clock() -> Double { wallClock() + advanced }

    /// The language the session's messages go in; the bot answers in it when it serves it.
    private func setLanguage(_ language: String?) -> [ChatLine] {
        let served = engine.bot.languages
        guard let language else {
            let current =
                languages[session] ?? (try? server.session(session, now: clock()))?.language ?? engine.bot.language
            return [.info("session \(session) is in \(current); the bot serves \(served.joined(separator: ", "))")]
        }
        guard let serving = engine.engine(for: language) else {
            return [.error(engine.bot.notServed(language))]
        }
        languages[session] = language
        return [.info("session \(session) writes in \(language), answered in \(serving.bot.language)")]
    }

    private func setMetadata(_ pairs: [String: String]) -> [ChatLine] {
        var current = metadata[session] ?? [:]
        current.merge(pairs) { _, new in new }
        metadata[session] = current
        guard !current.isEmpty else { return [.info("no metadata for session \(session)")] }
        return [.info("session \(session) sends \(formatter.pairs(current))")]
    }

    private func reset() -> [ChatLine] {
        do {
            try server.reset(session: session, now: clock())
        } catch {
            return [.error("the session store failed: \(error)")]
        }
        lastTurns[session] = nil
        recorder.forget(session)
        if agentFocus == session { agentFocus = nil }
        return [.info("session \(session) is forgotten; the next message starts it afresh")]
    }

    private func switchSession(to name: String?) -> [ChatLine] {
        guard let name else {
            return sessions.map { ChatLine.detail($0 == session ? "* \($0)" : "  \($0)", status(of: $0)) }
        }
        session = name
        if sessions.contains(name) { return [.info("now in session \(name) (\(status(of: name)))")] }
        sessions.append(name)
        return [.info("started session \(name)")]
    }

    private func status(of session: String) -> String {
        switch server.contactCentre.status(of: session) {
        case .queued(let ticket)?: "waiting in \(ticket.queue)"
        case .agent(let agent, _)?: "with \(formatter.holder(agent))"
        case nil: "with the bot"
        }
    }

    /// Re-reads the bot; on any error the old one keeps serving.
    private func reload() -> [ChatLine] {
        let fresh: DialogEngine
        do {
            fresh = try DialogEngine(bot: try BotLoader.load(path: path), explains: engine.explains)
        } catch {
            let errors = error.errors.map { ChatLine.diagnostic($0.description(severity: "error")) }
            return errors + [.info("kept the bot loaded before (\(engine.bot.intents.count) intents)")]
        }
        let before = Set(intentNames)
        let after = Set(fresh.bot.intents.map(\.name))
        let queuesBefore = queueNames
        server.reload(fresh)
        let newQueues = queueNames.filter { !queuesBefore.contains($0) }
        engine = fresh
        var change = "reloaded \(path): \(after.count) intents"
        let added = after.subtracting(before).sorted()
        let removed = before.subtracting(after).sorted()
        if !added.isEmpty { change += "; added " + added.joined(separator: ", ") }
        if !removed.isEmpty { change += "; removed " + removed.joined(separator: ", ") }
        if !newQueues.isEmpty {
            change += "; new queue\(newQueues.count == 1 ? "" : "s") " + newQueues.joined(separator: ", ")
        }
        return [.info(change + "; \(sessions.count) session\(sessions.count == 1 ? "" : "s") kept")]
    }

    var intentNames: [String] { engine.bot.intents.map(\.name) }

    /// Queues for completion: the bot's and any kept from before a reload.
    var queueNames: [String] { server.contactCentre.queueNames }

    /// Sessions waiting for an agent, in the order agents will take them.
    var waitingSessions: [String] {
        QueueView.all(in: server.contactCentre, now: clock()).flatMap { $0.waiting.map(\.ticket.session) }
    }
}
