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

    /// How a yes or a no begins, in every served language (a customer may answer in another);
    /// anything else is neither, and the question comes again.
    static let yes = Set(Language.all.flatMap(\.yes))
    static let no = Set(Language.all.flatMap(\.no))
    static let contrast = Set(Language.all.flatMap(\.contrast))
    private static let contrastPhrases = WordPhrases(contrast)

    /// What a normalised answer (words joined by spaces) says to the read-back: a yes that a
    /// "but" takes back ("yes, but the date is wrong") is a no.
    static func answer(_ words: String) -> Answer? {
        if contrastPhrases.occur(in: words),
            begins(words, with: yes) || begins(words, with: no)
        {
            return .no
        }
        if begins(words, with: yes) { return .yes }
        if begins(words, with: no) { return .no }
        return nil
    }

    enum Answer { case yes, no }

    private static func begins(_ words: String, with phrases: Set<String>) -> Bool {
        phrases.contains { words == $0 || words.hasPrefix($0 + " ") }
    }
}
