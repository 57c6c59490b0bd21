/// A line typed into `usher chat`, read: a customer message, a slash command, or nothing.
///
/// Parsing is separate from doing, so every command's grammar and error text is tested without
/// a terminal. A line starting with `//` is a message that starts with `/`.
enum ChatInput: Equatable {
    case message(String)
    case command(SlashCommand)
    case empty
}

extension ChatInput {
    /// Reads one line as typed.
    static func parse(_ line: String) -> Result<ChatInput, ChatInputError> {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .success(.empty) }
        if trimmed.hasPrefix("//") { return .success(.message(String(trimmed.dropFirst()))) }
        guard trimmed.hasPrefix("/") else { return .success(.message(trimmed)) }
        do {
            let words = try Self.words(of: trimmed.dropFirst(), upTo: Self.isSay(trimmed) ? 2 : nil)
            guard let name = words.first?.text.lowercased() else {
                return .failure(ChatInputError(message: "a lone / is not a command", hint: "/help lists the commands"))
            }
            // The text from the third word on, exactly as typed: what `/agent say` says.
            let rest = words.count > 2 ? String(trimmed[words[2].start...]) : ""
            return .success(
                .command(try SlashCommand.parse(name: name, arguments: words.dropFirst().map(\.text), rest: rest)))
        } catch {
            return .failure(error)
        }
    }

    /// `/agent say …`, whose text is taken as typed, apostrophes and all.
    private static func isSay(_ line: String) -> Bool {
        let words = line.dropFirst().split(whereSeparator: \.isWhitespace).prefix(3)
        return words.count == 3 && words[0].lowercased() == "agent" && words[1].lowercased() == "say"
    }

    /// A command line's words: split at white space, with "double" or 'single' quotes at the
    /// start of a word keeping white space inside it (`/save "my tests.json"`); elsewhere a quote
    /// is a character like any other (`I'm`). With `limit`, the words after the first `limit`
    /// are not read, only where the next one starts.
    static func words(of text: Substring, upTo limit: Int? = nil) throws(ChatInputError)
        -> [(text: String, start: String.Index)]
    {
        var words: [(text: String, start: String.Index)] = []
        var current: (text: String, start: String.Index)?
        var quote: Character?
        for index in text.indices {
            if let limit, words.count == limit {
                if !text[index].isWhitespace { words.append((String(text[index...]), index)) }
                if words.count > limit { return words }
                continue
            }
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil } else { current?.text.append(character) }
            } else if character.isWhitespace {
                if let word = current { words.append(word) }
                current = nil
            } else if current == nil && (character == "\"" || character == "'") {
                current = ("", index)
                quote = character
            } else {
                if current == nil { current = ("", index) }
                current?.text.append(character)
            }
        }
        if let open = quote {
            throw ChatInputError(
                message: "a \(open) quote is not closed", hint: "close it, or type // to send a message")
        }
        if let word = current { words.append(word) }
        return words
    }
}

/// A line that is not a valid command, with a hint that says how to write it.
struct ChatInputError: Error, Equatable, CustomStringConvertible {
    var message: String
    var hint: String

    var description: String { "\(message); \(hint)" }

    static func usage(_ message: String, of name: String) -> ChatInputError {
        let canonical = SlashCommand.aliases[name] ?? name
        return ChatInputError(
            message: message, hint: "usage: " + (SlashCommand.usage(of: canonical)?.synopsis ?? "/help"))
    }

    static func agentUsage(_ message: String, of verb: String) -> ChatInputError {
        let usage = SlashCommand.agentUsages.first { $0.name == verb }
        return ChatInputError(message: message, hint: "usage: " + (usage?.synopsis ?? "/help agent"))
    }
}
