/// One entry of the conversation log, as a store reads it back in time order: a customer turn,
/// a contact-centre event (agents' actions included), or a session's end.
public enum LogRecord: Sendable, Equatable {
    case turn(TurnRecord)
    case event(CentreEvent)
    case end(SessionEnd)

    /// Seconds since 1970.
    public var at: Double {
        switch self {
        case .turn(let turn): turn.at
        case .event(let event): event.at
        case .end(let end): end.at
        }
    }
}

/// How much of each turn a log scan reads: figures need only the columns they count; the
/// unmatched-message inbox needs the text and the candidates too.
public enum LogDetail: Sendable {
    /// Everything but the text, the replies, the candidates and the filled slots.
    case summary
    case full
    /// Only the turns the bot did not understand, whole: fallbacks, and intents matched with a
    /// confidence below the given one.
    case unmatched(below: Double)
}
