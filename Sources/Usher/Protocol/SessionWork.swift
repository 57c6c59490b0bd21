/// The sessions one thread works on during a batch: read from the store before, given back
/// after. A turn, a reset or a read here touches nothing but these sessions, so a batch can split
/// its sessions over threads and run each part on its own.
struct SessionWork: Sendable {
    let engine: DialogEngine
    let now: Double
    /// Masks personal data in the log records made here.
    let masker: PIIMasker?
    /// Whether to make log records at all.
    let logs: Bool
    /// Every session the batch may touch, as it stands now; `nil` where there is none.
    var sessions: [String: SessionState?]
    /// Sessions changed (written or removed) in this batch.
    var changed: Set<String> = []
    /// Sessions the store holds but could not read, with why: their requests are refused, and
    /// they are never overwritten (a reset removes them).
    var unreadable: [String: String] = [:]
    /// Sessions that ended, each with the index of the request that ended it (-1 for the
    /// sweep), so that several threads' ends are logged in input order.
    var ends: [(request: Int, end: SessionEnd)] = []
    /// The index of the request being served.
    var request = -1
    /// Expiries not told yet, by session: those the server remembers from earlier batches and
    /// those this batch's sweep found. Read by every part of a parallel batch, written by none.
    var expiries: [String: SessionExpiry] = [:]
    /// Sessions whose expiry is done with: told to their customer's message, or reset.
    var settledExpiries: Set<String> = []

    init(engine: DialogEngine, now: Double, masker: PIIMasker?, logs: Bool, sessions: [String: SessionState?] = [:]) {
        self.engine = engine
        self.now = now
        self.masker = masker
        self.logs = logs
        self.sessions = sessions
    }

    /// Runs a customer's turn; `attended` when a person has the session (the bot stays silent).
    /// A session idle past its lifetime ends (logged as expired) and a new one starts; the turn
    /// says what it dropped, as it does for the first message after a sweep ended the session.
    mutating func turn(_ message: CustomerMessage, attended: Bool) -> TurnResult {
        let id = message.session
        var state = sessions.removeValue(forKey: id) ?? nil
        var swept: SessionExpiry?
        if !expiries.isEmpty, let remembered = expiries[id], !settledExpiries.contains(id) {
            // Told to a message that finds no session; a session found instead was made since
            // (by another process sharing the store), and the sweep's news is stale.
            if state == nil { swept = remembered.told(at: now) }
            settledExpiries.insert(id)
        }
        let turn = engine.respond(to: message, state: state.take(), now: now, attended: attended, expired: swept)
        // An expiry the engine found itself ends the session here; the sweep logged its own.
        if swept == nil, let expiry = turn.expired {
            ends.append((request, SessionEnd(session: id, at: expiry.endedAt, reason: .expired)))
        }
        sessions[id] = turn.state
        changed.insert(id)
        return turn
    }

    /// Answers an action's result, or refuses it with the session untouched.
    mutating func deliver(_ result: ActionResult) -> Result<TurnResult, RefusedResult> {
        let id = result.session
        do throws(RefusedResult) {
            let turn = try engine.respond(to: result, state: sessions[id] ?? nil, now: now)
            sessions[id] = turn.state
            changed.insert(id)
            return .success(turn)
        } catch {
            return .failure(error)
        }
    }

    /// Removes a session, an unreadable one too; `reason` says why in the log (nothing is
    /// logged when there was none).
    mutating func end(_ id: String, reason: SessionEnd.Reason) {
        let exists: Bool
        if case .some(.some) = sessions[id] {
            exists = true
        } else {
            exists = unreadable.removeValue(forKey: id) != nil
        }
        if expiries[id] != nil { settledExpiries.insert(id) }
        guard exists else { return }
        sessions[id] = .some(nil)
        changed.insert(id)
        ends.append((request, SessionEnd(session: id, at: now, reason: reason)))
    }

    /// The session as a reader sees it: `nil` when there is none or it has expired.
    func current(_ id: String, attended: Bool) -> SessionState? {
        guard let state = sessions[id] ?? nil else { return nil }
        return !attended && state.isIdle(now: now, ttl: engine.bot.settings.sessionTTL) ? nil : state
    }

    /// Changes a session in place (an agent's line in its history, a release).
    /// The log's record of a turn the bot answered alone, when this work logs.
    func botRecord(_ turn: TurnResult, message: CustomerMessage) -> TurnRecord? {
        guard logs else { return nil }
        return TurnRecord(
            turn, message: message, status: .bot, attended: false, now: now, botVersion: engine.bot.version,
            masker: masker)
    }

    mutating func update(_ id: String, _ change: (inout SessionState) -> Void) {
        guard var state = sessions.removeValue(forKey: id) ?? nil else { return }
        change(&state)
        sessions[id] = state
        changed.insert(id)
    }

    /// Ends the sessions among `ids` that are idle past their lifetime and that no person has.
    mutating func expire(_ ids: [String], attended: (String) -> Bool) {
        let ttl = engine.bot.settings.sessionTTL
        for id in ids {
            guard let state = sessions[id] ?? nil, !attended(id), state.isIdle(now: now, ttl: ttl) else { continue }
            end(idle: id, SessionExpiry(state, ttl: ttl, now: now))
        }
    }

    /// Ends an idle session: logged as expired at the moment its lifetime ran out, and
    /// remembered so that its customer's next message is told what went with it.
    mutating func end(idle id: String, _ expiry: SessionExpiry) {
        sessions[id] = .some(nil)
        changed.insert(id)
        expiries[id] = expiry
        ends.append((-1, SessionEnd(session: id, at: expiry.endedAt, reason: .expired)))
    }

    /// Takes in another part's sessions and what it did.
    mutating func merge(_ other: SessionWork) {
        // The first part merged into an empty batch is taken whole, without hashing each key again.
        if sessions.isEmpty {
            sessions = other.sessions
        } else {
            sessions.merge(other.sessions) { _, theirs in theirs }
        }
        if changed.isEmpty { changed = other.changed } else { changed.formUnion(other.changed) }
        unreadable.merge(other.unreadable) { _, theirs in theirs }
        settledExpiries.formUnion(other.settledExpiries)
        ends += other.ends
    }
}
