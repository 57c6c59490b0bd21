/// Where sessions live between turns. The engine never touches a store: the program running the
/// conversation loads a session, runs the turn, and saves what the turn returned.
///
/// Stores are synchronous: a turn takes microseconds, and the line protocol answers in order.
public protocol SessionStore: AnyObject {
    /// The session, or `nil` when there is none.
    func session(_ id: String) throws -> SessionState?
    /// The session, handed over for a turn that will save it again. Stores that keep values in
    /// memory remove it meanwhile, so the turn changes the only copy instead of copying it.
    func take(_ id: String) throws -> SessionState?
    func save(_ state: SessionState) throws
    func remove(_ id: String) throws
    /// Removes every session idle for longer than `ttl` seconds at `now`; returns how many.
    @discardableResult
    func removeExpired(now: Double, ttl: Int) throws -> Int
    var count: Int { get }
}

extension SessionStore {
    public func take(_ id: String) throws -> SessionState? { try session(id) }
}

/// Sessions in a dictionary: the default store for `usher serve` and for tests.
public final class InMemorySessionStore: SessionStore {
    private var sessions: [String: SessionState] = [:]

    public init() {}

    public func session(_ id: String) -> SessionState? { sessions[id] }

    public func take(_ id: String) -> SessionState? { sessions.removeValue(forKey: id) }

    public func save(_ state: SessionState) { sessions[state.id] = state }

    public func remove(_ id: String) { sessions[id] = nil }

    @discardableResult
    public func removeExpired(now: Double, ttl: Int) -> Int {
        let before = sessions.count
        sessions = sessions.filter { !$0.value.isExpired(now: now, ttl: ttl) }
        return before - sessions.count
    }

    public var count: Int { sessions.count }
}
