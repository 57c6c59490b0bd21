import Testing

@testable import Usher

@Suite("ConversationServer batches")
struct BatchTests {
    private func server() -> ConversationServer {
        ConversationServer(engine: claimEngine, shards: 2)
    }

    /// Interleaved sessions answered by two shards give exactly what one server gives, in order.
    @Test func answersLikeOneServerInInputOrder() throws {
        var random = SeededRandom(seed: 11)
        let texts = [
            "I want to file a claim", "PN-123456", "yesterday", "hello", "cancel my order", "yes", "xyzzy", "{oops",
        ]
        let lines: [[UInt8]] = (0..<600).map { index in
            let text = texts[random.next(below: texts.count)]
            if text == "{oops" { return Array(text.utf8) }
            let kind = index % 97 == 0 ? #""type": "get", "# : (index % 89 == 0 ? #""type": "reset", "# : "")
            return Array(
                "{\"id\": \(index), \(kind)\"session\": \"s\(random.next(below: 40))\", \"text\": \"\(text)\"}".utf8)
        }
        let single = ConversationServer(engine: claimEngine, shards: 1)
        let expected = lines.map { single.respond(toBatch: [$0], now: mondayMorning)[0] }
        let sharded = ConversationServer(engine: claimEngine, shards: 3)
        var answers: [String] = []
        for start in stride(from: 0, to: lines.count, by: 128) {
            answers += sharded.respond(toBatch: Array(lines[start..<min(start + 128, lines.count)]), now: mondayMorning)
        }
        #expect(answers == expected)
        #expect(try sharded.sessionCount() == single.sessionCount())
        #expect(answers.contains { $0.contains(#""state": "queued""#) })
        #expect(try sharded.store.log().turns == single.store.log().turns)
        #expect(try sharded.store.log().ends == single.store.log().ends)
        #expect(try !single.store.log().ends.isEmpty)
    }

    @Test func aConversationIsServedAsValuesThroughHandoffAndBack() throws {
        let server = server()
        let now = mondayMorning
        #expect(try server.converse(CustomerMessage(session: "c-1", text: "hello"), now: now).status == .bot)
        let queued = try server.converse(CustomerMessage(session: "c-1", text: "human please"), now: now + 1)
        guard case .queued(let info) = queued.status else {
            Issue.record("expected queued, got \(queued.status)")
            return
        }
        #expect(info.position == 1)
        #expect(info.ticket.queue == "general")
        #expect(
            queued.turn.replies.last
                == "You are number 1 in the queue. No agent is available right now; you will stay in the queue until one is."
        )

        #expect(
            try server.perform(.join(agent: "alice", queues: ["general"], capacity: 1), now: now + 2)
                == .joined(agent: "alice", capacity: 1))
        let claim = try server.perform(.claim(agent: "alice", session: nil), now: now + 3)
        guard case .claimed(_, let ticket, let summary, let events) = claim else {
            Issue.record("expected a claim, got \(claim)")
            return
        }
        #expect(ticket.session == "c-1")
        #expect(summary.intents == ["greeting", "talk_to_human"])
        #expect(events == [.toCustomer(session: "c-1", text: "You are now talking to alice.")])

        let held = try server.converse(CustomerMessage(session: "c-1", text: "are you there?"), now: now + 4)
        #expect(held.status == .agent("alice"))
        #expect(held.events == [.toAgent(agent: "alice", session: "c-1", text: "are you there?")])
        #expect(held.turn.replies.isEmpty)

        let released = try server.perform(.release(agent: "alice", session: "c-1"), now: now + 5)
        #expect(
            released.events == [
                .toCustomer(session: "c-1", text: "You are back with the virtual assistant. How else can I help?")
            ])
        #expect(try server.converse(CustomerMessage(session: "c-1", text: "hello"), now: now + 6).status == .bot)
    }

    @Test func aRefusedAgentRequestThrowsItsErrorAndChangesNothing() throws {
        let server = server()
        let before = server.contactCentre
        #expect(throws: HandoffError.self) { try server.perform(.claim(agent: "nobody", session: nil), now: 0) }
        #expect(server.contactCentre == before)
    }

    @Test func resetForgetsTheSessionAndItsTicket() throws {
        let server = server()
        _ = try server.converse(CustomerMessage(session: "c-1", text: "human please"), now: mondayMorning)
        #expect(server.contactCentre.status(of: "c-1") != nil)
        try server.reset(session: "c-1", now: mondayMorning)
        #expect(server.contactCentre.status(of: "c-1") == nil)
        #expect(try server.session("c-1", now: mondayMorning) == nil)
    }

    @Test func reloadKeepsSessionsTicketsAndAddsNewQueues() throws {
        let server = server()
        _ = try server.converse(CustomerMessage(session: "c-1", text: "my wifi box was stolen"), now: mondayMorning)
        _ = try server.converse(CustomerMessage(session: "c-2", text: "human please"), now: mondayMorning)
        let json = claimBotJSON.replacingOccurrences(of: #"["general", "claims"]"#, with: #"["general", "billing"]"#)
            .replacingOccurrences(of: "We are open 8am to 8pm.", with: "Open around the clock.")
        let bot = try BotLoader.load(sources: [BotLoader.Source(name: "claims.json", bytes: Array(json.utf8))])
        server.reload(try DialogEngine(bot: bot))

        #expect(server.contactCentre.queueNames == ["general", "claims", "billing"])
        #expect(server.contactCentre.status(of: "c-2") != nil)
        let form = try server.converse(CustomerMessage(session: "c-1", text: "PN-123456"), now: mondayMorning + 1)
        #expect(form.turn.state.slots["policy_number"] == "PN-123456")
        let hours = try server.converse(CustomerMessage(session: "c-3", text: "when are you open"), now: mondayMorning)
        #expect(hours.turn.replies == ["Open around the clock."])
    }

    @Test func theValueAndLinePathsSayTheSame() throws {
        let lines = server()
        let values = server()
        for (offset, text) in ["hello", "human please", "still there?"].enumerated() {
            let now = mondayMorning + Double(offset)
            let line = lines.respond(toBatch: [Array(#"{"session": "c-1", "text": "\#(text)"}"#.utf8)], now: now)[0]
            let value = try values.converse(CustomerMessage(session: "c-1", text: text), now: now)
            #expect(line == ProtocolCodec.encode(value, id: nil))
        }
    }
}
