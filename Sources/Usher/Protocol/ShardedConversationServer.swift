import Foundation

/// Serves batches of request lines on several cores at once while answering in input order.
///
/// Sessions are spread over shards by a stable hash of their id; each shard is a
/// ``ConversationServer`` with its own store, and one session always lands on the same shard,
/// so its turns run in the order they arrived. Sessions never share state, so the responses are
/// exactly those a single server would give, byte for byte. A batch is whatever complete lines
/// the input holds: an interactive client sending one line at a time gets one-line batches.
public final class ShardedConversationServer {
    public let shards: [ConversationServer]
    private var desk: HandoffDesk

    /// A server with `shardCount` shards, each with the store `makeStore` gives.
    public init(engine: DialogEngine, shardCount: Int, makeStore: () -> SessionStore) {
        shards = (0..<max(1, shardCount)).map { _ in ConversationServer(engine: engine, store: makeStore()) }
        desk = HandoffDesk(engine: engine)
    }

    /// How many sessions all shards hold.
    public var sessionCount: Int { shards.reduce(0) { $0 + $1.store.count } }

    /// One response line per request line, in order.
    ///
    /// Turns run on the shards in parallel; then, in input order on this thread, handed-off
    /// sessions are queued and told their place, and agent requests are carried out. A batch
    /// with agent requests runs one line at a time, so an agent's request and a customer's
    /// message act in the order they arrived.
    public func respond(toBatch lines: [[UInt8]], now: Double) -> [String] {
        let requests = Self.parallelMap(lines.count, workers: shards.count) { ProtocolCodec.decode(lines[$0]) }
        let hasAgentRequests = requests.contains { if case .success(.agent) = $0 { true } else { false } }
        if hasAgentRequests || shards.count == 1 {
            return requests.map { request in
                let outcome = run(request, on: shards[shard(of: request)], now: now)
                return complete(outcome, now: now)
            }
        }
        var byShard = Array(repeating: [Int](), count: shards.count)
        for (index, request) in requests.enumerated() { byShard[shard(of: request)].append(index) }
        let outcomes = UnsafeMutableBufferPointer<Outcome>.allocate(capacity: lines.count)
        outcomes.initialize(repeating: .line(""))
        defer { outcomes.deinitialize().deallocate() }
        // Each worker writes only the slots of its own shard's lines, and each shard server is
        // touched by one worker only.
        nonisolated(unsafe) let output = outcomes
        nonisolated(unsafe) let servers = shards
        let work = byShard
        DispatchQueue.concurrentPerform(iterations: shards.count) { shard in
            for index in work[shard] { output[index] = Self.runTurn(requests[index], on: servers[shard], now: now) }
        }
        return outcomes.map { complete($0, now: now) }
    }

    /// The reply text for a plain line, `SESSION<TAB>TEXT` or just `TEXT` (session `default`);
    /// several replies share the line, separated by spaces.
    public func respondPlain(to line: String, now: Double) -> String {
        let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        let (session, text) =
            parts.count == 2 && !parts[0].isEmpty ? (String(parts[0]), String(parts[1])) : ("default", line)
        do {
            return try converse(CustomerMessage(session: session, text: text), now: now).turn.replies.joined(
                separator: " ")
        } catch {
            return "error: \(error)"
        }
    }

    // MARK: One request at a time, as values (for `usher chat` and other in-process channels)

    /// Runs one customer turn and completes it with the contact centre.
    public func converse(_ message: CustomerMessage, now: Double) throws -> DeskTurn {
        let turn = try shards[shard(ofSession: message.session)].serve(message, now: now)
        return desk.finish(turn, now: now)
    }

    /// Carries out an agent request, or refuses it with nothing changed.
    public func perform(_ request: AgentRequest, now: Double) throws(HandoffError) -> AgentOutcome {
        try desk.handle(request, now: now) { self.shards[self.shard(ofSession: $0)].store }
    }

    /// Forgets a session, in its store and in the contact centre.
    public func reset(session: String, now: Double) throws {
        try shards[shard(ofSession: session)].store.remove(session)
        desk.centre.forget(session: session, now: now)
    }

    /// A session's state, or `nil` when there is none or it expired.
    public func session(_ id: String, now: Double) throws -> SessionState? {
        let server = shards[shard(ofSession: id)]
        return try server.store.session(id).flatMap {
            $0.isExpired(now: now, ttl: server.engine.bot.settings.sessionTTL) ? nil : $0
        }
    }

    /// The queues, agents and held sessions, as they stand.
    public var contactCentre: ContactCentre { desk.centre }

    /// Serves from now on with `engine`, keeping every session and the contact centre; queues the
    /// new bot names are added, and tickets in queues it dropped keep waiting until taken.
    public func reload(_ engine: DialogEngine) {
        for shard in shards { shard.engine = engine }
        desk.reload(engine)
    }

    /// What a line gives before the contact centre sees it.
    enum Outcome {
        case line(String)
        case turn(TurnResult, id: JSONValue?)
        case agent(AgentRequest, id: JSONValue?)
        /// A reset, answered once the contact centre has forgotten the session too.
        case reset(String, line: String)
    }

    private func run(_ request: Result<ProtocolRequest, ProtocolError>, on server: ConversationServer, now: Double)
        -> Outcome
    {
        Self.runTurn(request, on: server, now: now)
    }

    private static func runTurn(
        _ request: Result<ProtocolRequest, ProtocolError>, on server: ConversationServer, now: Double
    ) -> Outcome {
        switch request {
        case .failure(let error): return .line(ProtocolCodec.encode(error))
        case .success(.agent(let id, let agentRequest)): return .agent(agentRequest, id: id)
        case .success(.message(let id, let message)):
            do {
                let turn = try server.serve(message, now: now)
                // A session with the bot is none of the contact centre's business: answered here, in parallel.
                if turn.state.handoff == nil { return .line(ProtocolCodec.encode(turn, id: id)) }
                return .turn(turn, id: id)
            } catch {
                return .line(ProtocolCodec.encode(ProtocolError(code: "store_error", message: "\(error)", id: id)))
            }
        case .success(.reset(let id, let session)):
            return .reset(session, line: server.respond(to: .reset(id: id, session: session), now: now))
        case .success(let other): return .line(server.respond(to: other, now: now))
        }
    }

    private func complete(_ outcome: Outcome, now: Double) -> String {
        switch outcome {
        case .line(let line): return line
        case .reset(let session, let line):
            desk.centre.forget(session: session, now: now)
            return line
        case .turn(let turn, let id): return ProtocolCodec.encode(desk.finish(turn, now: now), id: id)
        case .agent(let request, let id):
            do throws(HandoffError) {
                return ProtocolCodec.encode(try perform(request, now: now), id: id)
            } catch {
                return ProtocolCodec.encode(ProtocolError(code: error.code, message: error.message, id: id))
            }
        }
    }

    private func shard(of request: Result<ProtocolRequest, ProtocolError>) -> Int {
        switch request {
        case .success(.message(_, let message)): shard(ofSession: message.session)
        case .success(.reset(_, let id)), .success(.get(_, let id)): shard(ofSession: id)
        default: 0
        }
    }

    private func shard(ofSession session: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in session.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(shards.count))
    }

    /// `transform` applied to 0..<count on `workers` threads, results in order.
    static func parallelMap<T: Sendable>(_ count: Int, workers: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard workers > 1, count >= 64 else { return (0..<count).map(transform) }
        let parts = (0..<workers).map { worker in (count * worker / workers)..<(count * (worker + 1) / workers) }
        let results = UnsafeMutableBufferPointer<[T]>.allocate(capacity: workers)
        results.initialize(repeating: [])
        defer { results.deinitialize().deallocate() }
        nonisolated(unsafe) let shared = results
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            shared[worker] = parts[worker].map(transform)
        }
        return results.flatMap { $0 }
    }
}
