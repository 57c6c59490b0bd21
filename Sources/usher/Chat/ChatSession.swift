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
    private let server: ShardedConversationServer
    private let wallClock: () -> Double
    /// How far `/advance` has moved the chat's clock past the wall clock.
    private var advanced = 0.0
    /// Metadata sent with each session's messages, set by `/meta`.
    private var metadata: [String: [String: String]] = [:]
    private let formatter = ChatFormatter()
    /// The session typed into.
    private(set) var session = "default"
    /// Every session started here, in order, for `/session` and completion.
    private(set) var sessions = ["default"]
    var debug = false
    private var lastTurns: [String: (text: String, turn: DeskTurn)] = [:]
    /// Each session's turns with the bot, for `/save`; closed at a handoff, since tests run without agents.
    private var recordings: [String: Recording] = [:]

    private struct Recording {
        var start: Double
        var turns: [ConversationTestWriter.RecordedTurn] = []
        var closed = false
        /// Turns after the handoff, which a test cannot replay.
        var left = 0
        /// Where `/advance` had put the clock at the last turn, so a test replays the jumps.
        var advancedAtLastTurn = 0.0
        /// The metadata last written, so a test repeats them only when they change.
        var meta: [String: String] = [:]
    }
    private var agentJoined = false
    /// The conversation the agent's `say`, `release`, … act on: the one taken last.
    private var agentFocus: String?

    init(engine: DialogEngine, path: String, agent: String = "agent", clock: @escaping () -> Double) {
        self.engine = engine
        self.path = path
        self.agent = agent
        wallClock = clock
        server = ShardedConversationServer(engine: engine, shardCount: 1) { InMemorySessionStore() }
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
        return
            "usher chat: \(engine.bot.intents.count) intents from \(source); session \(session); /help lists the commands"
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
            let message = CustomerMessage(session: session, text: text, metadata: metadata[session] ?? [:])
            let turn = try server.converse(message, now: now)
            lastTurns[session] = (text, turn)
            record(message, turn, now: now)
            var lines = formatter.turn(turn)
            if debug { lines += explain(text: text, turn: turn) }
            return lines
        } catch {
            return [.error("the session store failed: \(error)")]
        }
    }

    private func record(_ message: CustomerMessage, _ turn: DeskTurn, now: Double) {
        var recording = recordings[session] ?? Recording(start: now, advancedAtLastTurn: advanced)
        defer { recordings[session] = recording }
        var queued = false
        if case .queued = turn.status { queued = turn.turn.handoff != nil }
        guard !recording.closed, turn.status == .bot || queued else {
            recording.left += 1
            recording.closed = true
            return
        }
        // The queue announcement is the contact centre's, which tests run without.
        let replies = queued ? Array(turn.turn.replies.dropLast()) : turn.turn.replies
        let meta = message.metadata == recording.meta ? [:] : message.metadata
        recording.turns.append(
            .init(
                say: message.text, intent: turn.turn.intent, slots: turn.turn.filled, replies: replies, queued: queued,
                meta: meta, advance: advanced - recording.advancedAtLastTurn))
        recording.advancedAtLastTurn = advanced
        recording.meta = message.metadata
        recording.closed = queued
    }

    private func explain(text: String, turn: DeskTurn) -> [ChatLine] {
        formatter.explanation(
            of: turn.turn, text: text, sentiment: engine.sentiment.analyze(text), status: turn.status)
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
        case .save(let file, let name): return Reply(lines: save(to: file, name: name))
        case .meta(let pairs): return Reply(lines: setMetadata(pairs))
        case .advance(let seconds):
            advanced += seconds
            return Reply(lines: [.info("the clock is \(formatter.duration(advanced)) ahead now")])
        case .queue:
            let centre = server.contactCentre
            return Reply(
                lines: formatter.queues(QueueView.all(in: centre, now: clock()), held: centre.held))
        case .agent(let command): return Reply(lines: act(command))
        }
    }

    /// The chat's time: the wall clock, moved on by `/advance`.
    private func clock() -> Double { wallClock() + advanced }

    private func setMetadata(_ pairs: [String: String]) -> [ChatLine] {
        var current = metadata[session] ?? [:]
        current.merge(pairs) { _, new in new }
        metadata[session] = current
        guard !current.isEmpty else { return [.info("no metadata for session \(session)")] }
        let listed = current.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return [.info("session \(session) sends \(listed)")]
    }

    private func reset() -> [ChatLine] {
        do {
            try server.reset(session: session)
        } catch {
            return [.error("the session store failed: \(error)")]
        }
        lastTurns[session] = nil
        recordings[session] = nil
        if agentFocus == session { agentFocus = nil }
        return [.info("session \(session) is forgotten; the next message starts it afresh")]
    }

    /// Writes the session's turns as a conversation test: a new file, or one more conversation in it.
    private func save(to file: String, name: String?) -> [ChatLine] {
        guard let recording = recordings[session], !recording.turns.isEmpty else {
            return [.error("nothing to save yet in session \(session); say something first")]
        }
        let count = recording.turns.count
        let target = Self.resolve(file)
        let title = Self.unique(name ?? "\(session): " + (recording.turns.first?.say ?? ""), in: target)
        let conversation = ConversationTestWriter.conversation(
            name: title, start: recording.start, turns: recording.turns)
        let text: String
        do {
            if FileManager.default.fileExists(atPath: target) && !Self.isDirectory(target) {
                guard let existing = try? String(contentsOfFile: target, encoding: .utf8) else {
                    return [.error("cannot read \(file) as UTF-8 text; nothing written")]
                }
                text = try ConversationTestWriter.appending(conversation, to: existing, file: file)
            } else {
                text = ConversationTestWriter.file(conversations: [conversation])
            }
            try text.write(toFile: target, atomically: true, encoding: .utf8)
        } catch let errors as DefinitionErrors {
            return errors.errors.map { ChatLine.error($0.description(severity: nil)) } + [.info("\(file) is unchanged")]
        } catch {
            return [.error("cannot write \(file): \(Self.reason(error, path: target))")]
        }
        var lines: [ChatLine] = [
            .info(
                "saved \(count) turn\(count == 1 ? "" : "s") as \"\(title)\" in \(file); run: usher test --bot \(path) \(file)"
            )
        ]
        if recording.left > 0 {
            lines.append(
                .info(
                    "\(recording.left) turn\(recording.left == 1 ? "" : "s") after the handoff not saved: "
                        + "conversation tests run without agents"))
        }
        return lines
    }

    /// `name`, or `name (2)`, `name (3)`, … when the test file already has a conversation of that
    /// name, so each saved conversation can be told apart in `usher test`'s report.
    private static func unique(_ name: String, in file: String) -> String {
        guard let bytes = FileManager.default.contents(atPath: file),
            let suite = try? ConversationTestDecoder.load(Array(bytes), file: file)
        else { return name }
        let taken = Set(suite.conversations.map(\.name))
        var candidate = name
        var number = 1
        while taken.contains(candidate) {
            number += 1
            candidate = "\(name) (\(number))"
        }
        return candidate
    }

    /// `~` expanded and symbolic links followed, so `/save` writes the file a link points to.
    private static func resolve(_ file: String) -> String {
        var path = NSString(string: file).expandingTildeInPath
        // Followed by hand: Foundation leaves a link to a file not yet written unresolved.
        for _ in 0..<16 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { break }
            path =
                destination.hasPrefix("/")
                ? destination : (path as NSString).deletingLastPathComponent + "/" + destination
        }
        return path
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Why `path` cannot be written, in a user's words.
    private static func reason(_ error: Error, path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        if isDirectory(path) { return "it is a directory" }
        if !folder.isEmpty && !isDirectory(folder) { return "there is no folder \(folder)" }
        if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            return "the folder \(folder) is not writable"
        }
        return error.localizedDescription
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
        case .agent(let agent, _)?: "with agent \(agent)"
        case nil: "with the bot"
        }
    }

    /// Re-reads the bot; on any error the old one keeps serving.
    private func reload() -> [ChatLine] {
        let fresh: DialogEngine
        do {
            fresh = try DialogEngine(bot: try BotLoader.load(path: path), explains: engine.explains)
        } catch {
            let errors = error.errors.map { ChatLine.error($0.description(severity: nil)) }
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

// MARK: The agent's side

extension ChatSession {
    private func act(_ command: SlashCommand.AgentCommand) -> [ChatLine] {
        var lines: [ChatLine] = []
        do throws(HandoffError) {
            switch command {
            case .join(let queues):
                if agentJoined {
                    let serves = server.contactCentre.agents[agent]?.queues.joined(separator: ", ") ?? ""
                    return [.error("\(agent) already serves \(serves); /agent leave first to serve other queues")]
                }
                try join(queues.isEmpty ? queueNames : queues, lines: &lines)
            case .claim(let session):
                if !agentJoined { try join(queueNames, lines: &lines) }
                let outcome = try perform(.claim(agent: agent, session: session))
                if case .claimed(_, let ticket, let summary, let events) = outcome {
                    agentFocus = ticket.session
                    lines += formatter.summary(summary, ticket: ticket)
                    lines += formatter.events(events, agent: agent, current: self.session)
                }
            case .say(let text):
                let target = try focus(nil)
                lines += formatter.events(
                    try perform(.say(agent: agent, session: target, text: text)).events, agent: agent,
                    current: session)
            case .transfer(let queue, let session):
                let target = try focus(session)
                lines += try letGo(
                    .transfer(agent: agent, session: target, queue: queue), target, "transferred \(target) to \(queue)")
            case .release(let session):
                let target = try focus(session)
                lines += try letGo(
                    .release(agent: agent, session: target), target, "released \(target) back to the bot")
            case .close(let session):
                let target = try focus(session)
                lines += try letGo(.close(agent: agent, session: target), target, "closed \(target)")
                lastTurns[target] = nil
                recordings[target] = nil
            case .leave:
                guard case .left(_, let requeued) = try perform(.leave(agent: agent)) else { break }
                agentJoined = false
                agentFocus = nil
                let back = requeued.isEmpty ? "" : "; back in their queues: " + requeued.joined(separator: ", ")
                lines.append(.info("\(agent) left" + back))
            }
        } catch {
            lines.append(.error("\(error.message) (\(error.code))"))
        }
        return lines
    }

    /// Carries out a request that ends the agent's hold on `target`: what was done, then what
    /// the customer is told.
    private func letGo(_ request: AgentRequest, _ target: String, _ done: String) throws(HandoffError) -> [ChatLine] {
        let outcome = try perform(request)
        refocus(after: target)
        return [.info(done)] + formatter.events(outcome.events, agent: agent, current: session)
    }

    private func join(_ queues: [String], lines: inout [ChatLine]) throws(HandoffError) {
        _ = try perform(.join(agent: agent, queues: queues, capacity: 5))
        agentJoined = true
        lines.append(.info("\(agent) serves " + queues.joined(separator: ", ")))
    }

    private func perform(_ request: AgentRequest) throws(HandoffError) -> AgentOutcome {
        try server.perform(request, now: clock())
    }

    /// The session named, or the one the agent took last.
    private func focus(_ session: String?) throws(HandoffError) -> String {
        if let session { return session }
        guard let focus = agentFocus else {
            throw HandoffError(
                code: "nothing_held", message: "\(agent) holds no conversation; /agent claim takes the next one")
        }
        return focus
    }

    /// After a conversation leaves the agent, the focus moves to another they still hold.
    private func refocus(after session: String) {
        guard agentFocus == session else { return }
        agentFocus = server.contactCentre.agents[agent]?.sessions.last
    }
}
