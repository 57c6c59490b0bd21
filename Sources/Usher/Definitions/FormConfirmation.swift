/// A form's last step before it completes: the bot reads back what it will do and waits for a
/// yes or no ("File a claim for PN-123456, incident on 2026-11-30? yes/no"). A no lets the
/// customer correct a value by giving the new one; the bot then reads back again.
public struct FormConfirmation: Sendable {
    /// The question, usually naming the filled slots.
    public var prompt: Template
    /// The answer to a no without a new value.
    public var denied: Template

    public static let defaultDenied = Template(
        segments: [.text("What should I change? Tell me the new value, or say cancel.")])

    public init(prompt: Template, denied: Template = Self.defaultDenied) {
        self.prompt = prompt
        self.denied = denied
    }

    /// The first word of a yes or a no, in the languages the bot serves; anything else is
    /// neither, and the question comes again.
    static let yes: Set<String> = [
        "yes", "yeah", "yep", "y", "correct", "right", "sure", "ok", "okay", "confirm", "да", "верно", "ja",
        "genau", "richtig", "是", "對", "对", "好",
    ]
    static let no: Set<String> = ["no", "nope", "n", "wrong", "нет", "неверно", "nein", "falsch", "不", "不是", "不對"]
}
