import Testing

@testable import Usher

@Suite("SessionWork")
struct SessionWorkTests {
    private func work(at offset: Double, sessions: [String: SessionState?] = [:]) -> SessionWork {
        SessionWork(engine: claimEngine, now: mondayMorning + offset, masker: nil, logs: true, sessions: sessions)
    }

    /// A message for a session past its lifetime (one no sweep reached yet) ends it, logged as
    /// expired when its lifetime ran out, and starts a new one.
    @Test func aTurnOnAnExpiredSessionEndsItFirst() {
        let old = claimEngine.respond(to: CustomerMessage(session: "s", text: "hello"), state: nil, now: mondayMorning)
        var work = work(at: 1_000, sessions: ["s": old.state])
        let turn = work.turn(CustomerMessage(session: "s", text: "hello"), attended: false)
        #expect(turn.state.turns == 1)
        #expect(work.ends.map(\.end) == [SessionEnd(session: "s", at: mondayMorning + 600, reason: .expired)])
        #expect(work.changed == ["s"])
    }

    @Test func aPersonsSessionIsNeverEndedByExpiry() {
        let old = claimEngine.respond(
            to: CustomerMessage(session: "s", text: "human please"), state: nil, now: mondayMorning)
        var work = work(at: 100_000, sessions: ["s": old.state])
        let turn = work.turn(CustomerMessage(session: "s", text: "still there?"), attended: true)
        #expect(turn.state.turns == 2 && turn.replies.isEmpty)
        work.expire(["s"]) { _ in true }
        #expect(work.ends.isEmpty)
    }

    @Test func endingASessionThatIsNotThereLogsNothing() {
        let absent: [String: SessionState?] = ["gone": SessionState?.none]
        var work = work(at: 0, sessions: absent)
        work.end("gone", reason: .reset)
        #expect(work.ends.isEmpty && work.changed.isEmpty)
    }
}
