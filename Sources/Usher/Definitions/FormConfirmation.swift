/// A form's last step before it completes: the bot reads back what it will do and waits for a
/// yes or no ("File a claim for PN-123456, incident on 2026-11-30? yes/no"). A no lets the
/// customer correct a value by giving the new one; the bot then reads back again.
public struct FormConfirmation: Sendable {
    /// The question, usually naming the filled slots.
    public var prompt: Template
    /// The answer to a no without a new value; `nil` leaves it to the engine's built-in words in
    /// the language the session is answered in, so a bot that never wrote one still answers a
    /// German "nein" in German.
    public var denied: Template?

    public init(prompt: Template, denied: Template? = nil) {
        self.prompt = prompt
        self.denied = denied
    }

    /// The first word of a yes or a no, in every served language (the session's language is not
    /// known here yet); anything else is neither, and the question comes again.
    static let yes = Set(Language.all.flatMap(\.yes))
    static let no = Set(Language.all.flatMap(\.no))
}
