/// Serves one shard's sessions: customer turns and `reset`/`get`/`ping`, one response line per
/// request, sessions kept in a store. ``ShardedConversationServer`` runs several of these, one per
/// core, and adds the contact centre for handoffs and agent requests.
///
/// It does no I/O: `usher serve` reads lines and writes what the servers return, so every
/// protocol rule (one answer per line, in order; a bad line never affects another session) is
/// tested without processes or pipes.
public final class ConversationServer {
    /// Replaced by ``ShardedConversationServer/reload(_:)``; sessions stay in the store.
    public internal(set) var engine: DialogEngine
    public let store: SessionStore
    /// Requests between sweeps of expired sessions.
    public static let sweepInterval = 10_000
    private var sinceSweep = 0

    public init(engine: DialogEngine, store: SessionStore) {
        self.engine = engine
        self.store = store
    }

    /// The response line (without its newline) for one request line.
    public func respond(to line: [UInt8], now: Double) -> String {
        switch ProtocolCodec.decode(line) {
        case .failure(let error): return ProtocolCodec.encode(error)
        case .success(let request): return respond(to: request, now: now)
        }
    }

    public func respond(to request: ProtocolRequest, now: Double) -> String {
        sweepIfDue(now: now)
        do {
            switch request {
            case .message(let id, let message):
                return ProtocolCodec.encode(try serve(message, now: now), id: id)
            case .reset(let id, let session):
                try store.remove(session)
                return ProtocolCodec.encodeReset(session: session, id: id)
            case .get(let id, let session):
                let state = try store.session(session).flatMap {
                    $0.isExpired(now: now, ttl: engine.bot.settings.sessionTTL) ? nil : $0
                }
                return ProtocolCodec.encodeSession(state, session: session, id: id)
            case .ping(let id):
                return ProtocolCodec.encodePong(id: id)
            case .agent(let id, _):
                return ProtocolCodec.encode(
                    ProtocolError(
                        code: "no_contact_centre", message: "agent requests need a ShardedConversationServer", id: id))
            }
        } catch {
            return ProtocolCodec.encode(ProtocolError(code: "store_error", message: "\(error)", id: request.id))
        }
    }

    /// Runs one customer turn against the stored session and saves the result.
    public func serve(_ message: CustomerMessage, now: Double) throws -> TurnResult {
        let turn = engine.respond(to: message, state: try store.take(message.session), now: now)
        try store.save(turn.state)
        return turn
    }

    private func sweepIfDue(now: Double) {
        sinceSweep += 1
        guard sinceSweep >= Self.sweepInterval else { return }
        sinceSweep = 0
        _ = try? store.removeExpired(now: now, ttl: engine.bot.settings.sessionTTL)
    }
}
