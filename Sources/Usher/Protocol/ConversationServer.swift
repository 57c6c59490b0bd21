import Foundation

/// Usher's serving core: answers batches of request lines (and single requests, as values) for
/// every session and the contact centre, keeping all state in a ``ConversationStore``.
///
/// Each batch is one store transaction. It first catches up on what other processes sharing
/// the store committed, then runs the customers' turns (in parallel over `shards` threads when
/// no agent request is in the batch; one session's turns always in order on one thread), then,
/// in input order, completes handoffs and agent requests against the contact centre. Sessions,
/// tickets, log records and the centre's events of the whole batch are committed together,
/// before any answer is returned, so an answer is only ever given for what is stored. When the
/// store fails, the batch's requests that needed it are answered `storage_unavailable` and
/// nothing of the batch is kept, in the store or here.
///
/// It does no I/O of its own: `usher serve` and `usher chat` read and write, so every rule (one
/// answer per line, in order; a bad line never affects another session) is tested without
/// processes or pipes.
///
/// ```swift
/// let server = ConversationServer(engine: engine, store: InMemoryConversationStore())
/// let answers = server.respond(toBatch: [Array(#"{"session": "c-1", "text": "hi"}"#.utf8)], now: 0)
/// ```
public final class ConversationServer {
    public private(set) var engine: DialogEngine
    public let store: ConversationStore
    public let shards: Int
    /// Masks personal data in the log; `nil` logs text as written (`--no-mask`).
    public let masker: PIIMasker?
    /// The contact centre as last committed.
    public private(set) var contactCentre: ContactCentre
    /// How often idle sessions are looked for, in seconds of the clock passed in.
    public static let sweepInterval = 10.0
    /// The most expired sessions one batch ends.
    public static let sweepLimit = 1_000
    private var nextSweep = -Double.infinity
    /// Sessions the sweep ended whose customers have not written since, with what each dropped:
    /// the next message of one is told (``TurnResult/expired``). Kept in this process only, at
    /// most ``rememberedExpiries`` of them, the most recent.
    private(set) var expiries: [String: SessionExpiry] = [:]
    /// The most swept sessions whose expiry this server remembers to tell.
    public static let rememberedExpiries = 10_000
    /// Why the last batch could not be stored, while the store keeps failing; `nil` once a batch
    /// is stored again. `usher serve` reports each change of it on stderr.
    public private(set) var storageFault: String?

    public init(engine: DialogEngine, store: ConversationStore, shards: Int = 1, masker: PIIMasker? = PIIMasker()) {
        self.engine = engine
        self.store = store
        self.shards = max(1, shards)
        self.masker = masker
        contactCentre = Self.emptyCentre(for: engine)
    }

    private static func emptyCentre(for engine: DialogEngine) -> ContactCentre {
        let settings = engine.bot.settings.handoff
        return ContactCentre(queues: settings.queues, agingSeconds: Double(settings.agingSeconds))
    }

    /// Serves from now on with `engine`, keeping every session and the contact centre; queues the
    /// new bot names are added, and tickets in queues it dropped keep waiting until taken.
    public func reload(_ engine: DialogEngine) {
        self.engine = engine
        let settings = engine.bot.settings.handoff
        contactCentre.addQueues(settings.queues)
        contactCentre.agingSeconds = Double(settings.agingSeconds)
    }

    // MARK: Batches of lines (`usher serve`)

    /// One response line per request line, in order.
    public func respond(toBatch lines: [[UInt8]], now: Double) -> [String] {
        let requests = Parallel.map(lines.count, workers: shards) { ProtocolCodec.decode(lines[$0]) }
        // A batch of pings and lines that are no request needs no store: a health probe is
        // answered at once even while another process holds the database (it waited out the
        // busy timeout).
        if !requests.contains(where: \.needsStore) { return requests.map { $0.answerWithoutStore ?? "" } }
        let sweep = sweepCandidates(now: now)
        do {
            return try run(now: now, sweep: sweep) { batch in try batch.answer(requests) }
        } catch {
            return requests.map { request in
                request.answerWithoutStore
                    ?? ProtocolCodec.encode(Self.batchError(error, id: (try? request.get())?.id))
            }
        }
    }

    /// The error line for each request of a batch that could not be stored.
    static func batchError(_ error: any Error, id: JSONValue?) -> ProtocolError {
        if error is StoreError {
            return ProtocolError(code: "storage_unavailable", message: "\(error)", id: id)
        }
        return ProtocolError(
            code: "internal_error", message: "the batch could not be served (\(error)); nothing of it was kept", id: id)
    }

    /// ``respondPlain(toBatch:now:)`` of lines as read: a line that is not valid UTF-8 is
    /// answered with an error, never read as a customer's words.
    public func respondPlain(toBatch lines: [[UInt8]], now: Double) -> [String] {
        let problems = lines.map(ProtocolCodec.utf8Problem)
        var answers = respondPlain(
            toBatch: zip(lines, problems).compactMap { $1 == nil ? String(decoding: $0, as: UTF8.self) : nil },
            now: now
        ).makeIterator()
        return problems.map { problem in problem.map { "error: " + $0 } ?? answers.next() ?? "" }
    }

    /// The reply text for each plain line, `SESSION<TAB>TEXT` or just `TEXT` (session
    /// `default`); several replies share a line, separated by spaces. The lines are one batch:
    /// one commit.
    public func respondPlain(toBatch lines: [String], now: Double) -> [String] {
        let messages = lines.map { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty
                ? CustomerMessage(session: String(parts[0]), text: String(parts[1]))
                : CustomerMessage(session: "default", text: line)
        }
        do {
            return try run(now: now, sweep: sweepCandidates(now: now)) { batch in
                try batch.load(
                    messages.map(\.session).filter {
                        $0.utf8.count <= ProtocolCodec.maximumSessionLength && ProtocolCodec.isComposed($0)
                    })
                return try messages.map { message in
                    guard message.session.utf8.count <= ProtocolCodec.maximumSessionLength else {
                        return
                            "error: the session id has \(message.session.utf8.count) bytes; the limit is \(ProtocolCodec.maximumSessionLength)"
                    }
                    guard ProtocolCodec.isComposed(message.session) else {
                        return "error: the session id must be in Unicode's composed form (NFC)"
                    }
                    guard message.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                        return "error: the message is empty"
                    }
                    do {
                        return try batch.converse(message).turn.replies.joined(separator: " ")
                    } catch let unreadable as SessionUnreadable {
                        return "error: \(unreadable.message)"
                    }
                }
            }
        } catch {
            return lines.map { _ in "error: " + Self.batchError(error, id: nil).message }
        }
    }

    // MARK: One request at a time, as values (`usher chat` and other in-process channels)

    /// Runs one customer turn and completes it with the contact centre.
    public func converse(_ message: CustomerMessage, now: Double) throws -> DeskTurn {
        try run(now: now, sweep: sweepCandidates(now: now)) { batch in try batch.converse(message) }
    }

    /// Answers an action's result; ``RefusedResult`` when the session waits for no such call or
    /// the outcome has no reply (nothing changes then).
    public func deliver(_ result: ActionResult, now: Double) throws -> DeskTurn {
        try run(now: now, sweep: Sweep()) { batch in try batch.deliver(result) }
    }

    /// Carries out an agent request, or refuses it (``HandoffError``) with nothing changed.
    public func perform(_ request: AgentRequest, now: Double) throws -> AgentOutcome {
        let outcome: Result<AgentOutcome, HandoffError> = try run(now: now, sweep: Sweep()) { batch in
            do {
                return .success(try batch.perform(request))
            } catch let refusal as HandoffError {
                return .failure(refusal)
            }
        }
        return try outcome.get()
    }

    /// Forgets a session, in the store and in the contact centre; the log records the reset.
    /// Returns the notice for the agent who held it, if one did.
    @discardableResult
    public func reset(session: String, now: Double) throws -> [HandoffEvent] {
        try run(now: now, sweep: Sweep()) { batch in try batch.reset(session) }
    }

    /// A session's state, or `nil` when there is none or it expired.
    public func session(_ id: String, now: Double) throws -> SessionState? {
        try run(now: now, sweep: Sweep()) { batch in try batch.current(id) }
    }

    /// How many sessions the store holds.
    public func sessionCount() throws -> Int { try store.sessionCount() }

    /// Catches up on what the store holds: at start, rebuilds the contact centre from its events
    /// (and ends sessions that expired while no server ran); later, takes in what other processes
    /// sharing the store committed.
    public func catchUp(now: Double) throws {
        try run(now: now, sweep: sweepCandidates(now: now)) { _ in }
    }

    // MARK: The transaction

    /// Runs `work` on a batch in one store transaction; commits the centre it leaves only when
    /// the store committed.
    private func run<T>(now: Double, sweep: Sweep, _ work: (inout Batch) throws -> T) throws -> T {
        do {
            let result = try transact(now: now, sweep: sweep, work)
            storageFault = nil
            return result
        } catch let error as StoreError {
            storageFault = error.message
            throw error
        }
    }

    private func transact<T>(now: Double, sweep: Sweep, _ work: (inout Batch) throws -> T) throws -> T {
        let (result, centre, untold) = try store.transact { transaction in
            var centre = contactCentre
            for event in transaction.newEvents { centre.apply(event) }
            var batch = Batch(
                engine: engine, centre: centre, transaction: transaction, now: now, shards: shards, masker: masker,
                logs: store.keepsLog, expiries: expiries)
            try batch.expire(sweep.expiring)
            try batch.dropIdleWaiting(sweep.waiting)
            let result = try work(&batch)
            return (batch.finish(), (result, batch.centre, batch.untoldExpiries()))
        }
        contactCentre = centre
        remember(untold)
        return result
    }

    /// Keeps the expiries a committed batch left untold, the most recent when there are too many.
    private func remember(_ untold: [String: SessionExpiry]) {
        guard untold.count > Self.rememberedExpiries + Self.rememberedExpiries / 4 else {
            expiries = untold
            return
        }
        let kept = untold.sorted { $0.value.endedAt > $1.value.endedAt }.prefix(Self.rememberedExpiries)
        expiries = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }

    /// What a sweep looks at: sessions with the bot that may have expired, and waiting
    /// customers who may have been silent past the queue's limit.
    struct Sweep {
        var expiring: [String] = []
        var waiting: [String] = []
    }

    /// Sessions that may have expired, and waiting customers who may have gone silent, looked
    /// for every ``sweepInterval`` seconds.
    private func sweepCandidates(now: Double) -> Sweep {
        guard now >= nextSweep else { return Sweep() }
        let cutoff = now - Double(engine.bot.settings.sessionTTL)
        // Sessions a person has are not the sweep's to expire: asked for on top, and left out.
        let attended = contactCentre.waitingCount + contactCentre.held.count
        guard let idle = try? store.idleSessions(before: cutoff, limit: Self.sweepLimit + attended) else {
            return Sweep()
        }
        let expiring = idle.filter { contactCentre.status(of: $0) == nil }
        let waiting = silentWaitingCandidates(now: now)
        // A full sweep may have left more behind: look again at the next batch.
        let full = expiring.count >= Self.sweepLimit || waiting.count >= Self.sweepLimit
        nextSweep = full ? now : now + Self.sweepInterval
        return Sweep(expiring: expiring, waiting: waiting)
    }

    /// Waiting customers who may have written nothing for longer than the bot's
    /// `queue_idle_seconds`, those waiting longest first: silence is counted from the later of
    /// their last message and their ticket, so only tickets older than the limit can be, and
    /// the centre knows those without asking the store. The batch reads each session to be sure.
    private func silentWaitingCandidates(now: Double) -> [String] {
        guard contactCentre.waitingCount > 0 else { return [] }
        let cutoff = now - Double(engine.bot.settings.handoff.queueIdleSeconds)
        return contactCentre.waiting.filter { $0.queuedAt < cutoff }.sorted { $0.queuedAt < $1.queuedAt }
            .prefix(Self.sweepLimit).map(\.session)
    }
}

extension Result<ProtocolRequest, ProtocolError> {
    /// Whether answering it needs the store: every request but a ping and a line that is none.
    fileprivate var needsStore: Bool {
        switch self {
        case .failure, .success(.ping): false
        case .success: true
        }
    }

    /// The answer to a ping or to a line that is no request, which need no store; `nil` for
    /// every other request.
    fileprivate var answerWithoutStore: String? {
        switch self {
        case .failure(let error): ProtocolCodec.encode(error)
        case .success(.ping(let id)): ProtocolCodec.encodePong(id: id)
        case .success: nil
        }
    }
}
