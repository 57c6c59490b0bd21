import Usher

/// What a bot author can ask of `usher chat` besides talking to the bot.
enum SlashCommand: Equatable {
    case help(topic: String?)
    /// `nil` toggles.
    case debug(Bool?)
    case why
    case state
    case reset
    /// `nil` lists the sessions.
    case session(String?)
    case reload
    case intent(String)
    /// Sets what the integrating program would say about the customer (`tier=vip`); empty lists it.
    case meta([String: String])
    /// Sets the language this session's messages are sent in (`de`); alone, says which it is.
    case lang(String?)
    /// Moves the chat's clock on, to try session expiry and queue aging without waiting.
    case advance(seconds: Double)
    /// Writes the session so far as a conversation test, new file or appended.
    case save(file: String, name: String?)
    case queue
    /// The customer of this session leaves the queue, as a gateway's `queue.leave` says.
    case leave
    case agent(AgentCommand)
    /// Answers the action the bot waits for, as the business's systems would: an outcome
    /// (`found` with values, `not_found` without, when not given) and values.
    case result(outcome: String?, values: [String: String])
    /// Answers the action the bot waits for with a failure.
    case fail(String?)
    case quit

    /// The agent side of a handoff, played from the same terminal.
    enum AgentCommand: Equatable {
        case join(queues: [String])
        case claim(session: String?)
        case say(String)
        case transfer(queue: String, session: String?)
        case release(session: String?)
        case close(session: String?)
        case leave
    }

    /// A command's name, how it is written, and what it does: for `/help`, completion and hints.
    struct Usage {
        var name: String
        var synopsis: String
        var summary: String
    }

    static let usages: [Usage] = [
        Usage(name: "help", synopsis: "/help [COMMAND]", summary: "list the commands, or explain one"),
        Usage(
            name: "debug", synopsis: "/debug [on|off]",
            summary: "after each reply, show intent, confidence, runner-ups, evidence, slots, contexts, sentiment"),
        Usage(name: "why", synopsis: "/why", summary: "explain the last turn of this session"),
        Usage(name: "state", synopsis: "/state", summary: "show this session's slots, contexts, form and handoff"),
        Usage(name: "reset", synopsis: "/reset", summary: "forget this session and start it afresh"),
        Usage(
            name: "session", synopsis: "/session [NAME]", summary: "switch to (or start) a session; alone, list them"),
        Usage(name: "reload", synopsis: "/reload", summary: "re-read the bot's files, keeping every session"),
        Usage(
            name: "intent", synopsis: "/intent NAME", summary: "show an intent: where it is defined, examples, slots"),
        Usage(
            name: "meta", synopsis: "/meta [KEY=VALUE...]",
            summary:
                "send these metadata with this session's messages (tier=vip raises handoff priority); alone, list them"),
        Usage(
            name: "lang", synopsis: "/lang [LANGUAGE]",
            summary: "send this session's messages in this language (de, ru, zh-TW); alone, list the bot's languages"),
        Usage(
            name: "advance", synopsis: "/advance DURATION",
            summary: "move the clock on (90s, 31m, 2h) to try session expiry and queue aging"),
        Usage(
            name: "save", synopsis: "/save FILE [NAME]",
            summary: "save this session's turns as a conversation test (usher test), appending to FILE"),
        Usage(name: "queue", synopsis: "/queue", summary: "show who waits for an agent, and where"),
        Usage(
            name: "leave", synopsis: "/leave",
            summary: "this session's customer leaves the queue, as if they closed the chat (serve's queue.leave)"),
        Usage(
            name: "result", synopsis: "/result [OUTCOME] [KEY=VALUE...]",
            summary:
                "answer the action the bot waits for, as your systems would (found with values, not_found without)"),
        Usage(name: "fail", synopsis: "/fail [WHY]", summary: "answer the action the bot waits for with a failure"),
        Usage(
            name: "agent",
            synopsis: "/agent ACTION ...",
            summary: "play the human agent who takes handed-off conversations"),
        Usage(name: "quit", synopsis: "/quit", summary: "leave (Ctrl-D does the same)"),
    ]

    static var agentVerbs: [String] { agentUsages.map(\.name) }

    /// How each `/agent` action is written and what it does, for `/help agent` and for hints
    /// that show just the action typed.
    static let agentUsages: [Usage] = [
        Usage(name: "join", synopsis: "/agent join [QUEUE...]", summary: "serve these queues (all of them by default)"),
        Usage(
            name: "claim", synopsis: "/agent claim [SESSION]",
            summary: "take the next waiting customer, or this one (joins first if needed)"),
        Usage(name: "say", synopsis: "/agent say TEXT", summary: "write to the customer you took last"),
        Usage(
            name: "transfer", synopsis: "/agent transfer QUEUE [SESSION]", summary: "send the customer to another queue"
        ),
        Usage(name: "release", synopsis: "/agent release [SESSION]", summary: "hand the customer back to the bot"),
        Usage(name: "close", synopsis: "/agent close [SESSION]", summary: "end the conversation"),
        Usage(name: "leave", synopsis: "/agent leave", summary: "stop serving; held customers go back to their queues"),
    ]

    /// Other names a command answers to.
    static let aliases = ["?": "help", "exit": "quit"]

    static func usage(of name: String) -> Usage? { usages.first { $0.name == name } }
}

extension SlashCommand {
    static func parse(name: String, arguments: [String], rest: String) throws(ChatInputError) -> SlashCommand {
        switch name {
        case "help", "?":
            try expect(arguments, atMost: 1, name: name)
            return .help(topic: arguments.first.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 })
        case "debug": return .debug(try onOff(arguments))
        case "why", "state", "reset", "reload", "queue", "leave", "quit", "exit":
            try expect(arguments, atMost: 0, name: name)
            return [
                "why": .why, "state": .state, "reset": .reset, "reload": .reload, "queue": .queue, "leave": .leave,
                "quit": .quit, "exit": .quit,
            ][name]!
        case "session":
            try expect(arguments, atMost: 1, name: "session")
            if arguments.first?.isEmpty == true { throw .usage("a session name cannot be empty", of: "session") }
            return .session(arguments.first)
        case "meta":
            var pairs: [String: String] = [:]
            for argument in arguments {
                guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                    throw .usage("/meta takes KEY=VALUE pairs, not \"\(argument)\"", of: "meta")
                }
                pairs[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
            }
            return .meta(pairs)
        case "lang":
            try expect(arguments, atMost: 1, name: "lang")
            return .lang(arguments.first)
        case "advance":
            guard arguments.count == 1, let seconds = duration(arguments[0]) else {
                throw .usage("/advance takes one duration up to 366d, such as 90s, 31m or 2h", of: "advance")
            }
            return .advance(seconds: seconds)
        case "intent":
            guard arguments.count == 1 else {
                throw .usage("/intent takes one intent name", of: "intent")
            }
            return .intent(arguments[0])
        case "save":
            guard let file = arguments.first else { throw .usage("/save needs a file to write", of: "save") }
            guard !file.isEmpty else { throw .usage("/save needs a file to write", of: "save") }
            // Foundation's path functions trap on a NUL; no file name holds control characters anyway.
            guard !file.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw .usage("a file name cannot hold control characters", of: "save")
            }
            let name = arguments.dropFirst().joined(separator: " ")
            return .save(file: file, name: name.isEmpty ? nil : name)
        case "agent": return .agent(try agentCommand(arguments, rest: rest))
        case "result":
            var outcome: String?
            var values: [String: String] = [:]
            for argument in arguments {
                if let equals = argument.firstIndex(of: "="), equals != argument.startIndex {
                    values[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
                } else if outcome == nil && values.isEmpty && SlotName.isValid(argument) {
                    outcome = argument
                } else {
                    throw .usage(
                        "/result takes an outcome first, then KEY=VALUE pairs; \"\(argument)\" is neither", of: "result"
                    )
                }
            }
            return .result(outcome: outcome, values: values)
        case "fail":
            let why = arguments.joined(separator: " ")
            return .fail(why.isEmpty ? nil : why)
        default:
            let names = usages.map(\.name)
            let guess = Spelling.closest(to: name, among: names).map { "did you mean /\($0)? " } ?? ""
            let message = guess.isEmpty ? "; // sends a message that starts with /" : ""
            throw ChatInputError(
                message: "unknown command /\(name)", hint: guess + "/help lists the commands" + message)
        }
    }

    private static func expect(_ arguments: [String], atMost count: Int, name: String) throws(ChatInputError) {
        guard arguments.count > count else { return }
        let takes = count == 0 ? "takes no arguments" : "takes at most one argument"
        throw .usage("/\(name) \(takes)", of: name)
    }

    /// The longest `/advance`: a year, which is past any session lifetime or queue aging, and keeps
    /// the clock where dates are defined.
    static let longestAdvance: Double = 366 * 86_400

    /// `90s`, `31m`, `2h`, `1d` or plain seconds; positive and at most ``longestAdvance``.
    static func duration(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        let unit = text.last.flatMap { units[$0] }
        guard let number = Double(unit == nil ? text : String(text.dropLast())), number > 0, number.isFinite
        else { return nil }
        let seconds = number * (unit ?? 1)
        return seconds <= longestAdvance ? seconds : nil
    }

    private static func onOff(_ arguments: [String]) throws(ChatInputError) -> Bool? {
        switch arguments.map({ $0.lowercased() }) {
        case []: return nil
        case ["on"]: return true
        case ["off"]: return false
        default: throw .usage("/debug takes on or off, not \"\(arguments.joined(separator: " "))\"", of: "debug")
        }
    }

    private static func agentCommand(_ arguments: [String], rest: String) throws(ChatInputError) -> AgentCommand {
        guard let verb = arguments.first?.lowercased() else {
            throw ChatInputError(
                message: "/agent needs an action", hint: "actions: " + agentVerbs.joined(separator: ", "))
        }
        let operands = Array(arguments.dropFirst())
        func optionalSession() throws(ChatInputError) -> String? {
            guard operands.count <= 1 else { throw .agentUsage("/agent \(verb) takes at most one session", of: verb) }
            return operands.first
        }
        switch verb {
        case "join": return .join(queues: operands)
        case "claim": return .claim(session: try optionalSession())
        case "say":
            guard !rest.isEmpty else { throw .agentUsage("/agent say needs the text to say", of: verb) }
            return .say(rest)
        case "transfer":
            guard !operands.isEmpty else { throw .agentUsage("/agent transfer needs a queue", of: verb) }
            guard operands.count <= 2 else {
                throw .agentUsage("/agent transfer takes a queue and at most one session", of: verb)
            }
            return .transfer(queue: operands[0], session: operands.count == 2 ? operands[1] : nil)
        case "release": return .release(session: try optionalSession())
        case "close": return .close(session: try optionalSession())
        case "leave":
            guard operands.isEmpty else { throw .agentUsage("/agent leave takes no arguments", of: verb) }
            return .leave
        default:
            let guess = Spelling.closest(to: verb, among: agentVerbs).map { "did you mean /agent \($0)? " } ?? ""
            throw ChatInputError(
                message: "unknown agent action \"\(verb)\"",
                hint: guess + "actions: " + agentVerbs.joined(separator: ", "))
        }
    }
}
