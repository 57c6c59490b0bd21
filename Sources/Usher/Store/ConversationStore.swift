/// Where conversations live between batches: sessions, the contact centre's events and the
/// conversation log. The engine never touches a store; ``ConversationServer`` runs each batch of
/// requests as one ``transact(_:)``, so everything a batch changed is committed whole, before
/// any of its answers is written, or not at all.
///
/// The seam is shaped like a database transaction so that every kind of store fits it: the
/// in-memory store (tests, pipes), SQLite (one machine, one or several processes) and a
/// multi-process server database. A transaction first hands over the contact-centre events that
/// other writers committed since this store last looked, so a process that shares the store
/// with others catches up before it decides anything; sessions are read inside the transaction,
/// so no other writer changes them until it ends.
///
/// ```swift
/// let answers = try store.transact { transaction in
///     for event in transaction.newEvents { centre.apply(event) }
///     var sessions = try transaction.sessions(["c-1"])
///     … run the turns …
///     return (changes, answers)
/// }
/// ```
public protocol ConversationStore: AnyObject {
    /// Runs `work` in one transaction and commits the changes it returns; when `work` or the
    /// commit throws, nothing of it is kept and the sessions it read are as they were.
    func transact<Result>(_ work: (StoreTransaction) throws -> (StoreChanges, Result)) throws -> Result

    /// Sessions last changed before `cutoff` (seconds since 1970), at most `limit`, for the expiry sweep.
    func idleSessions(before cutoff: Double, limit: Int) throws -> [String]

    /// How many sessions the store holds.
    func sessionCount() throws -> Int

    /// Whether the store keeps turn records: when it does not, the server does not make them.
    var keepsLog: Bool { get }

    /// The log, oldest first: for tests and replay.
    func log() throws -> ConversationLog
}

/// What a transaction can read: the news from other writers, and sessions.
public protocol StoreTransaction {
    /// Contact-centre events committed since this store last looked, oldest first: at the first
    /// transaction, every event ever committed, from which the centre is rebuilt.
    var newEvents: [CentreEvent] { get }

    /// The stored sessions among `ids`, handed over for this transaction; ids with no session
    /// are absent. Give each back in the changes (saved, removed or unchanged); one that is not
    /// stays as stored. Read each session once per transaction.
    func sessions(_ ids: [String]) throws -> [String: SessionState]

    /// Sessions that are stored but could not be read (a damaged row, a snapshot from an
    /// incompatible version), with why: left out of ``sessions(_:)`` and never overwritten, so
    /// the server can refuse just their requests and a reset can clear them.
    var unreadable: [String: String] { get }

    /// Takes the contact centre for the rest of the transaction, before the batch first decides
    /// anything with it (a ticket, a claim), and returns the events other writers committed
    /// since ``newEvents``. A store shared by processes that serve batches side by side locks
    /// here, so that only the contact-centre part of their batches takes turns; a store whose
    /// transactions already exclude one another returns nothing.
    func takeCentre() throws -> [CentreEvent]
}

extension StoreTransaction {
    public func takeCentre() throws -> [CentreEvent] { [] }
}

/// Everything one batch changed, committed together.
public struct StoreChanges: Sendable {
    /// Sessions to write, whole (a session's snapshot is bounded; its history lives in the log).
    public var saved: [SessionState] = []
    /// Sessions that ended; their `ends` record says why.
    public var removed: [String] = []
    /// Sessions read and given back unchanged: a store that keeps sessions in memory may keep these.
    public var unchanged: [SessionState] = []
    public var turns: [TurnRecord] = []
    public var events: [CentreEvent] = []
    public var ends: [SessionEnd] = []

    public init() {}

    public var isEmpty: Bool {
        saved.isEmpty && removed.isEmpty && turns.isEmpty && events.isEmpty && ends.isEmpty
    }
}

/// The conversation log as a store returns it.
public struct ConversationLog: Sendable, Equatable {
    public var turns: [TurnRecord]
    public var events: [CentreEvent]
    public var ends: [SessionEnd]

    public init(turns: [TurnRecord] = [], events: [CentreEvent] = [], ends: [SessionEnd] = []) {
        self.turns = turns
        self.events = events
        self.ends = ends
    }
}

extension ConversationLog {
    /// Adds a record a store read back. A damaged row refuses: the whole log was asked for
    /// (to replay or compare it), and it is not whole.
    public mutating func append(_ record: LogRecord) throws(StoreError) {
        switch record {
        case .turn(let turn): turns.append(turn)
        case .event(let event): events.append(event)
        case .end(let end): ends.append(end)
        case .damaged(let row): throw StoreError(.unusable, row.description)
        // Not a row: only a period's scan reads it, for figures.
        case .earlierContact: break
        }
    }
}
