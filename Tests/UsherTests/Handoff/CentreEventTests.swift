import Foundation
import Testing

@testable import Usher

private let ticket = Ticket(
    number: 4, session: "c-1", queue: "claims", priority: 2, reason: .intent("file_claim"), queuedAt: 30)
private let ticketJSON =
    #"{"number":4,"priority":2,"queue":"claims","queued_at":30,"reason":{"code":"intent","intent":"file_claim"},"session":"c-1"}"#

@Suite("CentreEvent")
struct CentreEventTests {
    static var moved: Ticket {
        var moved = ticket
        (moved.number, moved.queue, moved.queuedAt) = (7, "billing", 95)
        return moved
    }

    /// Every case: its kind, session, agent and queue columns, time, and stored form.
    static let events: [(CentreEvent, columns: [String?], at: Double, json: String)] = [
        (.queued(ticket), [nil, "c-1", "claims"], 30, #"{"kind":"queued","ticket":\#(ticketJSON)}"#),
        (
            .joined(agent: "alice", queues: ["general", "claims"], capacity: 3, at: 10), ["alice", nil, nil], 10,
            #"{"agent":"alice","at":10,"capacity":3,"kind":"joined","queues":["general","claims"]}"#
        ),
        (
            .left(agent: "alice", requeued: [ticket], at: 99), ["alice", nil, nil], 99,
            #"{"agent":"alice","at":99,"kind":"left","requeued":[\#(ticketJSON)]}"#
        ),
        (
            .claimed(agent: "alice", ticket: ticket, at: 40), ["alice", "c-1", "claims"], 40,
            #"{"agent":"alice","at":40,"kind":"claimed","ticket":\#(ticketJSON)}"#
        ),
        (
            .said(agent: "alice", session: "c-1", text: "Hello", at: 41), ["alice", "c-1", nil], 41,
            #"{"agent":"alice","at":41,"kind":"said","session":"c-1","text":"Hello"}"#
        ),
        (
            .transferred(agent: "alice", from: ticket, to: moved, at: 95), ["alice", "c-1", "billing"], 95,
            #"{"agent":"alice","at":95,"from":\#(ticketJSON),"kind":"transferred","to":"#
                + #"{"number":7,"priority":2,"queue":"billing","queued_at":95,"reason":{"code":"intent","intent":"file_claim"},"session":"c-1"}}"#
        ),
        (
            .released(agent: "alice", session: "c-1", at: 100, handleSeconds: 60), ["alice", "c-1", nil], 100,
            #"{"agent":"alice","at":100,"handle_seconds":60,"kind":"released","session":"c-1"}"#
        ),
        (
            .closed(agent: "alice", session: "c-1", at: 100.5, handleSeconds: 60.5), ["alice", "c-1", nil], 100.5,
            #"{"agent":"alice","at":100.5,"handle_seconds":60.5,"kind":"closed","session":"c-1"}"#
        ),
        (
            .forgotten(session: "c-1", at: 120), [nil, "c-1", nil], 120,
            #"{"at":120,"kind":"forgotten","session":"c-1"}"#
        ),
        (
            .abandoned(ticket: ticket, exit: .goodbye, at: 75), [nil, "c-1", "claims"], 75,
            #"{"at":75,"exit":"goodbye","kind":"abandoned","ticket":\#(ticketJSON)}"#
        ),
    ]

    @Test(arguments: events)
    func columnsAndStoredForm(event: CentreEvent, columns: [String?], at: Double, json: String) throws {
        #expect([event.agent, event.session, event.queue] == columns)
        #expect(event.at == at)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(event), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(CentreEvent.self, from: Data(json.utf8)) == event)
    }

    @Test func everyKindIsCoveredAndListed() {
        #expect(Self.events.map(\.0.kind) == CentreEvent.kinds)
    }

    @Test(arguments: [
        (
            #"{"kind":"promoted","session":"c-1","at":1}"#,
            "unknown contact-centre event kind \"promoted\"; the kinds are queued, joined, left, claimed, said, "
                + "transferred, released, closed, forgotten, abandoned"
        ),
        (
            #"{"kind":"abandoned","ticket":\#(ticketJSON),"exit":"bored","at":75}"#,
            "unknown way of leaving the queue \"bored\"; the ways are goodbye, asked, request, idle"
        ),
        (
            #"{"kind":"forgotten","session":"c-1","at":1,"agent":"x"}"#,
            "unexpected key \"agent\" in a \"forgotten\" event"
        ),
        (#"{"kind":"queued","ticket":\#(ticketJSON),"at":30}"#, "unexpected key \"at\" in a \"queued\" event"),
        (#"{"kind":"said","agent":"","session":"c-1","text":"hi","at":1}"#, "\"agent\" must not be empty"),
        (
            #"{"kind":"joined","agent":"a","queues":[],"capacity":1,"at":1}"#,
            "\"queues\" must name at least one queue, none empty"
        ),
        (#"{"kind":"joined","agent":"a","queues":["general"],"capacity":0,"at":1}"#, "\"capacity\" must be at least 1"),
        (
            #"{"kind":"released","agent":"a","session":"c-1","at":1,"handle_seconds":-1}"#,
            "\"handle_seconds\" must be a finite number, at least 0"
        ),
        (
            #"{"kind":"claimed","agent":"a","at":1,"ticket":{"number":0,"session":"c-1","queue":"q","priority":0,"#
                + #""reason":{"code":"fallbacks","count":2},"queued_at":0}}"#,
            "\"number\" must be at least 1"
        ),
        (
            #"{"kind":"claimed","agent":"a","at":1,"ticket":{"number":1,"session":"c-1","queue":"q","priority":0,"#
                + #""reason":{"code":"fallbacks","count":2},"queued_at":0,"queuedAt":0}}"#,
            "unexpected key \"queuedAt\" in a ticket"
        ),
    ])
    func badStoredFormsAreRefused(json: String, message: String) {
        #expect {
            try JSONDecoder().decode(CentreEvent.self, from: Data(json.utf8))
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription == message
        }
    }

    @Test(arguments: [
        #"{"session":"c-1","at":1}"#, #"{"kind":"forgotten","session":"c-1"}"#,
        #"{"kind":"forgotten","session":"c-1","at":"soon"}"#,
    ])
    func missingOrMistypedValuesAreRefused(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CentreEvent.self, from: Data(json.utf8)) }
    }
}
