import Foundation
import Testing

@testable import Usher

/// Drives the contact centre through protocol lines, as an integrating program would.
private final class Desk {
    let server: ConversationServer
    var now = mondayMorning

    init(engine: DialogEngine = claimEngine) {
        server = ConversationServer(engine: engine, shards: 2)
    }

    func send(_ line: String) -> [String: Any] {
        now += 1
        let response = server.respond(toBatch: [Array(line.utf8)], now: now)[0]
        return (try? JSONSerialization.jsonObject(with: Data(response.utf8))) as? [String: Any] ?? [
            "unparsed": response
        ]
    }

    func say(_ session: String, _ text: String) -> [String: Any] {
        send(#"{"session": "\#(session)", "text": "\#(text)"}"#)
    }
}

private func events(_ response: [String: Any]) -> [[String: String]] {
    (response["events"] as? [[String: String]]) ?? []
}

@Suite("Handoff protocol")
struct HandoffProtocolTests {
    @Test func aCustomerIsQueuedClaimedServedAndReleased() throws {
        let desk = Desk()
        _ = desk.say("c-1", "I want to file a claim")
        let queued = desk.say("c-1", "human please")
        #expect(queued["state"] as? String == "queued")
        let handoff = try #require(queued["handoff"] as? [String: Any])
        #expect(handoff["position"] as? Int == 1)
        #expect(handoff["queue"] as? String == "general")
        #expect(handoff["reason"] as? String == "intent talk_to_human")
        #expect(handoff["reason_code"] as? String == "intent")
        #expect(
            (queued["replies"] as? [String])?.last
                == "You are number 1 in the queue. No agent is available right now; you will stay in the queue until one is."
        )

        let waiting = desk.say("c-1", "hello? anyone?")
        #expect(waiting["state"] as? String == "queued")
        #expect(
            waiting["replies"] as? [String] == [
                "You are number 1 in the queue. No agent is available right now; you will stay in the queue until one is."
            ]
        )

        #expect(
            desk.send(#"{"id": 1, "type": "agent.join", "agent": "alice", "queues": ["general"], "capacity": 2}"#)[
                "joined"] as? Bool == true)
        let claim = desk.send(#"{"id": 2, "type": "agent.claim", "agent": "alice"}"#)
        #expect(claim["session"] as? String == "c-1")
        let summary = try #require(claim["summary"] as? [String: Any])
        #expect(summary["reason"] as? String == "intent talk_to_human")
        #expect(summary["reason_code"] as? String == "intent")
        #expect(summary["intents"] as? [String] == ["file_claim", "talk_to_human"])
        #expect((summary["transcript"] as? [[String: Any]])?.first?["text"] as? String == "I want to file a claim")
        #expect((summary["next_steps"] as? [String])?.first == "Greet the customer by name")
        #expect(events(claim) == [["type": "to_customer", "session": "c-1", "text": "You are now talking to alice."]])

        let toAgent = desk.say("c-1", "my phone was stolen")
        #expect(toAgent["state"] as? String == "agent")
        #expect(toAgent["replies"] as? [String] == [])
        #expect(
            events(toAgent) == [
                ["type": "to_agent", "agent": "alice", "session": "c-1", "text": "my phone was stolen"]
            ])

        let said = desk.send(
            #"{"type": "agent.say", "agent": "alice", "session": "c-1", "text": "I'm sorry to hear that."}"#)
        #expect(events(said) == [["type": "to_customer", "session": "c-1", "text": "I'm sorry to hear that."]])

        let released = desk.send(#"{"type": "agent.release", "agent": "alice", "session": "c-1"}"#)
        #expect(released["released"] as? Bool == true)
        let back = desk.say("c-1", "hello")
        #expect(back["state"] as? String == "bot")
        #expect(back["intent"] as? String == "greeting")
    }

    /// A customer whose agent left showed "priority": 1002 (the boost that puts them first):
    /// the list shows the priority they entered with and that they were returned.
    @Test func aReturnedCustomerIsShownAsReturned() throws {
        let desk = Desk()
        _ = desk.say("b", "human please")
        _ = desk.say("a", "human please")
        _ = desk.send(#"{"type": "agent.join", "agent": "alice", "queues": ["general"], "capacity": 1}"#)
        let claimed = desk.send(#"{"type": "agent.claim", "agent": "alice", "session": "a"}"#)
        #expect(claimed["session"] as? String == "a")
        _ = desk.send(#"{"type": "agent.leave", "agent": "alice"}"#)
        let queues = try #require(desk.send(#"{"type": "queue.list"}"#)["queues"] as? [[String: Any]])
        let waiting = try #require(queues[0]["waiting"] as? [[String: Any]])
        #expect(waiting.map { $0["session"] as? String } == ["a", "b"])
        // a queued after b but was being served: first again, at the priority it came with.
        #expect(waiting.map { $0["priority"] as? Int } == [2, 2])
        #expect(waiting.map { $0["returned"] as? Bool } == [true, nil])
    }

    @Test func transferCloseAndTheQueueList() throws {
        let desk = Desk()
        _ = desk.say("a", "human please")
        _ = desk.say("b", "human please")
        _ = desk.send(#"{"type": "agent.join", "agent": "alice", "queues": ["general"], "capacity": 1}"#)
        _ = desk.send(#"{"type": "agent.join", "agent": "bob", "queues": ["claims"], "capacity": 1}"#)
        let list = desk.send(#"{"type": "queue.list"}"#)
        let queues = try #require(list["queues"] as? [[String: Any]])
        #expect((queues[0]["waiting"] as? [[String: Any]])?.map { $0["session"] as? String } == ["a", "b"])
        #expect(
            (queues[0]["waiting"] as? [[String: Any]])?.map { $0["reason_code"] as? String } == ["intent", "intent"])
        #expect(queues[1]["agents"] as? [String] == ["bob"])
        _ = desk.send(#"{"type": "agent.claim", "agent": "alice"}"#)
        let moved = desk.send(#"{"type": "agent.transfer", "agent": "alice", "session": "a", "queue": "claims"}"#)
        #expect(moved["position"] as? Int == 1)
        #expect(events(moved).first?["text"]?.hasPrefix("You are being transferred to claims.") == true)
        let taken = desk.send(#"{"type": "agent.claim", "agent": "bob"}"#)
        #expect(taken["session"] as? String == "a")
        // Bob is told who passed the customer on, and reads what the customer was told.
        let summary = try #require(taken["summary"] as? [String: Any])
        let transferred = try #require(summary["transferred"] as? [String: Any])
        #expect(transferred["agent"] as? String == "alice")
        #expect(transferred["from"] as? String == "general")
        let steps = try #require(summary["next_steps"] as? [String])
        #expect(steps.first?.hasPrefix("Transferred by alice from general:") == true)
        let last = try #require((summary["transcript"] as? [[String: Any]])?.last)
        #expect(last["speaker"] as? String == "alice")
        #expect((last["text"] as? String)?.hasPrefix("You are being transferred to claims.") == true)
        // Back in a queue it came from would be the back of the line: refused.
        let again = desk.send(#"{"type": "agent.transfer", "agent": "bob", "session": "a", "queue": "claims"}"#)
        #expect((again["error"] as? [String: Any])?["code"] as? String == "same_queue")
        #expect(desk.send(#"{"type": "agent.close", "agent": "bob", "session": "a"}"#)["closed"] as? Bool == true)
        #expect(desk.send(#"{"type": "get", "session": "a"}"#)["found"] as? Bool == false)
    }

    @Test(arguments: [
        (#"{"id": 1, "type": "agent.claim", "agent": "nobody"}"#, "unknown_agent", "no agent \"nobody\" has joined"),
        (
            #"{"id": 1, "type": "agent.join", "agent": "x", "queues": ["sales"]}"#, "unknown_queue",
            "no queue \"sales\"; the queues are general, claims"
        ),
        (
            #"{"id": 1, "type": "agent.join", "agent": "x"}"#, "invalid_request",
            "agent.join needs \"queues\": a non-empty array of queue names"
        ),
        (
            #"{"id": 1, "type": "agent.join", "agent": "x", "queues": ["general"], "capacity": 0}"#, "invalid_request",
            "\"capacity\" must be a whole number from 1 to 1000"
        ),
        (
            #"{"id": 1, "type": "agent.claim", "agent": "alice"}"#, "queue_empty",
            "no customer is waiting in the queues agent \"alice\" serves"
        ),
        (
            #"{"id": 1, "type": "agent.say", "agent": "alice", "session": "c-9", "text": "hi"}"#, "not_held",
            "agent \"alice\" does not hold session \"c-9\""
        ),
        (
            #"{"id": 1, "type": "agent.release", "agent": "alice", "session": "c-9"}"#, "not_held",
            "agent \"alice\" does not hold session \"c-9\""
        ),
        (
            #"{"id": 1, "type": "agent.dance", "agent": "alice"}"#, "unknown_type",
            "unknown request type \"agent.dance\"; the agent requests are join, leave, claim, say, transfer, release and close"
        ),
        (
            #"{"id": 1, "type": "agent.say", "session": "c-9", "text": "hi"}"#, "invalid_request",
            "the request needs \"agent\""
        ),
    ])
    func refusedRequestsAnswerWithAnErrorAndChangeNothing(line: String, code: String, message: String) throws {
        let desk = Desk()
        _ = desk.send(#"{"type": "agent.join", "agent": "alice", "queues": ["general"], "capacity": 1}"#)
        let before = desk.send(#"{"type": "queue.list"}"#)
        let response = desk.send(line)
        let error = try #require(response["error"] as? [String: String])
        #expect(error == ["code": code, "message": message])
        #expect(response["id"] as? Int == 1)
        #expect(NSDictionary(dictionary: desk.send(#"{"type": "queue.list"}"#)) == NSDictionary(dictionary: before))
    }
}

@Suite("Handoff protocol, random interleavings")
struct HandoffInterleavingTests {
    /// 1,000 sessions handed off and 20 agents joining, claiming, saying, transferring, releasing
    /// and closing through the protocol in a seeded random interleaving. Every line gets one
    /// answer; a session is held by one agent at a time; every customer message to a held session
    /// reaches exactly its agent; and positions agree with the queue list.
    @Test func everySessionClaimedOnceAtATimeAndNoMessageLost() throws {
        // A request a second for two and a half hours, most customers silent in the queue all
        // along: the idle limit (tested in QueueAbandonmentTests) would take them out.
        var bot = claimBot
        bot.settings.handoff.queueIdleSeconds = 86_400
        let desk = Desk(engine: try DialogEngine(bot: bot))
        var random = SeededRandom(seed: 99)
        var holder: [String: String] = [:]  // session -> agent, as the test believes
        var joined: Set<String> = []
        var queued: Set<String> = []
        for session in 0..<1_000 {
            let response = desk.say("s\(session)", "human please")
            #expect(response["state"] as? String == "queued")
            queued.insert("s\(session)")
        }
        for _ in 0..<6_000 {
            switch random.next(below: 8) {
            case 0:
                let agent = "a\(random.next(below: 20))"
                let response = desk.send(
                    #"{"type": "agent.join", "agent": "\#(agent)", "queues": ["general", "claims"], "capacity": 3}"#)
                if joined.insert(agent).inserted {
                    #expect(response["joined"] as? Bool == true)
                } else {
                    #expect(response["error"] != nil)
                }
            case 1, 2:
                guard let agent = joined.sorted().randomElement(using: &random) else { continue }
                let response = desk.send(#"{"type": "agent.claim", "agent": "\#(agent)"}"#)
                if let session = response["session"] as? String {
                    #expect(holder[session] == nil, "\(session) claimed twice")
                    #expect(queued.remove(session) != nil)
                    holder[session] = agent
                }
            case 3, 4:
                guard let (session, agent) = holder.sorted(by: { $0.key < $1.key }).randomElement(using: &random) else {
                    continue
                }
                let response = desk.say(session, "message \(random.next(below: 1_000))")
                #expect(events(response).map { $0["agent"] } == [agent])
                #expect(response["state"] as? String == "agent")
            case 5:
                guard let session = queued.sorted().randomElement(using: &random) else { continue }
                let response = desk.say(session, "still there?")
                let position = (response["handoff"] as? [String: Any])?["position"] as? Int
                let queue = (response["handoff"] as? [String: Any])?["queue"] as? String ?? ""
                let list = desk.send(#"{"type": "queue.list"}"#)["queues"] as? [[String: Any]] ?? []
                let order = (list.first { $0["queue"] as? String == queue }?["waiting"] as? [[String: Any]] ?? []).map {
                    $0["session"] as? String
                }
                #expect(position.map { order.indices.contains($0 - 1) && order[$0 - 1] == session } == true)
            case 6:
                guard let (session, agent) = holder.sorted(by: { $0.key < $1.key }).randomElement(using: &random) else {
                    continue
                }
                let verb = ["release", "close", "transfer"][random.next(below: 3)]
                let extra = verb == "transfer" ? #", "queue": "claims""# : ""
                let response = desk.send(
                    #"{"type": "agent.\#(verb)", "agent": "\#(agent)", "session": "\#(session)"\#(extra)}"#)
                #expect(response["error"] == nil)
                holder[session] = nil
                if verb == "transfer" { queued.insert(session) }
            default:
                // A wrong agent must be refused without effect.
                guard let (session, agent) = holder.sorted(by: { $0.key < $1.key }).randomElement(using: &random) else {
                    continue
                }
                let other = joined.sorted().first { $0 != agent } ?? "nobody"
                let response = desk.send(
                    #"{"type": "agent.say", "agent": "\#(other)", "session": "\#(session)", "text": "x"}"#)
                #expect((response["error"] as? [String: String])?["code"] != nil)
            }
        }
        #expect(!holder.isEmpty || !queued.isEmpty)
    }
}

/// What the contact centre says to a customer (the handoff, the queue, the agent joining, the
/// release) is said in the session's language.
@Suite("Handoff protocol in the session's language")
struct HandoffLanguageTests {
    @Test func aGermanCustomerHearsTheCentreInGerman() throws {
        let server = ConversationServer(engine: SessionLanguageTests.engine)
        var now = mondayMorning
        func send(_ line: String) throws -> [String: Any] {
            now += 1
            let response = server.respond(toBatch: [Array(line.utf8)], now: now)[0]
            return try #require(try JSONSerialization.jsonObject(with: Data(response.utf8)) as? [String: Any])
        }
        _ = try send(#"{"session": "g", "text": "hallo, guten Morgen"}"#)
        _ = try send(#"{"session": "g", "text": "qwertz"}"#)
        let queued = try send(#"{"session": "g", "text": "asdfgh"}"#)
        #expect(queued["state"] as? String == "queued")
        let german = Language.german.messages
        #expect(
            queued["replies"] as? [String] == [
                german.handoff, Batch.announcement(position: 1, wait: nil, in: german),
            ])
        _ = try send(#"{"type": "agent.join", "agent": "anna", "queues": ["general"]}"#)
        let claim = try send(#"{"type": "agent.claim", "agent": "anna"}"#)
        #expect(events(claim) == [["type": "to_customer", "session": "g", "text": german.agentJoined("anna")]])
        #expect(claim["summary"] as? [String: Any] != nil)
        let released = try send(#"{"type": "agent.release", "agent": "anna", "session": "g"}"#)
        #expect(events(released) == [["type": "to_customer", "session": "g", "text": german.released]])
        #expect(german.handoff != Language.english.messages.handoff)
        #expect(german.released != Language.english.messages.released)
        // An English session of the same bot still hears English.
        _ = try send(#"{"session": "e", "text": "hello there"}"#)
        _ = try send(#"{"session": "e", "text": "qwertz"}"#)
        let english = try send(#"{"session": "e", "text": "asdfgh"}"#)
        #expect((english["replies"] as? [String])?.contains(Language.english.messages.handoff) == true)
    }

    /// An agent with no name of their own (`usher chat`'s default `agent`) is announced as one,
    /// in the session's language: "You are now talking to agent." read like a slip.
    @Test(arguments: [
        ("en", "You are now talking to an agent."), ("de", "Sie sprechen jetzt mit einem Mitglied unseres Teams."),
        ("ru", "Сейчас с вами общается оператор."), ("zh-TW", "現在由客服人員為您服務。"),
    ])
    func anAgentWithoutANameIsAnnouncedAsAnAgent(language: String, greeting: String) throws {
        var bot = claimBot
        bot.language = language
        let desk = Desk(engine: try DialogEngine(bot: bot))
        for (session, agent) in [("c-1", "agent"), ("c-2", "sam")] {
            #expect(desk.say(session, "lawyer")["state"] as? String == "queued")
            _ = desk.send(#"{"type": "agent.join", "agent": "\#(agent)", "queues": ["general"]}"#)
            let claim = desk.send(#"{"type": "agent.claim", "agent": "\#(agent)"}"#)
            let named = Language.named(language)?.messages.agentJoined("sam")
            #expect(
                events(claim) == [
                    ["type": "to_customer", "session": session, "text": agent == "sam" ? named ?? "" : greeting]
                ])
        }
        #expect(Language.english.messages.agentJoined("sam") == "You are now talking to sam.")
    }
}
