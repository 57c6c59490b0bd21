/// One entry of the conversation log, as a store reads it back in time order: a customer turn,
/// a contact-centre event (agents' actions included), a session's end, or a row of any of them
/// that could not be read.
public enum LogRecord: Sendable, Equatable {
    case turn(TurnRecord)
    case event(CentreEvent)
    case end(SessionEnd)
    /// A row the store could not read: a report leaves it out and says so.
    case damaged(DamagedRow)
    /// A known customer's conversation that began before the period a scan was asked for, within
    /// a day of its start: not counted, only read so that the customer's next contact, in the
    /// period, can be told as a repeat (``StatsBuilder/repeatWindow``).
    case earlierContact(customer: String, start: Double)

    /// Seconds since 1970 (a damaged row whose time cannot be read comes first).
    public var at: Double {
        switch self {
        case .turn(let turn): turn.at
        case .event(let event): event.at
        case .end(let end): end.at
        case .damaged(let row): row.at ?? -Double.greatestFiniteMagnitude
        case .earlierContact(_, let start): start
        }
    }
}

/// How much of each turn a log scan reads: figures need only the columns they count; the
/// unmatched-message inbox needs the text and the candidates too.
public enum LogDetail: Sendable {
    /// Everything but the text, the candidates and the filled slots (the replies tell a turn
    /// that said nothing).
    case summary
    case full
    /// Only the turns the bot did not understand, whole: fallbacks, and intents matched with a
    /// confidence below the given one.
    case unmatched(below: Double)
}
