import Testing

@testable import Usher

@Suite("Form events")
struct FormEventTests {
    private func events(_ messages: [String]) -> [[FormEvent]] {
        converse(messages).map(\.formEvents)
    }

    @Test func aFormStartsAndCompletesStepByStep() {
        #expect(
            events(["I want to file a claim", "PN-123456", "yesterday"]) == [
                [FormEvent(form: "file_claim", kind: .started, slot: "policy_number")], [],
                [FormEvent(form: "file_claim", kind: .completed)],
            ])
    }

    @Test func aFormFilledFromOneMessageStartsAndCompletesAtOnce() {
        #expect(
            events(["my router was stolen yesterday, policy PN-123456"]) == [
                [FormEvent(form: "file_claim", kind: .started), FormEvent(form: "file_claim", kind: .completed)]
            ])
    }

    @Test func cancelledRepromptedFailedAndDropped() {
        #expect(
            events(["I want to file a claim", "never mind"])[1] == [
                FormEvent(form: "file_claim", kind: .cancelled, slot: "policy_number")
            ])
        let unreadable = events(["I want to file a claim", "xyzzy plugh", "blorp fizzle"])
        #expect(unreadable[1] == [FormEvent(form: "file_claim", kind: .reprompted, slot: "policy_number")])
        #expect(unreadable[2] == [FormEvent(form: "file_claim", kind: .failed, slot: "policy_number")])
        // A keyword hands off but keeps the form for after the release: nothing happened to it.
        #expect(events(["I want to file a claim", "I will call my lawyer"])[1] == [])
        #expect(
            events(["I want to file a claim", "human please"])[1] == [
                FormEvent(form: "file_claim", kind: .dropped, slot: "policy_number")
            ])
    }

    @Test func anInterruptionThatResumesChangesNothing() {
        #expect(events(["I want to file a claim", "when are you open"])[1] == [])
    }
}
