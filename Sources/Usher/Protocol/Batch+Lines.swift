import Synchronization

/// Answering a batch of protocol lines: customers' turns in parallel over the shards, then the
/// contact centre's part in input order.
extension Batch {
    /// What a line gives before the contact centre sees it.
    enum Outcome: Sendable {
        case line(String, TurnRecord?)
        /// A turn the contact centre must complete: it handed off, or a person has the session.
        /// For a waiting customer, whether the message leaves the queue, decided here on the
        /// worker rather than in input order (`nil`: not read, the session was not waiting).
        case turn(TurnResult, CustomerMessage, id: JSONValue?, attended: Bool, leaving: QueueExit??)
        /// A reset: the session is gone; the contact centre forgets it in input order.
        case reset(String, id: JSONValue?)
        /// An agent request, carried out in input order.
        case agent(AgentRequest, id: JSONValue?)
        /// A `get`: the session's state as its shard has it, shown in input order with where the
        /// contact centre has the session then.
        case session(SessionState?, String, id: JSONValue?)
    }

    /// One response line per request, in order.
    mutating func answer(_ requests: [Result<ProtocolRequest, ProtocolError>]) throws -> [String] {
        try load(requests.compactMap(\.session))
        let hasAgentRequests = requests.contains { if case .success(.agent) = $0 { true } else { false } }
        if hasAgentRequests || shards == 1 || requests.count < 64 {
            // The sessions are swapped out of the batch for each request's turn (the batch's
            // contact centre is read meanwhile) and back in, with one empty part made per batch:
            // making one per request, and passing the batch's method as the closure, copied the
            // engine and the batch on every request.
            var part = SessionWork(engine: engine, now: now, masker: masker, logs: logs)
            return try requests.enumerated().map { index, request in
                swap(&part, &work)
                part.request = index
                let outcome = Self.prepare(request, in: &part) { self.attendance($0) }
                swap(&part, &work)
                return try finish(outcome)
            }
        }
        return try answerInParallel(requests)
    }

    private mutating func answerInParallel(_ requests: [Result<ProtocolRequest, ProtocolError>]) throws -> [String] {
        var indices = Array(repeating: [Int](), count: shards)
        var parts = (0..<shards).map { _ in SessionWork(engine: engine, now: now, masker: masker, logs: logs) }
        for (index, request) in requests.enumerated() {
            let shard = Self.shard(of: request.session ?? "", count: shards)
            indices[shard].append(index)
        }
        for shard in parts.indices {
            parts[shard].sessions.reserveCapacity(work.sessions.count / shards * 5 / 4)
            parts[shard].expiries = work.expiries
        }
        for (id, state) in work.sessions { parts[Self.shard(of: id, count: shards)].sessions[id] = state }
        for (id, problem) in work.unreadable { parts[Self.shard(of: id, count: shards)].unreadable[id] = problem }
        work.sessions = [:]
        work.unreadable = [:]
        // Read by every worker, written by none.
        let centreAtStart = centre
        let results = Mutex<[(SessionWork, [(Int, Outcome)])?]>(Array(repeating: nil, count: shards))
        // Each worker takes its part out, so the sessions it changes are its only copies: a
        // copy left behind here would make every turn copy its session's history.
        let inputs = Mutex<[SessionWork?]>(parts.map { $0 })
        parts = []
        let jobs = indices
        Parallel.forEach(shards) { shard in
            guard var part = inputs.withLock({ $0[shard].take() }) else { return }
            let mine = jobs[shard]
            // Whether a person has a session, as the contact centre will have it when this
            // line's turn is completed: handed off earlier in the batch, and not reset since.
            var handedOff: Set<String> = []
            var reset: Set<String> = []
            var outcomes: [(Int, Outcome)] = []
            outcomes.reserveCapacity(mine.count)
            for index in mine {
                part.request = index
                let outcome = Self.prepare(requests[index], in: &part) { session in
                    if handedOff.contains(session) { return .queued }
                    return reset.contains(session) ? .bot : Attendance(centreAtStart.status(of: session))
                }
                switch outcome {
                case .turn(let turn, _, _, _, _) where turn.handoff != nil: handedOff.insert(turn.state.id)
                case .reset(let session, _):
                    handedOff.remove(session)
                    reset.insert(session)
                default: break
                }
                outcomes.append((index, outcome))
            }
            results.withLock { $0[shard] = (part, outcomes) }
        }
        var ordered = [Outcome?](repeating: nil, count: requests.count)
        for result in results.withLock({ $0 }) {
            guard let (part, outcomes) = result else { continue }
            work.merge(part)
            for (index, outcome) in outcomes { ordered[index] = outcome }
        }
        // Each outcome is taken out, not copied: it is finished once.
        return try ordered.indices.map { try finish(ordered[$0].take() ?? .line("", nil)) }
    }

    /// The part of a request that needs only its session: run on the session's shard.
    static func prepare(
        _ request: Result<ProtocolRequest, ProtocolError>, in work: inout SessionWork,
        attended: (String) -> Attendance
    ) -> Outcome {
        switch request {
        case .failure(let error):
            return .line(ProtocolCodec.encode(error), nil)
        case .success(let request) where request.isRefused(unreadable: work.unreadable):
            let session = request.session ?? ""
            return .line(
                ProtocolCodec.encode(
                    ProtocolError(
                        code: SessionUnreadable.code, message: work.unreadable[session] ?? "", id: request.id)), nil)
        case .success(.message(let id, let message)):
            let attendance = attended(message.session)
            let isAttended = attendance != .bot
            let turn = work.turn(message, attended: isAttended)
            guard turn.handoff == nil && !isAttended else {
                let leaving: QueueExit?? = attendance == .queued ? .some(work.engine.leavesQueue(message.text)) : nil
                return .turn(turn, message, id: id, attended: isAttended, leaving: leaving)
            }
            // A session with the bot is none of the contact centre's business: answered here.
            return .line(ProtocolCodec.encode(turn, id: id), work.botRecord(turn, message: message))
        case .success(.actionResult(let id, let result)):
            switch work.deliver(result) {
            case .failure(let refusal):
                return .line(
                    ProtocolCodec.encode(ProtocolError(code: refusal.code, message: refusal.message, id: id)), nil)
            case .success(let turn):
                let record = work.botRecord(turn, message: CustomerMessage(session: result.session, text: ""))
                return .line(ProtocolCodec.encode(turn, id: id), record)
            }
        case .success(.get(let id, let session)):
            return .session(work.current(session, attended: attended(session) != .bot), session, id: id)
        case .success(.ping(let id)):
            return .line(ProtocolCodec.encodePong(id: id), nil)
        case .success(.reset(let id, let session)):
            work.end(session, reason: .reset)
            return .reset(session, id: id)
        case .success(.agent(let id, let request)):
            return .agent(request, id: id)
        }
    }

    /// Completes an outcome in input order: the contact centre's part, and the log.
    private mutating func finish(_ outcome: Outcome) throws -> String {
        switch outcome {
        case .line(let line, let record):
            if let record { turns.append(record) }
            return line
        case .turn(let turn, let message, let id, let attended, let leaving):
            return ProtocolCodec.encode(
                try complete(turn, message: message, attended: attended, leaving: leaving), id: id)
        case .session(let state, let session, let id):
            return ProtocolCodec.encodeSession(state, session: session, handoff: centre.status(of: session), id: id)
        case .reset(let session, let id):
            try takeCentre()
            return ProtocolCodec.encodeReset(session: session, id: id, events: forget(session))
        case .agent(let request, let id):
            do {
                return ProtocolCodec.encode(try perform(request), id: id)
            } catch let error as HandoffError {
                return ProtocolCodec.encode(ProtocolError(code: error.code, message: error.message, id: id))
            }
        }
    }

    /// Where the contact centre has `session` as this batch stands.
    func attendance(_ session: String) -> Attendance { Attendance(centre.status(of: session)) }

    /// A stable hash of the session id: one session always lands on the same shard.
    static func shard(of session: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in session.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(count))
    }
}

/// Who has a session, as a request is prepared: the bot, a queue, or an agent.
enum Attendance: Sendable, Equatable {
    case bot, queued, agent

    init(_ status: SessionHandoffStatus?) {
        switch status {
        case nil: self = .bot
        case .queued?: self = .queued
        case .agent?: self = .agent
        }
    }
}

extension Result<ProtocolRequest, ProtocolError> {
    /// The session a decoded request reads or changes, if it names one. Read in place, without
    /// copying the request out of its result: the batch asks it of every request twice.
    var session: String? {
        switch self {
        case .failure: nil
        case .success(.message(_, let message)): message.session
        case .success(.actionResult(_, let result)): result.session
        case .success(.reset(_, let session)), .success(.get(_, let session)): session
        case .success(.agent(_, .claim(_, let session?))): session
        case .success(.agent(_, .say(_, let session, _))), .success(.agent(_, .transfer(_, let session, _))),
            .success(.agent(_, .release(_, let session))), .success(.agent(_, .close(_, let session))),
            .success(.agent(_, .leaveQueue(let session))):
            session
        case .success(.ping), .success(.agent): nil
        }
    }
}

extension ProtocolRequest {
    /// Whether the request must be refused because its session is stored but unreadable: all
    /// but a reset, which removes it, and agent requests, which the contact centre checks.
    func isRefused(unreadable: [String: String]) -> Bool {
        guard !unreadable.isEmpty, let session, unreadable[session] != nil else { return false }
        switch self {
        case .message, .actionResult, .get: return true
        case .reset, .ping, .agent: return false
        }
    }

    /// The session a request reads or changes, if it names one (the batch's hot path reads it
    /// from the decoded result, which holds the one list of where each request names it).
    var session: String? { Result<ProtocolRequest, ProtocolError>.success(self).session }
}
