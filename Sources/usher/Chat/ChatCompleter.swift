import Foundation

/// What Tab offers in `usher chat`: command names first, then what each command takes —
/// session names after `/session`, intent names after `/intent`, queues and waiting sessions
/// after `/agent …`. Pure, so readline only asks and shows.
struct ChatCompleter {
    var sessions: [String]
    var intents: [String]
    var queues: [String]
    /// Sessions waiting in a queue, which `/agent claim` can take.
    var waiting: [String]
    /// Paths that start with a prefix, for `/save FILE`.
    var files: (String) -> [String]

    init(
        sessions: [String], intents: [String], queues: [String], waiting: [String],
        files: @escaping (String) -> [String] = ChatCompleter.paths
    ) {
        self.sessions = sessions
        self.intents = intents
        self.queues = queues
        self.waiting = waiting
        self.files = files
    }

    /// Entries of the prefix's directory that start with its last part; directories end in `/`.
    static func paths(startingWith prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let directory = slash.map { String(prefix[...$0]) } ?? ""
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return entries.filter { !$0.hasPrefix(".") }.sorted().map { entry in
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(
                atPath: (directory.isEmpty ? "." : directory) + "/" + entry, isDirectory: &isDirectory)
            return directory + entry + (isDirectory.boolValue ? "/" : "")
        }.filter { $0.hasPrefix(prefix) }
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
        if previous == ["/save"] { return files(word) }
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
