/// A whole bot as its author wrote it: the validated, merged content of its JSON files.
///
/// Load one with ``BotLoader``; compile it into a ``Matcher`` to answer messages.
///
/// ```swift
/// let bot = try BotLoader.load(path: "intents")
/// let matcher = Matcher(bot: bot)
/// ```
public struct BotDefinition: Sendable {
    /// The language of the examples, as a BCP 47 tag such as `en`.
    public var language: String
    /// Where `language` was written, for errors and warnings; `nil` when it was not.
    public var languageOrigin: DefinitionOrigin?
    public var settings: BotSettings
    /// The bot's own entity types, by name (the built-in ones need no definition).
    public var entities: [String: EntityDefinition]
    public var intents: [IntentDefinition]
    public var fallback: FallbackDefinition
    /// The bot in other languages: their words for its intents (see ``localized(to:)``).
    public var translations: [BotTranslation] = []
    /// The files the bot was read from, in load order.
    public var files: [String]
    /// A hash of the definition files' names and bytes (16 hex digits), logged with every turn
    /// so that figures can be compared across edits of the bot; empty for a bot built in code.
    public var version = ""

    public init(
        language: String = "en", settings: BotSettings = BotSettings(), entities: [String: EntityDefinition] = [:],
        intents: [IntentDefinition], fallback: FallbackDefinition = FallbackDefinition(), files: [String] = []
    ) {
        self.language = language
        self.settings = settings
        self.entities = entities
        self.intents = intents
        self.fallback = fallback
        self.files = files
    }

    /// The intent with this name, if any.
    public func intent(named name: String) -> IntentDefinition? {
        intents.first { $0.name == name }
    }
}

/// Bot-wide tuning. Every setting has a default that works out of the box.
public struct BotSettings: Sendable, Equatable {
    /// The confidence below which a message is out of scope and gets the fallback.
    ///
    /// Chosen on CLINC150's validation split so that most in-scope messages pass and most
    /// out-of-scope ones do not; see docs/benchmarks.md.
    public static let defaultThreshold = 0.5

    public var threshold: Double
    /// Seconds of silence after which a session is forgotten.
    public var sessionTTL: Int
    /// How often a form asks again for a value it could not read before it gives up.
    public var maxReprompts: Int
    /// How many turns a session keeps in its history.
    public var historyTurns: Int
    /// When and where the bot hands conversations to people.
    public var handoff: HandoffSettings
    /// The confidence another intent needs to interrupt a form that waits for a value: below
    /// it, the message is taken as a poor answer and the form asks again ("still no idea" at
    /// 0.57 used to open a second form in the middle of a claim).
    public var digressionThreshold = 0.7
    /// Seconds the bot waits for an action's result before it gives up and says the call
    /// failed (an action's own `timeout` overrides it).
    public var actionTimeout = 30

    public init(
        threshold: Double = BotSettings.defaultThreshold, sessionTTL: Int = 1800, maxReprompts: Int = 2,
        historyTurns: Int = 20, handoff: HandoffSettings = HandoffSettings()
    ) {
        self.threshold = threshold
        self.sessionTTL = sessionTTL
        self.maxReprompts = maxReprompts
        self.historyTurns = historyTurns
        self.handoff = handoff
    }
}

/// What the bot says when no intent is confident enough.
public struct FallbackDefinition: Sendable {
    public static let defaultResponses = ["Sorry, I did not understand that. Could you rephrase?"]

    public var responses: [Template]
    /// Messages the bot must decline although they share words with its intents ("how do I
    /// cancel my Netflix" beside `cancel_order`): the matcher learns them as one more class, and
    /// a message closest to them gets the fallback, like Dialogflow's negative examples.
    public var examples: [Example] = []
    /// Where each response was written, by JSON path (`fallback.responses[0]`), for errors.
    var textOrigins: [String: DefinitionOrigin] = [:]

    public init(
        responses: [Template] = FallbackDefinition.defaultResponses.map { Template(segments: [.text($0)]) },
        examples: [Example] = []
    ) {
        self.responses = responses
        self.examples = examples
    }
}
