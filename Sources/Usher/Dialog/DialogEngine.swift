/// Runs one customer turn: (session state, message) → (new state, what to say).
///
/// The engine is pure: it reads no clock (the caller passes `now`), touches no store and does
/// no I/O, so the same state and message always give the same turn. That is what makes
/// conversation tests stable and sessions easy to persist and replay.
///
/// ```swift
/// let engine = try DialogEngine(bot: BotLoader.load(path: "intents"))
/// var state: SessionState? = nil
/// let turn = engine.respond(to: CustomerMessage(session: "c-1", text: "where is my order?"), state: state, now: 0)
/// state = turn.state
/// print(turn.replies)
/// ```
///
/// A class, though it never changes after it is built: every turn, sweep and batch passes the
/// engine around, and a struct of compiled tables was copied each time, one retain and one
/// release for every table it holds (about 130 a copy, several copies a message). A reference
/// is one.
public final class DialogEngine: Sendable {
    public let bot: BotDefinition
    public let matcher: Matcher
    public let entities: EntityRecognizer
    public let sentiment: SentimentAnalyzer
    /// The engine's own replies (a cancelled form, a busy action, the queue) in the bot's
    /// language, or English for a language Usher has no data for.
    public let messages: BuiltInMessages
    /// How replies show dates and money in the bot's language.
    let formats: ValueFormat
    /// How replies show the values of the bot's `values` entities in its language.
    let valueNames: ValueNames
    /// Each slot name's entity type (from the first intent that declares it), so that a reply
    /// can show a date or an amount as the language writes it.
    let slotTypes: [String: String]
    /// Whether each turn's match names the words that decided it: worth its cost where a person
    /// reads the explanation (`usher chat`), not on a server's hot path.
    public let explains: Bool
    let intentIndex: [String: Int]
    /// `settings.handoff.keywords`, each with its words as the normaliser leaves them, joined
    /// by spaces: normalised once here rather than for every message.
    let handoffKeywords: [(keyword: String, phrase: String)]
    /// The keywords' phrases, in the same order, to look for in a message's words.
    let handoffPhrases: WordPhrases
    /// The handoff keyword (`settings.handoff.keywords`, as the bot wrote it) in a message whose
    /// normalised words, joined by spaces, are `words`: it hands off before any intent answers.
    public func handoffKeyword(inWords words: String) -> String? {
        guard !handoffPhrases.isEmpty else { return nil }
        return handoffPhrases.firstIndex(in: words).map { handoffKeywords[$0].keyword }
    }

    /// Whether any intent hands off: only then is a form's answer also matched, in case it asks
    /// for a person as well.
    let handsOffByIntent: Bool
    /// The examples of the intents that end the conversation (`ends_conversation`, a goodbye),
    /// in every language the bot serves, as the normaliser leaves them: a waiting customer who
    /// writes one of them whole says goodbye to the queue too.
    let goodbyeExamples: Set<String>
    /// Intents that require contexts: only eligible while all of theirs are active.
    let contextGated: [(intent: Int, require: [String])]
    /// The bot in each of its other languages, compiled: a session in one of them is served
    /// wholly by that engine (its matcher learned that language's examples; its replies are in it).
    public let localized: [String: DialogEngine]

    /// Compiles `bot`. Its entity definitions were checked when it loaded; a bot built in code
    /// with a bad one gets the same error here.
    public convenience init(bot: BotDefinition, model: ModelKind = .automatic, explains: Bool = false)
        throws(DefinitionErrors)
    {
        try self.init(bot: bot, model: model, explains: explains, translatedSynonyms: [:])
    }

    /// Compiles `bot`, which is a translation's when `translatedSynonyms` are that translation's
    /// words for values: the first of them is how its replies show a value.
    private init(
        bot: BotDefinition, model: ModelKind, explains: Bool, translatedSynonyms: [String: [String: [String]]]
    ) throws(DefinitionErrors) {
        self.bot = bot
        self.explains = explains
        do {
            entities = try EntityRecognizer(custom: bot.entities)
        } catch {
            throw DefinitionErrors([DefinitionError(file: "", path: "entities.\(error.type)", message: error.message)])
        }
        matcher = Matcher(bot: bot, model: model)
        sentiment = SentimentAnalyzer(language: bot.language)
        let language = Language.named(bot.language) ?? .english
        messages = language.messages
        formats = language.formats
        valueNames = ValueNames(entities: bot.entities, translated: translatedSynonyms)
        slotTypes = Dictionary(
            bot.intents.flatMap { $0.slots.map { ($0.name, $0.entity) } }, uniquingKeysWith: { first, _ in first })
        handoffKeywords = bot.settings.handoff.keywords.compactMap { keyword in
            let phrase = TextNormalizer.normalize(keyword).words.joined(separator: " ")
            return phrase.isEmpty ? nil : (keyword, phrase)
        }
        handoffPhrases = WordPhrases(handoffKeywords.map(\.phrase))
        handsOffByIntent = bot.intents.contains { $0.handoff != nil }
        intentIndex = Dictionary(
            bot.intents.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        contextGated = bot.intents.enumerated().compactMap { index, intent in
            intent.contexts.require.isEmpty ? nil : (index, intent.contexts.require)
        }
        var localized: [String: DialogEngine] = [:]
        for language in bot.languages.dropFirst() {
            guard let translated = bot.localized(to: language) else { continue }
            let synonyms = bot.translations.first { $0.language == language }?.synonyms ?? [:]
            localized[language] = try DialogEngine(
                bot: translated, model: model, explains: explains, translatedSynonyms: synonyms)
        }
        self.localized = localized
        goodbyeExamples = localized.values.reduce(into: Self.goodbyeExamples(of: bot)) {
            $0.formUnion($1.goodbyeExamples)
        }
    }

    /// The engine a session in `language` is served by: the one for that language, else this
    /// one (the bot's own language answers what it does not serve).
    public func serving(_ language: String) -> DialogEngine { engine(for: language) ?? self }

    /// The engine that serves `language`: this one for the bot's own language, else the
    /// translation's; a tag the bot does not serve exactly is matched on its primary subtag
    /// (`de-AT` → `de`, `zh` → `zh-TW`); `nil` when the bot does not serve it at all.
    public func engine(for language: String) -> DialogEngine? {
        guard let served = servingLanguage(for: language) else { return nil }
        return served == bot.language ? self : localized[served]
    }

    /// The language of ``engine(for:)``'s engine (its `bot.language`), found without copying an
    /// engine: this runs several times a message, and a copy retains every table of a compiled
    /// bot (iterating `localized` as pairs copied each engine it passed).
    func servingLanguage(for language: String) -> String? {
        // The exact tags first, without building a list.
        if LanguageTag.sameTag(language, bot.language) { return bot.language }
        // A translation's engine has the translation's language (`BotDefinition.localized(to:)`).
        if let exact = localized.keys.first(where: { LanguageTag.sameTag($0, language) }) { return exact }
        guard let served = bot.servedLanguage(for: language) else { return nil }
        return served == bot.language || localized.index(forKey: served) != nil ? served : nil
    }

    /// The intents that cannot match while only `active` contexts are, by index, with the
    /// contexts each still needs: the dialog leaves them out, and so do `usher match` and
    /// `usher eval`, saying so.
    public func ineligibleIntents(activeContexts active: Set<String>) -> [Int: [String]] {
        var excluded: [Int: [String]] = [:]
        for (intent, require) in contextGated {
            let missing = require.filter { !active.contains($0) }
            if !missing.isEmpty { excluded[intent] = missing }
        }
        return excluded
    }

    /// The intent with this name, found through the index built at load time.
    public func intent(named name: String) -> IntentDefinition? {
        intentIndex[name].map { bot.intents[$0] }
    }

    /// Answers one message. A missing or expired `state` starts a new session (the turn's
    /// ``TurnResult/expired`` says what an expired one dropped; `expired` is one found before
    /// the message came, when a sweep ended the session, for the turn to tell). While a person
    /// has the conversation (`attended`: the customer waits in a queue or talks to an agent) the
    /// bot stays silent and only records the message; the contact centre owns that fact.
    public func respond(
        to message: CustomerMessage, state: consuming SessionState?, now: Double, attended: Bool = false,
        expired: SessionExpiry? = nil
    ) -> TurnResult {
        // The language: the one the request names, else the session's, else the bot's own.
        let alive = attended || state?.isIdle(now: now, ttl: bot.settings.sessionTTL) == false
        if !localized.isEmpty,
            let served = servingLanguage(for: language(of: message, session: alive ? state?.language : nil)),
            served != bot.language, let other = localized[served]
        {
            return other.respondInItsLanguage(
                to: message, state: state, now: now, attended: attended, expired: expired)
        }
        return respondInItsLanguage(to: message, state: state, now: now, attended: attended, expired: expired)
    }

    /// The language a message is answered in: the one the request names; else, for a new
    /// session, the one its first message is written in when it can be told (by script, then
    /// common words: see ``Language/detect(_:clearly:)``), or the bot's own. A session keeps its
    /// language until a message is clearly in another one the bot serves: a customer who
    /// switches to German is answered in German, but an order number, an "ok" or a name with an
    /// umlaut moves no one.
    func language(of message: CustomerMessage, session: String?) -> String {
        if let named = message.language { return named }
        guard let session else {
            return Language.detect(message.text)?.rawValue ?? understandingLanguage(message.text) ?? bot.language
        }
        guard let detected = Language.detect(message.text, clearly: true)?.rawValue,
            let other = servingLanguage(for: detected), other != servingLanguage(for: session)
        else { return session }
        return detected
    }

    /// For a first message whose words tell no language ("Schaden melden", "Paket beschaedigt"
    /// share no common word with either German or English), the served language written in
    /// Latin letters whose matcher understands it best: the one that matches an intent with the
    /// highest confidence (the bot's own on a tie), for a message of two words or more, or of
    /// one word of ``minimumLoneWordLetters`` letters ("Retoure", "Zahlung"); `nil` when none
    /// matches one. (Cyrillic and
    /// Han text is always detected, so only Latin text gets here; "ok" must not be taken for
    /// Chinese because a Chinese example says "ok".) Only such messages pay for it.
    func understandingLanguage(_ text: String) -> String? {
        // A short word ("ok", "hi") is too little to tell a language by what it matches.
        let words = TextNormalizer.normalize(text).words.filter { $0.contains(where: \.isLetter) }
        guard !localized.isEmpty, words.count >= 2 || (words.first?.count ?? 0) >= Self.minimumLoneWordLetters
        else { return nil }
        var best: (language: String, confidence: Double)?
        let engines = [self] + localized.keys.sorted().compactMap { localized[$0] }
        for engine in engines {
            guard let tag = LanguageTag(bcp47: engine.bot.language), Language.latinScript.contains(tag) else {
                continue
            }
            let result = engine.matcher.match(text, explain: false)
            guard result.intent != nil, result.confidence > best?.confidence ?? -1 else { continue }
            best = (engine.bot.language, result.confidence)
        }
        return best?.language
    }

    /// How long a first message of one word must be for the bot's matchers to say its language:
    /// a new user's German "Retoure" and "Zahlung" were answered in English.
    static let minimumLoneWordLetters = 5

    /// Answers in this engine's language.
    private func respondInItsLanguage(
        to message: CustomerMessage, state: consuming SessionState?, now: Double, attended: Bool,
        expired swept: SessionExpiry?
    ) -> TurnResult {
        // Taken out of the optional, so the turn owns the only reference and updates the history
        // in place instead of copying it.
        var session: SessionState
        // A session idle past its lifetime ends here; the turn says what it dropped.
        var expired = swept
        switch state.take() {
        case let existing? where attended || !existing.isIdle(now: now, ttl: bot.settings.sessionTTL):
            session = existing
        case let idle?:
            expired = SessionExpiry(idle, ttl: bot.settings.sessionTTL, now: now)
            session = SessionState(id: message.session, language: bot.language, now: now)
        case nil:
            session = SessionState(id: message.session, language: bot.language, now: now)
        }
        // What the integrating program says of a session is kept within a bound: past it, keys
        // the session did not have are not kept (those it had are still updated).
        var room = Self.maximumMetadataKeys - session.metadata.count
        for (key, value) in message.metadata.isEmpty ? [] : message.metadata.sorted(by: { $0.key < $1.key }) {
            if session.metadata[key] != nil {
                session.metadata[key] = value
            } else if room > 0 {
                session.metadata[key] = value
                room -= 1
            }
        }
        // Consumed, so the turn holds the only reference and appends without copying the history.
        var turn = TurnBuilder(engine: self, session: consume session, message: message, now: now, attended: attended)
        turn.run()
        var result = turn.finish()
        result.expired = expired
        // A customer the sweep took out of the queue is told first, in plain words.
        if let lost = expired, lost.queue != nil {
            result.replies.insert(messages.droppedFromQueue(max(1, (lost.ttl + 59) / 60)), at: 0)
        }
        return result
    }

    /// Answers an action's result: the reply of its outcome, then whatever the call
    /// interrupted. Refused, with the session untouched, when the session waits for no such
    /// call: it ended, the call was cancelled or handed to a person, or the bot gave up on it
    /// (it does so at the customer's first message after the timeout; until then a late
    /// result is still welcome).
    /// A result whose outcome has no reply anywhere (not its own, not the intent's `responses`)
    /// is refused too: the customer would get silence and the call would be gone.
    public func respond(to result: ActionResult, state: consuming SessionState?, now: Double) throws(RefusedResult)
        -> TurnResult
    {
        guard let session = state.take(), !session.isIdle(now: now, ttl: bot.settings.sessionTTL) else {
            throw .unknownCall(UnknownCall(result: result, waiting: nil, sessionExists: false))
        }
        guard let pending = session.pendingAction, pending.call == result.call else {
            throw .unknownCall(UnknownCall(result: result, waiting: session.pendingAction, sessionExists: true))
        }
        let message = CustomerMessage(session: result.session, text: "")
        let engine = localized.isEmpty ? self : self.engine(for: session.language) ?? self
        if let definition = engine.intent(named: pending.intent), let action = definition.action,
            !action.replies(to: result.outcome, intentResponses: definition.responses)
        {
            throw .unknownOutcome(
                UnknownOutcome(result: result, intent: definition.name, known: action.outcomesWithReplies))
        }
        var turn = TurnBuilder(
            engine: engine, session: session, message: message, result: result, now: now, attended: false)
        turn.run()
        return turn.finish()
    }

    /// The most metadata keys a session keeps.
    public static let maximumMetadataKeys = 64

    /// The built-in way out of a form, for bots that define no `cancel` intent of their own, in
    /// every served language.
    static let cancelPhrases = Set(Language.all.flatMap(\.cancelPhrases))

    /// Every served language's words that make a new request replace the open form
    /// ("instead", "stattdessen"), normalised as messages are.
    static let switchPhrases = WordPhrases(Language.all.flatMap(\.switchPhrases))

    /// Every served language's bare acknowledgements ("ok", "хорошо", "好的"), which answer no
    /// form's question.
    static let acknowledgements = Set(Language.all.flatMap(\.acknowledgements))
    /// The English reply to a cancel; an engine replies with ``messages`` in its bot's language.
    static let cancelReply = Language.english.messages.cancelReply
}

/// An action result the bot refuses, with the session untouched.
public enum RefusedResult: Error, Sendable, Equatable {
    case unknownCall(UnknownCall)
    case unknownOutcome(UnknownOutcome)

    /// The protocol's error code.
    public var code: String {
        switch self {
        case .unknownCall: UnknownCall.code
        case .unknownOutcome: UnknownOutcome.code
        }
    }

    public var message: String {
        switch self {
        case .unknownCall(let refusal): refusal.message
        case .unknownOutcome(let refusal): refusal.message
        }
    }
}

/// An action result whose outcome the bot has no reply for: neither the action's `responses`
/// nor the intent's own.
public struct UnknownOutcome: Error, Sendable, Equatable {
    public var result: ActionResult
    public var intent: String
    /// The outcomes the action has replies for, sorted.
    public var known: [String]

    /// The protocol's error code.
    public static let code = "unknown_outcome"

    public var message: String {
        "intent \"\(intent)\" has no reply for outcome \"\(result.outcome)\" (it has "
            + known.map { "\"\($0)\"" }.joined(separator: ", ")
            + "; give the intent \"responses\" to answer any other); the result was not used, the session still waits"
    }
}

/// An action result that answers no call the session waits for.
public struct UnknownCall: Error, Sendable, Equatable {
    public var result: ActionResult
    /// The call the session waits for instead, if any.
    public var waiting: PendingAction?
    public var sessionExists: Bool

    /// The protocol's error code.
    public static let code = "unknown_call"

    public var message: String {
        let call = "\"\(result.call)\""
        guard sessionExists else {
            return
                "no session \"\(result.session)\" waits for call \(call): it ended or never existed; the result was not used"
        }
        guard let waiting else {
            return
                "session \"\(result.session)\" waits for no action result (call \(call) was answered, cancelled, given up on or handed to a person); the result was not used"
        }
        return
            "session \"\(result.session)\" waits for call \"\(waiting.call)\" (\(waiting.name)), not \(call); the result was not used"
    }
}

/// A message from a customer, with what the integrating program knows about them.
public struct CustomerMessage: Sendable, Equatable {
    public var session: String
    public var text: String
    public var metadata: [String: String]
    /// The language the integrating program says the customer writes in (`de`, `zh-TW`); the
    /// session keeps it. `nil` leaves the session's, or the bot's own.
    public var language: String?

    public init(session: String, text: String, metadata: [String: String] = [:], language: String? = nil) {
        self.session = session
        self.text = text
        self.metadata = metadata
        self.language = language
    }
}

/// The outcome of a turn: the session's new state and what the bot says and why.
public struct TurnResult: Sendable {
    public var state: SessionState
    /// The intent this turn served: the matched intent, or the form being filled; `nil` for a fallback.
    public var intent: String?
    public var confidence: Double
    public var replies: [String]
    /// The matcher's view of the message, for explanations (`nil` when the turn only filled a slot).
    public var match: MatchResult?
    /// Set when a form gave up after too many answers it could not read (handoff uses it).
    public var failedForm: String?
    /// Slots this turn filled, by name.
    public var filled: [String: String]
    /// Set when this turn hands the customer to a person.
    public var handoff: HandoffRequest?
    /// What the turn did to forms: started, asked again, completed, cancelled, failed, dropped.
    public var formEvents: [FormEvent] = []
    /// Intents the matcher left out because contexts they require were not active, with those
    /// contexts, so an explanation can say why "yes" did not confirm anything.
    public var leftOut: [LeftOutIntent] = []
    /// The action this turn called: the integrating program runs it and sends the result.
    public var called: PendingAction?
    /// The call whose result this turn answered, or which it gave up waiting for.
    public var answered: PendingAction?
    /// The outcome the customer was told of `answered`: the result's, or `failed`.
    public var outcome: String?
    /// The result this turn answered, when it answered one instead of a message.
    public var result: ActionResult?
    /// Set when the session this message continued had expired: what it dropped. The message
    /// started a new session.
    public var expired: SessionExpiry? {
        get { expiredBox?.value }
        set { expiredBox = newValue.map(SessionExpiry.Box.init) }
    }
    /// ``expired``, held by reference: nearly every turn has none, and a turn is copied from
    /// layer to layer, so it stays as small as it was without it.
    var expiredBox: SessionExpiry.Box? = nil
}

/// An intent that could not match this turn: it requires contexts that were not active.
public struct LeftOutIntent: Sendable, Equatable {
    public var intent: String
    public var needs: [String]
}
