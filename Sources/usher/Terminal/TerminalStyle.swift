/// How `usher chat` marks its lines: coloured on a terminal, plain when `NO_COLOR` is set, the
/// terminal is dumb, or output goes to a pipe or file.
struct TerminalStyle {
    var colour: Bool

    /// Colour only when stdout is a terminal that can show it and the user has not opted out
    /// (https://no-color.org: any non-empty `NO_COLOR`).
    static func detect(environment: [String: String], outputIsTerminal: Bool) -> TerminalStyle {
        let optedOut = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = ["", "dumb"].contains(environment["TERM"] ?? "")
        return TerminalStyle(colour: outputIsTerminal && !optedOut && !dumb)
    }

    private enum Code: String {
        case bot = "1;36"
        case person = "1;35"
        case faint = "2"
        case error = "1;31"
        case prompt = "1;32"
    }

    func render(_ line: ChatLine) -> String {
        guard colour, let label = line.label else {
            return colour ? paint(line.plain, line.style == .info ? .faint : nil) : line.plain
        }
        switch line.style {
        case .bot: return paint(label + ":", .bot) + " " + line.text
        case .person: return paint(label + ":", .person) + " " + line.text
        case .error: return paint(label + ":", .error) + " " + line.text
        case .info: return paint(line.plain, .faint)
        case .detail:
            return paint(ChatLine.column(label), .faint) + line.text
        }
    }

    /// The prompt, with colour codes wrapped so readline does not count them as columns.
    func prompt(_ text: String) -> String {
        guard colour else { return text }
        return "\u{1}\u{1B}[\(Code.prompt.rawValue)m\u{2}" + text + "\u{1}\u{1B}[0m\u{2}"
    }

    private func paint(_ text: String, _ code: Code?) -> String {
        guard let code else { return text }
        return "\u{1B}[\(code.rawValue)m" + text + "\u{1B}[0m"
    }
}
