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
    var ends: [SessionEnd] = []

    init(engine: DialogEngine, now: Double, masker: PIIMasker?, logs: Bool, sessions: [String: SessionState?] = [:]) {
        self.engine = engine
        self.now = now
        self.masker = masker
        self.logs = logs
        self.sessions = sessions
    }

    /// Runs a customer's turn; `attended` when a person has the session (the bot stays silent).
    /// A session idle past its lifetime ends (logged as expired) and a new one starts.
    mutating func turn(_ message: CustomerMessage, attended: Bool) -> TurnResult {
        let id = message.session
        var state = sessions.removeValue(forKey: id) ?? nil
        if let idle = state, !attended, idle.isIdle(now: now, ttl: engine.bot.settings.sessionTTL) {
            ends.append(
                SessionEnd(session: id, at: idle.updatedAt + Double(engine.bot.settings.sessionTTL), reason: .expired))
            state = nil
        }
        let turn = engine.respond(to: message, state: state.take(), now: now, attended: attended)
        sessions[id] = turn.state
        changed.insert(id)
        return turn
    }

    /// Removes a session; `reason` says why in the log (nothing is logged when there was none).
    mutating func end(_ id: String, reason: SessionEnd.Reason) {
        guard case .some(.some) = sessions[id] else { return }
        sessions[id] = .some(nil)
        changed.insert(id)
        ends.append(SessionEnd(session: id, at: now, reason: reason))
    }

    /// The session as a reader sees it: `nil` when there is none or it has expired.
    func current(_ id: String, attended: Bool) -> SessionState? {
        guard let state = sessions[id] ?? nil else { return nil }
        return !attended && state.isIdle(now: now, ttl: engine.bot.settings.sessionTTL) ? nil : state
    }

    /// Changes a session in place (an agent's line in its history, a release).
    mutating func update(_ id: String, _ change: (inout SessionState) -> Void) {
        guard var state = sessions.removeValue(forKey: id) ?? nil else { return }
        change(&state)
        sessions[id] = state
        changed.insert(id)
    }

    /// Ends the sessions among `ids` that are idle past their lifetime and that no person has.
    mutating func expire(_ ids: [String], attended: (String) -> Bool) {
        let ttl = Double(engine.bot.settings.sessionTTL)
        for id in ids {
            guard let state = sessions[id] ?? nil, !attended(id), state.isIdle(now: now, ttl: Int(ttl)) else {
                continue
            }
            sessions[id] = .some(nil)
            changed.insert(id)
            ends.append(SessionEnd(session: id, at: state.updatedAt + ttl, reason: .expired))
        }
    }

    /// Takes in another part's sessions and what it did.
    mutating func merge(_ other: SessionWork) {
        sessions.merge(other.sessions) { _, theirs in theirs }
        changed.formUnion(other.changed)
        ends += other.ends
    }
}
