import Foundation
import Testing
import Usher

@testable import UsherStorage

@Suite("SessionSnapshot")
struct SessionSnapshotTests {
    @Test func aSnapshotDecodesToTheSameSession() throws {
        var state = SessionState(id: "c-\"1\"\n", language: "de", now: 1_795_428_000.123456)
        state.slots = ["policy_number": "PN-123456", "note": "line\u{2028}two \\ \"quoted\" 😀"]
        state.contexts = ["awaiting_confirmation": 2, "b": 1]
        state.forms = [FormProgress(intent: "file_claim", pendingSlot: "date", reprompts: 1)]
        state.consecutiveFallbacks = 2
        state.turns = 7
        state.rotation = ["greeting": 3, "fallback": 1]
        state.metadata = ["tier": "vip", "customer": "cust-9"]
        state.updatedAt = 1_795_428_123.000001
        state.history = [
            Turn(
                text: "hello\u{0}\u{1F}", intent: "greeting", confidence: 0.123456789, replies: ["Hi!", "How?"],
                at: 1_795_428_000.5, sentiment: -0.3333333333),
            Turn(text: "", intent: nil, confidence: 0, replies: ["agent here"], at: 1_795_428_001, agent: "sam"),
            Turn(
                text: "", intent: "order_status", confidence: 1, replies: ["Shipped"], at: 1_795_428_002,
                action: "lookup_order"),
        ]
        state.pendingAction = PendingAction(
            call: "c/1/8", name: "lookup_order", intent: "order_status", slots: ["order_id": "AB123456"],
            at: 1_795_428_002.25, timeout: 30)
        let decoded = try JSONDecoder().decode(SessionState.self, from: Data(state.snapshot().utf8))
        #expect(decoded == state)
    }

    @Test func aRealConversationRoundTrips() throws {
        let engine = try DialogEngine(
            bot: BotLoader.load(
                path: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("intents").path))
        var state: SessionState?
        for (offset, text) in [
            "I want to file a claim", "PN-123456", "yesterday", "hello", "I want to speak to a human",
        ]
        .enumerated() {
            let turn = engine.respond(
                to: CustomerMessage(session: "s", text: text), state: state, now: 1_795_428_000 + Double(offset))
            state = turn.state
            let decoded = try JSONDecoder().decode(SessionState.self, from: Data(turn.state.snapshot().utf8))
            #expect(decoded == turn.state)
        }
    }
}
