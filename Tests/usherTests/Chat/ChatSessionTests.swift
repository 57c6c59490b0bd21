import Foundation
import Testing

@testable import Usher
@testable import usher

/// A small bot in a directory of its own, so `/reload` can be given changed or broken files.
private func botDirectory(hours: String = "We are open 8am to 8pm.") throws -> URL {
    try UsherBinary.directory([
        "bot.json": """
        {
          "settings": {"session_ttl": 600, "handoff": {"queues": ["general", "claims"]}},
          "entities": {"policy_number": {"regex": "PN-[0-9]{6}"}},
          "intents": [
            {"name": "file_claim", "examples": ["I want to file a claim", "I need to make an insurance claim",
                                                 "claim for a broken phone"],
             "slots": {"policy_number": {"entity": "policy_number", "required": true,
                                         "prompt": "What is your policy number?"}},
             "responses": ["Claim for policy {policy_number} is filed."]},
            {"name": "opening_hours", "examples": ["when are you open", "what are your opening hours",
                                                   "opening times please"],
             "responses": ["\(hours)"]},
            {"name": "talk_to_human", "examples": ["I want to talk to a person", "human please", "speak to an agent"],
             "responses": ["Connecting you to an agent."], "handoff": {"queue": "general"},
             "next_steps": ["Greet the customer by name"]},
            {"name": "greeting", "examples": ["hello", "hi there", "good morning"], "responses": ["Hello!"]}
          ]
        }
        """
    ])
}

private func chat(_ directory: URL) throws -> ChatSession {
    let path = directory.appendingPathComponent("bot.json").path
    let engine = try DialogEngine(bot: BotLoader.load(path: path), explains: true)
    var now = 1_795_428_000.0
    return ChatSession(engine: engine, path: path) {
        now += 1
        return now
    }
}

private func texts(_ reply: ChatSession.Reply) -> [String] { reply.lines.map(\.plain) }

@Suite("ChatSession")
struct ChatSessionTests {
    @Test func messagesGetTheBotsRepliesAndWhyExplainsTheLastTurn() throws {
        let chat = try chat(try botDirectory())
        #expect(
            texts(chat.handle("/why")) == ["error: nothing to explain yet in session default; say something first"])
        #expect(texts(chat.handle("when are you open?")) == ["bot: We are open 8am to 8pm."])
        let why = texts(chat.handle("/why"))
        #expect(why.first == "  message     \"when are you open?\"")
        #expect(why.contains("  intent      opening_hours"))
        #expect(why.contains { $0.hasPrefix("  closest     \"when are you open\" (") && $0.contains("bot.json:") })
        #expect(why.contains("  sentiment   +0.00 neutral"))
        #expect(why.contains { $0.hasPrefix("  words       open +") })
    }

    @Test func debugExplainsEveryReplyUntilTurnedOff() throws {
        let chat = try chat(try botDirectory())
        #expect(texts(chat.handle("/debug on")) == ["debug is on: each reply is explained"])
        let reply = texts(chat.handle("I want to file a claim"))
        #expect(reply.first == "bot: What is your policy number?")
        #expect(reply.contains("  intent      file_claim"))
        let answer = texts(chat.handle("PN-123456"))
        #expect(answer.first == "bot: Claim for policy PN-123456 is filed.")
        #expect(answer.contains("  intent      file_claim (the form took the message as a slot answer)"))
        #expect(answer.contains("  filled      policy_number=PN-123456"))
        #expect(texts(chat.handle("/debug")) == ["debug is off"])
        #expect(texts(chat.handle("hello")) == ["bot: Hello!"])
    }

    @Test func sessionsAreSeparateAndListed() throws {
        let chat = try chat(try botDirectory())
        _ = chat.handle("I want to file a claim")
        #expect(texts(chat.handle("/session other")) == ["started session other"])
        #expect(chat.prompt == "other> ")
        #expect(texts(chat.handle("/state")) == ["session other has not started: nothing said yet"])
        #expect(texts(chat.handle("/session default")) == ["now in session default (with the bot)"])
        let state = texts(chat.handle("/state"))
        #expect(state.contains("  form        file_claim, waiting for policy_number (0 reprompts)"))
        #expect(texts(chat.handle("/session")) == ["  * default   with the bot", "    other     with the bot"])
    }

    @Test func resetForgetsTheSession() throws {
        let chat = try chat(try botDirectory())
        _ = chat.handle("I want to file a claim")
        #expect(texts(chat.handle("/reset")) == ["session default is forgotten; the next message starts it afresh"])
        #expect(texts(chat.handle("/state")) == ["session default has not started: nothing said yet"])
        #expect(texts(chat.handle("/why")).first?.hasPrefix("error: nothing to explain yet") == true)
    }

    @Test func reloadServesTheNewBotAndKeepsSessions() throws {
        let directory = try botDirectory()
        let chat = try chat(directory)
        _ = chat.handle("I want to file a claim")
        let changed = try botDirectory(hours: "Open around the clock.")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("bot.json"))
        try FileManager.default.copyItem(
            at: changed.appendingPathComponent("bot.json"), to: directory.appendingPathComponent("bot.json"))
        #expect(texts(chat.handle("/reload")) == ["reloaded \(chat.path): 4 intents; 1 session kept"])
        #expect(texts(chat.handle("PN-654321")) == ["bot: Claim for policy PN-654321 is filed."])
        #expect(texts(chat.handle("when are you open")) == ["bot: Open around the clock."])
    }

    @Test func aBrokenReloadShowsTheErrorsAndKeepsTheOldBot() throws {
        let directory = try botDirectory()
        let chat = try chat(directory)
        try #"{"intents": [{"name": "x", "examples": ["a"], "responses": ["b"]},]}"#.write(
            to: directory.appendingPathComponent("bot.json"), atomically: true, encoding: .utf8)
        let reply = texts(chat.handle("/reload"))
        #expect(reply.count == 2)
        // As usher check writes it: the place, then "error:".
        #expect(reply[0].hasPrefix("\(chat.path):1:") && reply[0].contains(": error: "), "\(reply[0])")
        #expect(reply[1] == "kept the bot loaded before (4 intents)")
        #expect(texts(chat.handle("hello")) == ["bot: Hello!"])
    }

    @Test func theAgentTakesServesAndReleasesAHandedOffCustomer() throws {
        let chat = try chat(try botDirectory())
        #expect(
            texts(chat.handle("/agent say hi"))
                == ["error: agent holds no conversation; /agent claim takes the next one (nothing_held)"])
        let queued = texts(chat.handle("human please"))
        #expect(
            queued == [
                "bot: Connecting you to an agent.",
                "bot: You are number 1 in the queue. No agent is available right now; you will stay in the queue until one is.",
            ])
        #expect(chat.prompt == "default [queued]> ")
        let queue = texts(chat.handle("/queue"))
        #expect(queue[0] == "  general     1 waiting, no agents")
        #expect(
            queue[1].hasPrefix("    1.        default (ticket 1, priority ")
                && queue[1].hasSuffix(": intent talk_to_human"))
        let claim = texts(chat.handle("/agent claim"))
        #expect(claim[0] == "agent serves general, claims")
        #expect(claim[1] == "claimed default (ticket 1 from general): intent talk_to_human")
        #expect(claim.contains("  next steps  - Greet the customer by name"))
        #expect(claim.last == "agent: You are now talking to an agent.")
        #expect(chat.prompt == "default [agent]> ")
        #expect(texts(chat.handle("/state"))[1] == "  talking to  you as agent (from general)")
        #expect(texts(chat.handle("/session")) == ["  * default   with you as agent"])
        #expect(texts(chat.handle("are you there?")) == ["(delivered to agent)"])
        #expect(texts(chat.handle("/agent say Yes, I am here.")) == ["agent: Yes, I am here."])
        #expect(
            texts(chat.handle("/agent release")) == [
                "released default back to the bot",
                "agent: You are back with the virtual assistant. How else can I help?",
            ])
        #expect(chat.prompt == "default> ")
        #expect(texts(chat.handle("hello")) == ["bot: Hello!"])
    }

    /// The customer of this session leaves the queue, as a gateway's `queue.leave` says; a
    /// goodbye does the same, and a session that is not waiting is refused.
    @Test func theCustomerLeavesTheQueue() throws {
        let chat = try twoWaiting()
        _ = chat.handle("/session default")
        #expect(
            texts(chat.handle("/leave")) == [
                "default left queue general after 2s",
                "bot: You have left the queue. Write again if you still need help.",
            ])
        #expect(chat.prompt == "default> ")
        #expect(
            texts(chat.handle("/leave")) == ["error: session \"default\" is not waiting in a queue (not_queued)"])
        _ = chat.handle("/session b")
        #expect(texts(chat.handle("/queue"))[1].hasPrefix("    1.        b (ticket 2, priority "))
        #expect(texts(chat.handle("bye")) == ["bot: You have left the queue. Write again if you still need help."])
        #expect(
            texts(chat.handle("/queue")) == [
                "  general     0 waiting, no agents", "  claims      0 waiting, no agents",
            ])
    }

    /// A chat whose sessions `default` and `b` wait in general, in that order; `b` is current.
    private func twoWaiting() throws -> ChatSession {
        let chat = try chat(try botDirectory())
        _ = chat.handle("human please")
        _ = chat.handle("/session b")
        _ = chat.handle("speak to an agent")
        return chat
    }

    @Test func theAgentTransfersClosesAndLeaves() throws {
        let chat = try twoWaiting()
        _ = chat.handle("/agent claim default")
        let transfer = texts(chat.handle("/agent transfer claims default"))
        #expect(transfer.first == "transferred default to claims")
        #expect(
            transfer.last?.hasPrefix("agent → default: You are being transferred to claims. You are number 1") == true)
        #expect(texts(chat.handle("/queue")).contains { $0.hasPrefix("    1.        default (ticket 3,") })
        _ = chat.handle("/agent claim b")
        #expect(chat.prompt == "b [agent]> ")
        #expect(
            texts(chat.handle("/agent close")) == [
                "closed b", "agent: This conversation is closed. Thank you for contacting us.",
            ])
        #expect(texts(chat.handle("/state")) == ["session b has not started: nothing said yet"])
        _ = chat.handle("/agent claim")
        #expect(texts(chat.handle("/agent leave")) == ["agent left; back in their queues: default"])
        #expect(texts(chat.handle("/agent say hello")).first?.hasPrefix("error: agent holds no conversation") == true)
    }

    /// A refused claim changes nothing: the agent it would have joined to the queues stays out.
    @Test func refusedAgentActionsSayWhy() throws {
        let chat = try chat(try botDirectory())
        #expect(
            texts(chat.handle("/agent claim nosuch")) == [
                #"error: session "nosuch" is not waiting in a queue (not_queued)"#
            ])
        #expect(
            texts(chat.handle("/agent claim")) == [
                #"error: no customer is waiting in the queues agent "agent" serves (queue_empty)"#
            ])
        #expect(!chat.agentJoined)
        #expect(
            texts(chat.handle("/queue")) == [
                "  general     0 waiting, no agents", "  claims      0 waiting, no agents",
            ])
        _ = chat.handle("human please")
        _ = chat.handle("/agent claim")
        #expect(
            texts(chat.handle("/agent transfer billing"))
                == ["error: no queue \"billing\"; the queues are general, claims (unknown_queue)"])
    }

    @Test func intentShowsADefinitionAndSuggestsNames() throws {
        let chat = try chat(try botDirectory())
        let intent = texts(chat.handle("/intent opening_hours"))
        #expect(intent[0].hasPrefix("  intent      opening_hours (") && intent[0].contains("bot.json:"))
        #expect(intent.contains("  response    We are open 8am to 8pm."))
        #expect(
            texts(chat.handle("/intent opening_hour"))
                == ["error: no intent \"opening_hour\"; did you mean opening_hours? tab completes intent names"])
    }

    @Test func quitEndsAndBadCommandsDoNot() throws {
        let chat = try chat(try botDirectory())
        #expect(chat.handle("/quit").quit)
        #expect(chat.handle("/exit").quit)
        let unknown = chat.handle("/qeue")
        #expect(!unknown.quit)
        #expect(texts(unknown) == ["error: unknown command /qeue; did you mean /queue? /help lists the commands"])
    }

    @Test func saveWritesConversationTestsThatReplay() throws {
        let directory = try botDirectory()
        let chat = try chat(directory)
        let file = directory.appendingPathComponent("saved.json").path
        #expect(
            texts(chat.handle("/save \(file)")) == [
                "error: nothing to save yet in session default; say something first"
            ])
        _ = chat.handle("hello")
        _ = chat.handle("I want to file a claim")
        _ = chat.handle("PN-123456")
        #expect(
            texts(chat.handle("/save \(file) a claim, by hand"))
                == ["saved 3 turns as \"a claim, by hand\" in \(file); run: usher test --bot \(chat.path) \(file)"])
        _ = chat.handle("/session other")
        _ = chat.handle("when are you open")
        _ = chat.handle("human please")
        _ = chat.handle("hello? anyone?")
        // The agent's steps, typed in the same terminal, are saved with the customer's turns.
        _ = chat.handle("/agent claim")
        _ = chat.handle("/agent say Hi, I can help.")
        _ = chat.handle("/agent release")
        _ = chat.handle("when are you open")
        #expect(
            texts(chat.handle("/save \(file)")) == [
                "saved 7 turns as \"other: when are you open\" in \(file); run: usher test --bot \(chat.path) \(file)"
            ])

        #expect(
            texts(chat.handle("/save \(file)")).first?.hasPrefix("saved 7 turns as \"other: when are you open (2)\"")
                == true)
        let suite = try ConversationTestDecoder.load(
            Array(try Data(contentsOf: URL(fileURLWithPath: file))), file: file)
        #expect(
            suite.conversations.map(\.name) == [
                "a claim, by hand", "other: when are you open", "other: when are you open (2)",
            ])
        #expect(suite.conversations.map(\.turns.count) == [3, 7, 7])
        #expect(suite.conversations[0].turns[2].slots == ["policy_number": "PN-123456"])
        #expect(suite.conversations[1].turns.map(\.state) == [nil, "queued", "queued", "agent", "agent", "bot", nil])
        #expect(suite.conversations[1].turns[3].agent?.kind == .claim)
        #expect(suite.conversations[1].turns[4].reply == "Hi, I can help.")
        let runner = ConversationTestRunner(engine: chat.engine)
        for conversation in suite.conversations {
            let result = runner.run(conversation)
            #expect(result.passed, "\(result.failures)")
        }
    }

    /// A bot author answers the bot's actions by hand (`/result`, `/fail`) or from canned
    /// results, and `/save` keeps the results as steps that replay.
    @Test func actionsAreAnsweredByHandOrFromCannedResultsAndSaved() throws {
        let directory = try UsherBinary.directory([
            "bot.json": #"""
            {"entities": {"order_id": {"regex": "\\b[A-Z]{2}\\d{6}\\b"}},
             "intents": [{"name": "order_status", "examples": ["where is my order", "track my order"],
               "slots": {"order_id": {"entity": "order_id", "required": true, "prompt": "Which order?"}},
               "action": {"name": "lookup_order", "say": "Looking.",
                          "responses": {"found": ["It is {result.status}."], "not_found": ["No such order."],
                                        "failed": ["Our system is down."]}}}]}
            """#
        ])
        let path = directory.appendingPathComponent("bot.json").path
        let engine = try DialogEngine(bot: BotLoader.load(path: path), explains: true)
        var now = 1_795_428_000.0
        let chat = ChatSession(engine: engine, path: path) {
            now += 1
            return now
        }
        #expect(texts(chat.handle("/result found")) == ["error: no action waits for a result in session default"])
        #expect(
            texts(chat.handle("track my order AB123456")) == [
                "bot: Looking.",
                "the bot waits for lookup_order(order_id=AB123456): answer with /result [OUTCOME] [KEY=VALUE...] or /fail [WHY]",
            ])
        #expect(
            texts(chat.handle("/state"))[1]
                == "  talking to  bot, waiting for the result of lookup_order(order_id=AB123456)")
        #expect(texts(chat.handle(#"/result "status=out for delivery""#)) == ["bot: It is out for delivery."])
        _ = chat.handle("track my order CD123456")
        #expect(texts(chat.handle("/fail timeout")) == ["bot: Our system is down."])
        // Canned results answer without asking.
        chat.actionResults = try CannedActionResults.load(
            Array(#"{"lookup_order": [{"when": {"order_id": "EF123456"}, "outcome": "not_found"}]}"#.utf8),
            file: "r.json")
        chat.actionResultsFile = "r.json"
        #expect(
            texts(chat.handle("where is my order EF123456")) == [
                "bot: Looking.", "lookup_order(order_id=EF123456) → not_found, from r.json", "bot: No such order.",
            ])
        let file = directory.appendingPathComponent("saved.json").path
        #expect(texts(chat.handle("/save \(file)")).first?.hasPrefix("saved 6 turns") == true)
        let suite = try ConversationTestDecoder.load(
            Array(try Data(contentsOf: URL(fileURLWithPath: file))), file: file)
        let turns = suite.conversations[0].turns
        #expect(turns.map { $0.result?.outcome } == [nil, "found", nil, "failed", nil, "not_found"])
        #expect(
            turns.map { $0.action } == [
                .some("lookup_order"), nil, .some("lookup_order"), nil, .some("lookup_order"), nil,
            ])
        let result = ConversationTestRunner(engine: engine).run(suite.conversations[0])
        #expect(result.passed, "\(result.failures)")
    }

    /// `/lang` sends a session's messages in a language the bot serves, and `/save` keeps it.
    @Test func langSetsTheSessionsLanguageAndSaveKeepsIt() throws {
        let directory = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = UsherBinary.root.appendingPathComponent("intents").path
        let engine = try DialogEngine(bot: BotLoader.load(path: path))
        let chat = ChatSession(engine: engine, path: path) { 1_795_428_000 }
        #expect(texts(chat.handle("/lang")) == ["session default is in en; the bot serves en, de, ru, zh-TW"])
        #expect(texts(chat.handle("/lang fr")) == ["error: the bot does not serve \"fr\"; it serves en, de, ru, zh-TW"])
        #expect(texts(chat.handle("/lang de-AT")) == ["session default writes in de-AT, answered in de"])
        #expect(texts(chat.handle("hallo")).first?.hasPrefix("bot: Hallo!") == true)
        let file = directory.appendingPathComponent("de.json").path
        _ = chat.handle("/save \(file)")
        let suite = try ConversationTestDecoder.load(
            Array(try Data(contentsOf: URL(fileURLWithPath: file))), file: file)
        #expect(suite.conversations[0].language == "de-AT")
        #expect(ConversationTestRunner(engine: engine).run(suite.conversations[0]).passed)
    }

    @Test func saveLeavesAFileThatIsNotATestFileAlone() throws {
        let directory = try botDirectory()
        let chat = try chat(directory)
        let file = directory.appendingPathComponent("bot.json").path
        let before = try String(contentsOfFile: file, encoding: .utf8)
        _ = chat.handle("hello")
        let reply = texts(chat.handle("/save \(file)"))
        #expect(
            reply.first
                == "error: \(file):2:3: settings: unknown key \"settings\"; expected one of \"now\", \"conversations\"")
        #expect(reply.last == "\(file) is unchanged")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
        #expect(
            texts(chat.handle("/save /nonexistent/dir/t.json")).first?.hasPrefix(
                "error: cannot write /nonexistent/dir/t.json") == true)
    }

    @Test func saveRefusesWhatItCannotReadAndWritesThroughLinks() throws {
        let directory = try botDirectory()
        let chat = try chat(directory)
        _ = chat.handle("hello")
        let binary = directory.appendingPathComponent("binary.dat")
        let bytes = Data([0xFF, 0xFE, 0x7B, 0x7D, 0x00, 0x01])
        try bytes.write(to: binary)
        #expect(
            texts(chat.handle("/save \(binary.path)")) == [
                "error: cannot read \(binary.path) as UTF-8 text; nothing written"
            ])
        #expect(try Data(contentsOf: binary) == bytes)

        let real = directory.appendingPathComponent("real.json")
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(
            texts(chat.handle("/save \(link.path) \"through a link\"")).first?.hasPrefix(
                "saved 1 turn as \"through a link\"") == true)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try String(contentsOf: real, encoding: .utf8).contains("\"name\": \"through a link\""))

        #expect(
            texts(chat.handle("/save \(directory.path)")) == [
                "error: cannot write \(directory.path): it is a directory"
            ])
        #expect(
            texts(chat.handle("/save /no/such/dir/t.json"))
                == ["error: cannot write /no/such/dir/t.json: there is no folder /no/such/dir"])
    }

    @Test func aMessageToAPersonIsExplainedAsSuch() throws {
        let chat = try chat(try botDirectory())
        _ = chat.handle("human please")
        _ = chat.handle("hello? anyone?")
        #expect(
            texts(chat.handle("/why")).contains(
                "  intent      (none): the bot stays silent while the customer waits for an agent"))
        #expect(
            texts(chat.handle("/state")).contains("  last        \"hello? anyone?\" → (to a person, the bot silent)"))
        _ = chat.handle("/agent claim")
        _ = chat.handle("still here")
        #expect(
            texts(chat.handle("/why")).contains(
                "  intent      (none): the bot stays silent while agent has the conversation"))
        #expect(
            texts(chat.handle("/agent join"))
                == ["error: agent already serves general, claims; /agent leave first to serve other queues"])
    }

    @Test func reloadNamesNewQueues() throws {
        let directory = try botDirectory()
        let chat = try chat(directory)
        let file = directory.appendingPathComponent("bot.json")
        let json = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: #"["general", "claims"]"#, with: #"["general", "billing"]"#)
        try json.write(to: file, atomically: true, encoding: .utf8)
        #expect(
            texts(chat.handle("/reload")) == ["reloaded \(chat.path): 4 intents; new queue billing; 1 session kept"])
    }

    @Test func aLineTooLongIsRefused() throws {
        let chat = try chat(try botDirectory())
        let line = String(repeating: "a", count: ChatSession.longestLine + 1)
        #expect(texts(chat.handle(line)) == ["error: a line of 65537 bytes is too long; the limit is 65536"])
        #expect(texts(chat.handle("/state")) == ["session default has not started: nothing said yet"])
    }

    @Test func metadataAndClockJumpsReachTheBotAndTheSavedTest() throws {
        let directory = try botDirectory()
        let chat = try chat(directory)
        #expect(texts(chat.handle("/meta")) == ["no metadata for session default"])
        #expect(texts(chat.handle("/meta tier=vip")) == ["session default sends tier=vip"])
        _ = chat.handle("I want to file a claim")
        #expect(texts(chat.handle("/advance 11m")) == ["the clock is 11m 00s ahead now"])
        // Past the bot's session_ttl of 10 minutes: the form is gone, and the chat says so.
        let expired = texts(chat.handle("I want to file a claim"))
        #expect(expired.count == 2)
        #expect(expired.first?.hasPrefix("(session default had expired: idle for 11m 0") == true)
        #expect(
            expired.first?.hasSuffix(
                ", longer than session_ttl 10m 00s; dropped form file_claim (waiting for policy_number); this message started it afresh)"
            ) == true)
        #expect(expired.last == "bot: What is your policy number?")
        // Said once: the new session goes on.
        #expect(
            texts(chat.handle("/state")).contains("  form        file_claim, waiting for policy_number (0 reprompts)"))
        #expect(texts(chat.handle("/state")).contains("  metadata    tier=vip"))
        _ = chat.handle("human please")
        // The intent's priority 1, and one more for a VIP.
        #expect(texts(chat.handle("/queue"))[1].hasPrefix("    1.        default (ticket 1, priority 2, waited "))
        let file = directory.appendingPathComponent("t.json").path
        _ = chat.handle("/save \(file)")
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains(#"{"say": "I want to file a claim", "meta": {"tier": "vip"}, "intent": "file_claim""#))
        #expect(saved.contains(#"{"say": "I want to file a claim", "advance": 660, "intent": "file_claim""#))
        let suite = try ConversationTestDecoder.load(Array(saved.utf8), file: file)
        let result = ConversationTestRunner(engine: chat.engine).run(try #require(suite.conversations.first))
        #expect(result.passed, "\(result.failures)")
    }

    @Test func theBannerCountsIntentsAndMarksAFolder() throws {
        let directory = try botDirectory()
        #expect(
            try chat(directory).banner.hasPrefix(
                "usher chat: 4 intents from \(directory.path)/bot.json; session default"))
        let one = try UsherBinary.directory([
            "one.json": #"{"intents": [{"name": "hi", "examples": ["hello"], "responses": ["Hi!"]}]}"#
        ])
        let engine = try DialogEngine(bot: BotLoader.load(path: one.path))
        let chat = ChatSession(engine: engine, path: one.path) { 0 }
        #expect(chat.banner == "usher chat: 1 intent from \(one.path)/; session default; /help lists the commands")
    }

    /// Hours and days read as such, not as thousands of minutes, wherever the chat shows a duration.
    @Test func longDurationsReadAsHoursAndDays() throws {
        let chat = try chat(try botDirectory())
        _ = chat.handle("human please")
        #expect(texts(chat.handle("/advance 2h")) == ["the clock is 2h 00m ahead now"])
        let queue = texts(chat.handle("/queue"))
        #expect(queue[1].hasSuffix(", waited 2h 00m): intent talk_to_human"), "\(queue)")
        #expect(texts(chat.handle("/advance 3d")) == ["the clock is 3d 2h ahead now"])
    }

    @Test func theClockGoesAtMostACenturyAhead() throws {
        let chat = try chat(try botDirectory())
        for _ in 0..<100 { #expect(texts(chat.handle("/advance 366d")).first?.hasPrefix("the clock is") == true) }
        #expect(
            texts(chat.handle("/advance 1s"))
                == [
                    "error: the clock is already 36600d 0h ahead, the most it goes; restart usher chat to set it back"
                ])
        #expect(texts(chat.handle("hello")) == ["bot: Hello!"])
    }
}
