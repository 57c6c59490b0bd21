/// Which records of the log belong to a period's conversations: a conversation belongs to the
/// period its start (its first turn) falls in, and is counted whole there, everything it did
/// after the period's end included; a conversation that began before the period is not counted
/// at all. So consecutive periods add up to the whole log, and a customer who writes at 23:50
/// and is handed to a person at 00:10 is one escalated conversation of the first day.
///
/// A conversation is what ``StatsBuilder`` counts as one: a session from a first customer turn
/// to its end (expiry, reset, an agent's close), told apart from the session's next one by the
/// moment it began, which every turn records. Contact-centre events and session ends carry only
/// a session: they belong to the session's conversation at that moment, which this follows
/// through the log. Agents joining are no conversation's: they count in the span they were
/// logged in (they change no figure). An agent leaving is kept with only the tickets of counted
/// conversations it put back in the queue. A row that could not be read counts in the span it
/// was logged in.
///
/// Pure: fed the log's records in time order (the period's span, then its tail, ``LogPart``),
/// it answers each with the record to count, or `nil`.
public struct LogPeriod: Sendable {
    public let from: Double?
    public let to: Double?
    /// Sessions whose conversation of the period has not ended yet: after the period's end,
    /// only these are read, and only until each has ended.
    public private(set) var open: Set<String> = []

    public init(from: Double?, to: Double?) {
        self.from = from
        self.to = to
    }

    /// Whether a conversation that began at `start`, or a record logged then, falls in the period.
    public func contains(_ start: Double) -> Bool {
        start >= from ?? -.infinity && start < to ?? .infinity
    }

    /// `record` as it counts for the period (an agent's `left` keeps only the counted tickets),
    /// or `nil` when it belongs to no conversation of the period.
    public mutating func admit(_ record: LogRecord) -> LogRecord? {
        switch record {
        case .turn(let turn):
            guard contains(turn.conversationStart) else {
                open.remove(turn.session)
                return nil
            }
            open.insert(turn.session)
            return record
        case .event(.left(let agent, let requeued, let at)):
            let kept = requeued.filter { open.contains($0.session) }
            return kept.isEmpty ? nil : .event(.left(agent: agent, requeued: kept, at: at))
        case .event(let event):
            guard let session = event.session else { return contains(event.at) ? record : nil }
            return open.contains(session) ? record : nil
        case .end(let end):
            return open.remove(end.session) == nil ? nil : record
        case .damaged(let row):
            let logged = row.at.map(contains) ?? true
            return logged ? record : nil
        case .earlierContact:
            return record
        }
    }

    /// The conversations of known customers that began in the day before the period, from the
    /// turns of ``LogPart/contacts(from:to:)``, earliest first: so that a contact in the period
    /// whose previous one lies before it is still told as a repeat. A conversation is its first
    /// named customer's, as ``StatsBuilder`` counts it.
    public static func earlierContacts(in turns: LogMerge.Stream) throws -> [LogRecord] {
        var customers: [StatsBuilder.ConversationKey: String] = [:]
        while let record = try turns() {
            guard case .turn(let turn) = record, let customer = turn.customer else { continue }
            let key = StatsBuilder.ConversationKey(session: turn.session, start: turn.conversationStart)
            if customers[key] == nil { customers[key] = customer }
        }
        return customers.map { (start: $0.key.start, customer: $0.value) }.sorted {
            ($0.start, $0.customer) < ($1.start, $1.customer)
        }
        .map { .earlierContact(customer: $0.customer, start: $0.start) }
    }
}
