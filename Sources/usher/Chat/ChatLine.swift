/// One line of `usher chat`'s output, tagged with what it is so the terminal can colour it and a
/// pipe can print it plain.
struct ChatLine: Equatable {
    enum Style: Equatable {
        /// The bot speaking: `bot: …`.
        case bot
        /// A person speaking: an agent to a customer, or a customer's words delivered to an agent.
        case person
        /// What `/debug`, `/why`, `/state` and `/queue` show.
        case detail
        /// Confirmation of a command.
        case info
        case error
    }

    var style: Style
    /// The speaker or label shown in front (`bot`, `agent → c-2`), coloured on a terminal.
    var label: String?
    var text: String

    static func bot(_ text: String) -> ChatLine { ChatLine(style: .bot, label: "bot", text: text) }
    static func person(_ label: String, _ text: String) -> ChatLine {
        ChatLine(style: .person, label: label, text: text)
    }
    static func detail(_ label: String, _ text: String) -> ChatLine {
        ChatLine(style: .detail, label: label, text: text)
    }
    static func info(_ text: String) -> ChatLine { ChatLine(style: .info, label: nil, text: text) }
    static func error(_ text: String) -> ChatLine { ChatLine(style: .error, label: "error", text: text) }
    /// A mistake in a file, written as `usher check` writes it (`file:line:col: error: …`).
    static func diagnostic(_ text: String) -> ChatLine { ChatLine(style: .error, label: nil, text: text) }

    /// The line without colour: `label: text`, details indented with their label padded to a column.
    var plain: String {
        guard let label else { return text }
        switch style {
        case .detail: return Self.column(label) + text
        default: return label + ": " + text
        }
    }

    /// A detail's label indented and padded, so values line up in a column.
    static func column(_ label: String) -> String {
        "  " + label.padding(toLength: max(12, label.count + 1), withPad: " ", startingAt: 0)
    }
}
