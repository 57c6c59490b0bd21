import Testing

@testable import Usher

/// Counting the log into figures: here, turns that said nothing and rows that could not be read.
@Suite("StatsBuilder")
struct StatsBuilderTests {
    private static func turn(
        _ session: String, at: Double, intent: String? = "shipping", decidedBy: TurnRecord.Decision = .similarity,
        replies: [String], action: String? = nil
    ) -> LogRecord {
        .turn(
            TurnRecord(
                at: at, session: session, conversationStart: 0, text: "", intent: intent, confidence: 0.9,
                decidedBy: decidedBy, replies: replies, state: "bot", action: action,
                actionOutcome: action == nil ? nil : "found", botVersion: "v"))
    }

    private static func report(_ records: [LogRecord]) -> ConversationStats {
        var builder = StatsBuilder()
        for record in records { builder.add(record) }
        return builder.report()
    }

    /// The new-user trial: a learned intent without responses answered "do you ship to canada"
    /// with nothing, and the figures called the conversation contained and the turn understood.
    @Test func aTurnThatSaidNothingIsNoSuccess() {
        let stats = Self.report([
            Self.turn("a", at: 1, replies: []),
            Self.turn("b", at: 2, replies: ["We ship to Canada."]),
        ])
        #expect(stats.summary.silent == 1)
        #expect(stats.summary.contained == 1)
        #expect(stats.summary.containmentRate == 0.5)
    }

    /// An action's call says nothing until its result (without a waiting message): that turn
    /// was waiting, not silent.
    @Test func aCallAnsweredLaterIsNotSilent() {
        let stats = Self.report([
            Self.turn("a", at: 1, intent: "order_status", replies: []),
            Self.turn("a", at: 2, intent: "order_status", decidedBy: .action, replies: ["Shipped."], action: "lookup"),
        ])
        #expect(stats.summary.silent == 0)
        #expect(stats.summary.contained == 1)
    }

    @Test func damagedRowsAreLeftOutAndCounted() {
        let damaged = DamagedRow(
            store: "f.sqlite", table: "turns", row: "seq 13", column: "handoff", problem: #"not valid JSON: "{broken""#,
            at: 3)
        let stats = Self.report([Self.turn("a", at: 1, replies: ["Hi."]), .damaged(damaged)])
        #expect(stats.summary.turns == 1)
        #expect(stats.damagedRows == [ConversationStats.Tally(name: "turns", count: 1)])
        #expect(damaged.description == #"f.sqlite: table turns, row seq 13, column handoff: not valid JSON: "{broken""#)
    }
}
