import Testing

@testable import usher

@Suite("SlashCommand")
struct SlashCommandTests {
    @Test(arguments: [
        ("/help", SlashCommand.help(topic: nil)),
        ("/help agent", .help(topic: "agent")),
        ("/help /agent", .help(topic: "agent")),
        ("/?", .help(topic: nil)),
        ("/? debug", .help(topic: "debug")),
        ("/HELP", .help(topic: nil)),
        ("/debug", .debug(nil)),
        ("/debug on", .debug(true)),
        ("/debug OFF", .debug(false)),
        ("/why", .why),
        ("/state", .state),
        ("/reset", .reset),
        ("/session", .session(nil)),
        ("/session c-2", .session("c-2")),
        ("/reload", .reload),
        ("/intent track_order", .intent("track_order")),
        ("/queue", .queue),
        ("/result", .result(outcome: nil, values: [:])),
        ("/result not_found", .result(outcome: "not_found", values: [:])),
        (
            #"/result found status=shipped "eta=next friday""#,
            .result(outcome: "found", values: ["status": "shipped", "eta": "next friday"])
        ),
        ("/result status=a=b", .result(outcome: nil, values: ["status": "a=b"])),
        ("/fail", .fail(nil)),
        ("/lang", .lang(nil)),
        ("/lang zh-TW", .lang("zh-TW")),
        ("/fail the OMS is down", .fail("the OMS is down")),
        ("/quit", .quit),
        ("/exit", .quit),
        ("  /state  ", .state),
        ("/session   c-2", .session("c-2")),
    ])
    func commandParses(line: String, expected: SlashCommand) {
        #expect(ChatInput.parse(line) == .success(.command(expected)))
    }

    @Test(arguments: [
        ("/agent join", SlashCommand.AgentCommand.join(queues: [])),
        ("/agent join general", .join(queues: ["general"])),
        ("/agent join a b", .join(queues: ["a", "b"])),
        ("/agent claim", .claim(session: nil)),
        ("/agent claim c-2", .claim(session: "c-2")),
        ("/agent say hi", .say("hi")),
        // The text is kept as typed after the verb: inner spaces and case stay, the gap before it goes.
        ("/agent say  Hello,  there!", .say("Hello,  there!")),
        ("/agent  SAY   Hi  You ", .say("Hi  You")),
        ("/agent say /help is a command", .say("/help is a command")),
        ("/agent transfer claims", .transfer(queue: "claims", session: nil)),
        ("/agent transfer claims c-2", .transfer(queue: "claims", session: "c-2")),
        ("/agent release", .release(session: nil)),
        ("/agent release c-2", .release(session: "c-2")),
        ("/agent close", .close(session: nil)),
        ("/agent close c-2", .close(session: "c-2")),
        ("/agent leave", .leave),
        ("/AGENT Leave", .leave),
    ])
    func agentCommandParses(line: String, expected: SlashCommand.AgentCommand) {
        #expect(ChatInput.parse(line) == .success(.command(.agent(expected))))
    }

    @Test(arguments: [
        ("hello", "hello"),
        ("  where is my order?  ", "where is my order?"),
        ("\thello\t", "hello"),
        ("//etc/passwd is a path", "/etc/passwd is a path"),
        ("  //help  ", "/help"),
        ("hello /help", "hello /help"),
    ])
    func messageIsAMessage(line: String, text: String) {
        #expect(ChatInput.parse(line) == .success(.message(text)))
    }

    @Test(arguments: ["", " ", "   ", "\t", " \t "])
    func blankLineIsEmpty(line: String) {
        #expect(ChatInput.parse(line) == .success(.empty))
    }

    @Test(arguments: [
        ("/", "a lone / is not a command; /help lists the commands"),
        ("/   ", "a lone / is not a command; /help lists the commands"),
        ("/foo", "unknown command /foo; /help lists the commands; // sends a message that starts with /"),
        ("/queu", "unknown command /queu; did you mean /queue? /help lists the commands"),
        ("/debug maybe", "/debug takes on or off, not \"maybe\"; usage: /debug [on|off]"),
        ("/debug on off", "/debug takes on or off, not \"on off\"; usage: /debug [on|off]"),
        ("/why now", "/why takes no arguments; usage: /why"),
        ("/quit now", "/quit takes no arguments; usage: /quit"),
        ("/session a b", "/session takes at most one argument; usage: /session [NAME]"),
        ("/intent", "/intent takes one intent name; usage: /intent NAME"),
        ("/intent a b", "/intent takes one intent name; usage: /intent NAME"),
        ("/help a b", "/help takes at most one argument; usage: /help [COMMAND]"),
        ("/agent", "/agent needs an action; actions: join, claim, say, transfer, release, close, leave"),
        ("/agent say", "/agent say needs the text to say; usage: /agent say TEXT"),
        ("/agent say   ", "/agent say needs the text to say; usage: /agent say TEXT"),
        ("/agent transfer", "/agent transfer needs a queue; usage: /agent transfer QUEUE [SESSION]"),
        (
            "/agent transfer a b c",
            "/agent transfer takes a queue and at most one session; usage: /agent transfer QUEUE [SESSION]"
        ),
        ("/agent claim a b", "/agent claim takes at most one session; usage: /agent claim [SESSION]"),
        ("/agent release a b", "/agent release takes at most one session; usage: /agent release [SESSION]"),
        ("/agent close a b", "/agent close takes at most one session; usage: /agent close [SESSION]"),
        ("/agent leave now", "/agent leave takes no arguments; usage: /agent leave"),
        (
            "/result found late",
            "/result takes an outcome first, then KEY=VALUE pairs; \"late\" is neither; usage: /result [OUTCOME] [KEY=VALUE...]"
        ),
        (
            "/result a=1 found",
            "/result takes an outcome first, then KEY=VALUE pairs; \"found\" is neither; usage: /result [OUTCOME] [KEY=VALUE...]"
        ),
        (
            "/result =x",
            "/result takes an outcome first, then KEY=VALUE pairs; \"=x\" is neither; usage: /result [OUTCOME] [KEY=VALUE...]"
        ),
        (
            "/agent clam",
            "unknown agent action \"clam\"; did you mean /agent claim? "
                + "actions: join, claim, say, transfer, release, close, leave"
        ),
        (
            "/agent dance",
            "unknown agent action \"dance\"; actions: join, claim, say, transfer, release, close, leave"
        ),
    ])
    func malformedInputIsAnError(line: String, expected: String) {
        switch ChatInput.parse(line) {
        case .failure(let error):
            #expect(error.description == expected)
            #expect(error.description == error.message + "; " + error.hint)
            #expect(!error.description.contains("\n"))
            #expect(!error.hint.isEmpty)
        case .success(let input):
            Issue.record("\(line.debugDescription) parsed as \(input)")
        }
    }

    /// The commands this suite covers, in the order `/help` lists them (others may sit between).
    static let knownCommands = [
        "help", "debug", "why", "state", "reset", "session", "reload", "intent", "queue", "agent", "quit",
    ]

    @Test func everyUsageIsAKnownCommandAndAHelpTopic() {
        let names = SlashCommand.usages.map(\.name)
        #expect(names.filter(Self.knownCommands.contains) == Self.knownCommands)
        #expect(Set(names).count == names.count)
        for usage in SlashCommand.usages {
            #expect(ChatInput.parse("/help " + usage.name) == .success(.command(.help(topic: usage.name))))
            #expect(usage.synopsis.hasPrefix("/" + usage.name))
            #expect(!usage.summary.isEmpty)
            if case .failure(let error) = ChatInput.parse("/" + usage.name) {
                #expect(!error.message.hasPrefix("unknown command"), "/\(usage.name) is listed but not parsed")
            }
        }
        #expect(SlashCommand.usage(of: "nope") == nil)
    }

    @Test func usageErrorEndsWithTheCommandsSynopsis() {
        let error = ChatInputError.usage("/reset takes no arguments", of: "reset")
        #expect(error == ChatInputError(message: "/reset takes no arguments", hint: "usage: /reset"))
        #expect(ChatInputError.usage("odd", of: "nope").description == "odd; usage: /help")
    }

    @Test(arguments: [
        (
            #"/save "my tests.json" "order status, asked""#,
            SlashCommand.save(file: "my tests.json", name: "order status, asked")
        ),
        ("/save t.json order status", .save(file: "t.json", name: "order status")),
        ("/save 'my tests.json'", .save(file: "my tests.json", name: nil)),
        ("/session O'Brien", .session("O'Brien")),
        ("/agent say Hi, I'm Sam. 'Quoted", .agent(.say("Hi, I'm Sam. 'Quoted"))),
        (#"/agent   SAY  "unclosed"#, .agent(.say(#""unclosed"#))),
        (#"/session "night shift""#, .session("night shift")),
        (#"/agent say "quoted" as typed"#, .agent(.say(#""quoted" as typed"#))),
    ])
    func quotesKeepSpacesInAWord(line: String, expected: SlashCommand) {
        #expect(ChatInput.parse(line) == .success(.command(expected)))
    }

    @Test(arguments: [
        (#"/save "t.json"#, #"a " quote is not closed; close it, or type // to send a message"#),
        (#"/session """#, "a session name cannot be empty; usage: /session [NAME]"),
        (#"/save """#, "/save needs a file to write; usage: /save FILE [NAME]"),
        ("/save \u{0}", "a file name cannot hold control characters; usage: /save FILE [NAME]"),
        ("/save a\u{7}b.json", "a file name cannot hold control characters; usage: /save FILE [NAME]"),
    ])
    func badQuotingIsAnError(line: String, expected: String) {
        guard case .failure(let error) = ChatInput.parse(line) else {
            Issue.record("\(line) parsed")
            return
        }
        #expect(error.description == expected)
    }

    @Test(arguments: [
        ("/meta", SlashCommand.meta([:])),
        ("/meta tier=vip name=Ann", .meta(["tier": "vip", "name": "Ann"])),
        ("/meta tier=", .meta(["tier": ""])),
        (#"/meta "name=Ann Lee""#, .meta(["name": "Ann Lee"])),
        ("/advance 90s", .advance(seconds: 90)),
        ("/advance 31m", .advance(seconds: 1_860)),
        ("/advance 2h", .advance(seconds: 7_200)),
        ("/advance 1d", .advance(seconds: 86_400)),
        ("/advance 366d", .advance(seconds: 31_622_400)),
        ("/advance 45", .advance(seconds: 45)),
    ])
    func metadataAndClockCommandsParse(line: String, expected: SlashCommand) {
        #expect(ChatInput.parse(line) == .success(.command(expected)))
    }

    @Test(arguments: [
        ("/meta vip", #"/meta takes KEY=VALUE pairs, not "vip"; usage: /meta [KEY=VALUE...]"#),
        ("/meta =vip", #"/meta takes KEY=VALUE pairs, not "=vip"; usage: /meta [KEY=VALUE...]"#),
        ("/advance", "/advance takes one duration up to 366d, such as 90s, 31m or 2h; usage: /advance DURATION"),
        ("/advance -5m", "/advance takes one duration up to 366d, such as 90s, 31m or 2h; usage: /advance DURATION"),
        ("/advance soon", "/advance takes one duration up to 366d, such as 90s, 31m or 2h; usage: /advance DURATION"),
        ("/advance 1e300d", "/advance takes one duration up to 366d, such as 90s, 31m or 2h; usage: /advance DURATION"),
        ("/advance 367d", "/advance takes one duration up to 366d, such as 90s, 31m or 2h; usage: /advance DURATION"),
        ("/advance 1 m", "/advance takes one duration up to 366d, such as 90s, 31m or 2h; usage: /advance DURATION"),
    ])
    func badMetadataAndClockCommandsAreErrors(line: String, expected: String) {
        guard case .failure(let error) = ChatInput.parse(line) else {
            Issue.record("\(line) parsed")
            return
        }
        #expect(error.description == expected)
    }
}
