/// What Tab offers in `usher chat`: command names first, then what each command takes —
/// session names after `/session`, intent names after `/intent`, queues and waiting sessions
/// after `/agent …`. Pure, so readline only asks and shows.
struct ChatCompleter {
    var sessions: [String]
    var intents: [String]
    var queues: [String]
    /// Sessions waiting in a queue, which `/agent claim` can take.
    var waiting: [String]

    init(sessions: [String], intents: [String], queues: [String], waiting: [String]) {
        self.sessions = sessions
        self.intents = intents
        self.queues = queues
        self.waiting = waiting
    }

    init(_ chat: ChatSession) {
        self.init(
            sessions: chat.sessions, intents: chat.intentNames, queues: chat.queueNames,
            waiting: chat.waitingSessions)
    }

    /// The completions of the word that starts at `start` in `line` (up to the cursor).
    func candidates(line: String, start: Int) -> [String] {
        let before = String(line.prefix(start))
        let word = String(line.dropFirst(start))
        let previous = before.split(separator: " ").map { $0.lowercased() }
        guard before.hasPrefix("/") || (before.isEmpty && word.hasPrefix("/")) else { return [] }
        let options = self.options(after: previous)
        return options.filter { $0.hasPrefix(word) }
    }

    /// What may follow the words already typed.
    private func options(after words: [String]) -> [String] {
        guard let command = words.first else { return SlashCommand.usages.map { "/" + $0.name } }
        if words.count == 1 {
            switch command {
            case "/session": return sessions
            case "/intent": return intents
            case "/help": return SlashCommand.usages.map(\.name)
            case "/debug": return ["on", "off"]
            case "/agent": return SlashCommand.agentVerbs
            default: return []
            }
        }
        guard command == "/agent" else { return [] }
        switch (words[1], words.count) {
        case ("claim", 2): return waiting
        case ("join", _), ("transfer", 2): return queues
        case ("release", 2), ("close", 2), ("transfer", 3): return sessions
        default: return []
        }
    }
}
