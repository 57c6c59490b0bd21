import Foundation
import Testing

@testable import Usher

/// The merge every store's log scan goes through: what it promises, tested once here rather than
/// through each store (the conformance suite checks that the stores feed it their rows).
@Suite("LogMerge")
struct LogMergeTests {
    private func turn(_ at: Double, _ session: String = "s") -> LogRecord {
        .turn(
            TurnRecord(
                at: at, session: session, text: "t", intent: nil, confidence: 0, decidedBy: .fallback, replies: [],
                state: "bot", botVersion: "v"))
    }

    private func event(_ at: Double, _ agent: String = "a") -> LogRecord {
        .event(.joined(agent: agent, queues: ["general"], capacity: 1, at: at))
    }

    private func end(_ at: Double, _ session: String = "s") -> LogRecord {
        .end(SessionEnd(session: session, at: at, reason: .reset))
    }

    /// A stream over `records` that counts how often it was asked.
    private final class Source {
        var records: [LogRecord]
        var asked = 0
        init(_ records: [LogRecord]) { self.records = records }
        func next() -> LogRecord? {
            asked += 1
            return records.isEmpty ? nil : records.removeFirst()
        }
    }

    private func merged(_ turns: [LogRecord], _ events: [LogRecord], _ ends: [LogRecord]) throws -> [LogRecord] {
        let (t, e, n) = (Source(turns), Source(events), Source(ends))
        var out: [LogRecord] = []
        try LogMerge.merge(LogStreams(turns: t.next, events: e.next, ends: n.next)) { out.append($0) }
        return out
    }

    @Test func recordsComeInTimeOrder() throws {
        let out = try merged([turn(1), turn(4), turn(9)], [event(2), event(7)], [end(3), end(8), end(10)])
        #expect(out.map(\.at) == [1, 2, 3, 4, 7, 8, 9, 10])
    }

    @Test func atOneMomentTurnsComeBeforeEventsBeforeEnds() throws {
        let out = try merged([turn(5)], [event(5)], [end(5)])
        #expect(out == [turn(5), event(5), end(5)])
        let reversed = try merged([], [event(5)], [end(5), end(5, "t")])
        #expect(reversed == [event(5), end(5), end(5, "t")])
    }

    @Test func aStreamKeepsItsOwnOrderAtOneMoment() throws {
        let out = try merged([turn(1, "a"), turn(1, "b"), turn(1, "c")], [], [])
        #expect(out == [turn(1, "a"), turn(1, "b"), turn(1, "c")])
    }

    @Test func emptyStreamsMergeToNothing() throws {
        #expect(try merged([], [], []).isEmpty)
        #expect(try merged([], [], [end(1)]) == [end(1)])
    }

    @Test func eachStreamIsAskedOnlyWhenItsLastRecordWasVisited() throws {
        let turns = Source([turn(1), turn(2), turn(3)])
        let events = Source([event(10)])
        var visited = 0
        try LogMerge.merge([turns.next, events.next]) { _ in
            visited += 1
            // Read ahead by one at most: the stream's current head, never more.
            #expect(turns.asked <= visited + 1)
        }
        #expect(visited == 4)
        #expect(turns.asked == 4 && events.asked == 2)
    }

    @Test func aStreamsErrorStopsTheMerge() throws {
        struct Broken: Error, CustomStringConvertible {
            var description: String { "row 3 cannot be read" }
        }
        var count = 0
        let failing: LogMerge.Stream = {
            count += 1
            if count == 3 { throw Broken() }
            return self.end(Double(count))
        }
        var out: [LogRecord] = []
        let error = #expect(throws: Broken.self) {
            try LogMerge.merge([failing]) { out.append($0) }
        }
        #expect(error?.description == "row 3 cannot be read")
        #expect(out == [end(1), end(2)])
    }
}
