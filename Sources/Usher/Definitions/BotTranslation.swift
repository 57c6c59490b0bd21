/// A bot's intents in one more language: what customers write in it (examples, patterns) and
/// what the bot says in it (responses, prompts, read-backs, action replies), by intent name.
///
/// Intents are defined once, in the bot's own language, with everything that shapes the
/// conversation (slots, forms, actions, handoffs, contexts); a translation only carries words,
/// so a flow can never behave differently from one language to the next. Words a translation
/// leaves out fall back to the bot's own language.
///
/// ```json
/// {"language": "de", "translations": [
///   {"name": "order_status", "examples": ["wo ist meine Bestellung"],
///    "slots": {"order_id": {"prompt": "Wie lautet Ihre Bestellnummer?"}}}]}
/// ```
public struct BotTranslation: Sendable {
    /// The language, as a BCP 47 tag such as `de` or `zh-TW`.
    public var language: String
    /// Where the (first) file of this language's translations names it: that file takes
    /// translations `usher learn` adds.
    public var languageOrigin: DefinitionOrigin?
    public var intents: [IntentTranslation]
    /// The files that hold this language's translations, in load order.
    public var files: [String] = []
    /// The fallback's responses and out-of-scope examples in this language.
    public var fallback: FallbackDefinition?
    /// What customers are told the queues are called in this language, by queue.
    public var queueNames: [String: String] = [:]
    /// Where `queue_names` was written, for errors.
    public var queueNamesOrigin: DefinitionOrigin?
    /// More words for values of the bot's `values` entities, as customers write them in this
    /// language, by entity and value ("product": "phone": ["Handy"]); they add to the bot's own.
    public var synonyms: [String: [String: [String]]] = [:]
    /// Where `synonyms` was written, for errors.
    public var synonymsOrigin: DefinitionOrigin?
    /// Where each queue name, and each entity and value of the synonyms, was written, by JSON
    /// path (`queue_names.claims`, `synonyms.product`, `synonyms.product.phone`): an error names
    /// the line of the entry at fault.
    public var entryOrigins: [String: DefinitionOrigin] = [:]

    public init(language: String, intents: [IntentTranslation] = [], fallback: FallbackDefinition? = nil) {
        self.language = language
        self.intents = intents
        self.fallback = fallback
    }
}

/// One intent's words in another language.
public struct IntentTranslation: Sendable {
    public var name: String
    public var examples: [Example] = []
    public var patterns: [Pattern] = []
    public var responses: [Template] = []
    /// Per slot: its prompt, reprompt and validation message.
    public var slots: [String: SlotTranslation] = [:]
    public var confirmation: FormConfirmation?
    /// The action's `say` and replies by outcome.
    public var actionWaiting: Template?
    public var actionResponses: [String: [Template]] = [:]
    public var origin: DefinitionOrigin
    /// Where each text it says was written, by JSON path, as ``IntentDefinition`` keeps them.
    var textOrigins: [String: DefinitionOrigin] = [:]

    public init(name: String, origin: DefinitionOrigin = DefinitionOrigin(file: "", path: "", location: nil)) {
        self.name = name
        self.origin = origin
    }
}

/// A slot's questions in another language.
public struct SlotTranslation: Sendable {
    public var prompt: Template?
    public var reprompt: Template?
    public var message: Template?
    public var origin: DefinitionOrigin
}

extension BotDefinition {
    /// The languages the bot serves: its own first, then its translations'.
    public var languages: [String] { [language] + translations.map(\.language) }

    /// The language of the bot that serves `tag`: its own or a translation's, the same but for
    /// case; else the same primary subtag (`de-AT` → `de`, `zh` → `zh-TW`), its own first, then
    /// its translations' in tag order. `nil` when it serves none. Sessions, `usher learn` and
    /// the language a reply is in all choose by this.
    public func servedLanguage(for tag: String) -> String? {
        if LanguageTag.sameTag(language, tag) { return language }
        if let exact = translations.first(where: { LanguageTag.sameTag($0.language, tag) }) { return exact.language }
        let primary = LanguageTag.primarySubtag(tag)
        if LanguageTag.primarySubtag(language) == primary { return language }
        return translations.map(\.language).sorted().first { LanguageTag.primarySubtag($0) == primary }
    }

    /// What every command says of a tag no language of the bot serves: that it is no BCP 47
    /// tag, with the tag meant ("german"), or the languages the bot serves, with the one it was
    /// probably meant to be. A code of two letters is a language of its own ("es" is Spanish,
    /// not a typo of "en"), so only a longer one ("dee") gets such a suggestion.
    public func notServed(_ tag: String) -> String {
        if let misnamed = LanguageTag.misnamed(tag) { return misnamed }
        let served = "the bot does not serve \"\(tag)\"; it serves \(languages.joined(separator: ", "))"
        guard LanguageTag.primarySubtag(tag).count > 2, let close = Spelling.closest(to: tag, among: languages)
        else { return served }
        return served + "; did you mean \"\(close)\"?"
    }

    /// ``languages`` with where each is named, for errors and warnings about the tags.
    var namedLanguages: [(language: String, origin: DefinitionOrigin?)] {
        [(language, languageOrigin)] + translations.map { ($0.language, $0.languageOrigin) }
    }

    /// The bot as it reads in `language`: each intent with that language's examples and patterns
    /// (none where the translation has none, so the intent cannot match in that language), and
    /// its responses, prompts, read-backs and action replies where translated, the bot's own
    /// language's elsewhere. `nil` for a language the bot does not serve.
    public func localized(to language: String) -> BotDefinition? {
        if language == self.language { return self }
        guard let translation = translations.first(where: { $0.language == language }) else { return nil }
        var bot = self
        bot.language = language
        bot.translations = []
        let byName = Dictionary(translation.intents.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        bot.intents = intents.map { intent in
            var localized = intent
            let words = byName[intent.name]
            localized.examples = words?.examples ?? []
            localized.patterns = words?.patterns ?? []
            guard let words else { return localized }
            if !words.responses.isEmpty { localized.responses = words.responses }
            localized.slots = intent.slots.map { slot in
                var slot = slot
                guard let translated = words.slots[slot.name] else { return slot }
                slot.prompt = translated.prompt ?? slot.prompt
                slot.reprompt = translated.reprompt ?? slot.reprompt
                if let message = translated.message { slot.validation?.message = message }
                return slot
            }
            if let confirmation = words.confirmation, localized.confirmation != nil {
                localized.confirmation = confirmation
            }
            if var action = localized.action {
                action.waiting = words.actionWaiting ?? action.waiting
                action.responses.merge(words.actionResponses) { _, translated in translated }
                localized.action = action
            }
            return localized
        }
        if let fallback = translation.fallback {
            if !fallback.responses.isEmpty { bot.fallback.responses = fallback.responses }
            bot.fallback.examples = fallback.examples
        } else {
            bot.fallback.examples = []
        }
        bot.settings.handoff.queueNames.merge(translation.queueNames) { _, translated in translated }
        for (entity, words) in translation.synonyms {
            guard case .values(var values) = bot.entities[entity] else { continue }
            for (value, synonyms) in words where values[value] != nil { values[value]! += synonyms }
            bot.entities[entity] = .values(values)
        }
        return bot
    }
}
