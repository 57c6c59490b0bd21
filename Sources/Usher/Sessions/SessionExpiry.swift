/// A session that had been idle past the bot's `session_ttl` when its customer wrote again: it
/// had ended, and the message started a new one. The turn carries it so that nothing a customer
/// was in the middle of disappears silently: `usher chat` shows it, `usher serve` writes it as
/// the reply's `expired`.
public struct SessionExpiry: Sendable, Equatable {
    /// When the session was last active, in seconds since 1970 (its lifetime ran out `ttl`
    /// seconds later).
    public var lastActive: Double
    /// The bot's `session_ttl` the session outlived, in seconds.
    public var ttl: Int
    /// How long the session had been idle when the message came, in seconds.
    public var idleSeconds: Double
    /// The forms it left unfinished, the one being asked last.
    public var forms: [FormProgress]
    /// The action whose result it waited for.
    public var pendingAction: PendingAction?
    /// The names of the slots it had filled, sorted (their values went with it).
    public var slots: [String]
    /// The ticket it waited for a person with, when it ended waiting: the customer lost their
    /// place, and is told so before the bot answers (a new handoff goes to the back).
    public var queue: Ticket?

    /// What `state`, idle past `ttl` seconds at `now`, drops; `queue` is the ticket it waited with.
    public init(_ state: SessionState, ttl: Int, now: Double, queue: Ticket? = nil) {
        self.queue = queue
        lastActive = state.updatedAt
        self.ttl = ttl
        idleSeconds = now - state.updatedAt
        forms = state.forms
        pendingAction = state.pendingAction
        slots = state.slots.keys.sorted()
    }

    /// When the session ended: the moment its lifetime ran out.
    public var endedAt: Double { lastActive + Double(ttl) }

    /// The same expiry, told to a message that comes at `now`.
    func told(at now: Double) -> SessionExpiry {
        var told = self
        told.idleSeconds = now - lastActive
        return told
    }

    /// An expiry held by reference (``TurnResult/expired``).
    final class Box: Sendable {
        let value: SessionExpiry
        init(_ value: SessionExpiry) { self.value = value }
    }
}
