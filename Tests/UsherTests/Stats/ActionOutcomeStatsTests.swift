import Foundation
import Testing

@testable import Usher

/// `usher stats`' action figures: each settled call counted under its action and outcome,
/// whether the result came (a turn decided by the action) or the bot gave up waiting (a
/// customer's turn that settled it as `failed`).
@Suite("StatsBuilder: actions")
struct ActionOutcomeStatsTests {
    private func turn(
        _ at: Double, decidedBy: TurnRecord.Decision, action: String? = nil, outcome: String? = nil
    ) -> LogRecord {
        .turn(
            TurnRecord(
                at: at, session: "s", conversationStart: 0, text: decidedBy == .action ? "" : "where is it",
                intent: "order_status", confidence: 1, decidedBy: decidedBy, replies: ["…"], state: "bot",
                action: action, actionOutcome: outcome, botVersion: "v"))
    }

    @Test func settledCallsAreCountedByActionAndOutcome() {
        var builder = StatsBuilder()
        for record in [
            turn(1, decidedBy: .pattern),
            turn(2, decidedBy: .action, action: "order_status", outcome: "found"),
            turn(3, decidedBy: .action, action: "order_status", outcome: "not_found"),
            turn(4, decidedBy: .similarity, action: "order_status", outcome: "failed"),
            turn(5, decidedBy: .action, action: "order_status", outcome: "found"),
            turn(6, decidedBy: .action, action: "refund", outcome: "found"),
        ] {
            builder.add(record)
        }
        let stats = builder.report()
        #expect(
            stats.actions == [
                .init(action: "order_status", outcomes: ["found": 2, "not_found": 1, "failed": 1]),
                .init(action: "refund", outcomes: ["found": 1]),
            ])
        #expect(stats.actions.map(\.calls) == [4, 1])
        // Results are not customer turns: only the pattern's and the similarity's count.
        #expect(stats.summary.turns == 2)
    }

    @Test func aLogWithoutActionsHasNoActionFigures() {
        var builder = StatsBuilder()
        builder.add(turn(1, decidedBy: .pattern))
        #expect(builder.report().actions.isEmpty)
    }

    /// Served end to end: the result's turn is logged with the action it settled and the outcome,
    /// and the figures count it.
    @Test func aServedResultIsLoggedWithItsActionAndOutcome() throws {
        let server = ConversationServer(engine: DialogActionTests.engine)
        let start = mondayMorning
        _ = server.respond(
            to: Array(#"{"id": 1, "session": "s", "text": "where is my order AB123456"}"#.utf8), now: start)
        let call = "s/\(Int(start))/1"
        _ = server.respond(
            to: Array(
                #"{"type": "action.result", "session": "s", "call": "\#(call)", "values": {"status": "shipped"}}"#.utf8),
            now: start + 1)
        let log = try server.store.log()
        #expect(log.turns.map(\.action) == [nil, "lookup_order"])
        #expect(log.turns.map(\.actionOutcome) == [nil, "found"])
        var builder = StatsBuilder()
        for turn in log.turns { builder.add(.turn(turn)) }
        #expect(builder.report().actions == [.init(action: "lookup_order", outcomes: ["found": 1])])
    }
}
