/// One part of a store's log as three streams, each oldest first: turns (with their form
/// events), contact-centre events and session ends. ``LogMerge`` puts them in one time order.
public struct LogStreams {
    public var turns: LogMerge.Stream
    public var events: LogMerge.Stream
    public var ends: LogMerge.Stream

    public init(turns: @escaping LogMerge.Stream, events: @escaping LogMerge.Stream, ends: @escaping LogMerge.Stream) {
        self.turns = turns
        self.events = events
        self.ends = ends
    }
}
