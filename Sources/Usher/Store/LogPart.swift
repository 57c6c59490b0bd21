/// The part of the log a store reads for one stretch of a scan: a span of time, or what a
/// period's conversations did after the period ended.
///
/// ``LogReader/scanLog(from:to:detail:_:)`` counts a conversation whole, in the period its
/// first turn fell in; it reads the period's span, then the tail of the conversations still
/// open at its end. A store answers each part with its three streams, in time order.
public enum LogPart: Sendable, Equatable {
    /// Every record logged in `from..<to` (seconds since 1970; `nil` is open).
    case span(from: Double?, to: Double?)
    /// What was logged from `to` on for the conversations that began in `from..<to`: their turns
    /// (each turn says when its conversation began), and the contact-centre events and session
    /// ends of `sessions`, the sessions whose conversation of the period was still open at `to`,
    /// with every agent's `left` (which puts the sessions they held back in the queue).
    case tail(from: Double?, to: Double, sessions: Set<String>)
    /// The turns of named customers (request metadata `customer`) logged in `from..<to` whose
    /// conversation began then too, and nothing else: read before a period, so that a repeat
    /// contact whose first contact lies before it is told (``LogPeriod/earlierContacts(in:since:)``).
    case contacts(from: Double, to: Double)
}
