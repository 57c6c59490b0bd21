/// The log's streams merged into one in time order: a store reads each of its log tables in its
/// own order (turns, contact-centre events, session ends, each by time) and hands them here, so
/// every store orders the log the same way and ``LogReader/scanLog(from:to:detail:_:)`` means the
/// same thing whatever the store.
///
/// Pure: no SQL, no I/O of its own. Each stream is asked for one record at a time and only when
/// its last one has been visited, so a store can page or stream its rows and a million turns
/// are never held at once.
public enum LogMerge {
    /// One source of records, oldest first: each call returns the next, or `nil` when it is done.
    public typealias Stream = () throws -> LogRecord?

    /// Calls `visit` with every record of `streams`, earliest first. At the same moment, the
    /// earlier stream's records come first (stores give turns, then events, then ends: a turn
    /// that hands off comes before the queueing it caused), and one stream's records keep their
    /// order. A stream's error stops the merge and is thrown.
    public static func merge(_ streams: [Stream], _ visit: (LogRecord) throws -> Void) throws {
        var heads: [LogRecord?] = []
        for stream in streams { heads.append(try stream()) }
        while true {
            var earliest: (index: Int, at: Double)?
            for (index, head) in heads.enumerated() {
                guard let at = head?.at else { continue }
                if let current = earliest, current.at <= at { continue }
                earliest = (index, at)
            }
            guard let index = earliest?.index, let record = heads[index] else { return }
            try visit(record)
            heads[index] = try streams[index]()
        }
    }

    /// ``merge(_:_:)`` of a store's three log streams, in the order records of one moment take.
    public static func merge(_ streams: LogStreams, _ visit: (LogRecord) throws -> Void) throws {
        try merge([streams.turns, streams.events, streams.ends], visit)
    }
}
