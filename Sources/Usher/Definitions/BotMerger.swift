/// Merges the fragments of a bot's files, refusing anything set twice.
///
/// Intent names are unique across files, and `language`, each setting and `fallback` may be
/// written in one file only, so that no file silently overrides another.
struct BotMerger {
    private(set) var errors: [DefinitionError] = []
    /// Where each of the bot's own entity types was defined, for later checks to point at.
    private(set) var entityOrigins: [String: DefinitionOrigin] = [:]
    /// The translations of files that do not say their language (an error of their own), so
    /// that their other mistakes are checked and told in the same pass.
    private(set) var unnamedTranslations: [BotTranslation] = []
    /// Everything set so far, by a key such as `language` or `intent greet`, and where.
    private var claimed: [String: DefinitionOrigin] = [:]

    mutating func merge(_ fragments: [BotFragment], files: [String]) -> BotDefinition {
        var bot = BotDefinition(intents: [], files: files)
        for fragment in fragments {
            if let words = fragment.translations {
                // A file of translations: its language is the translation's, not the bot's.
                guard let (language, origin) = fragment.language else {
                    var translation = BotTranslation(language: "", intents: words, fallback: fragment.fallback?.value)
                    translation.queueNames = fragment.queueNames?.value ?? [:]
                    translation.queueNamesOrigin = fragment.queueNames?.origin
                    translation.synonyms = fragment.synonyms?.value ?? [:]
                    translation.synonymsOrigin = fragment.synonyms?.origin
                    translation.entryOrigins = fragment.entryOrigins
                    unnamedTranslations.append(translation)
                    continue
                }
                addTranslation(words, of: fragment, language: language, origin: origin, to: &bot)
                continue
            }
            if let (language, origin) = fragment.language, claim("language", origin, "\"language\" is already set") {
                bot.language = language
                bot.languageOrigin = origin
            }
            for setting in fragment.settings
            where claim("settings.\(setting.key)", setting.origin, "settings.\(setting.key) is already set") {
                setting.apply(&bot.settings)
            }
            for entity in fragment.entities
            where claim("entity \(entity.name)", entity.origin, "entity \"\(entity.name)\" is already defined") {
                entityOrigins[entity.name] = entity.origin
                bot.entities[entity.name] = entity.definition
            }
            if let (fallback, origin) = fragment.fallback, claim("fallback", origin, "\"fallback\" is already set") {
                bot.fallback = fallback
            }
            for intent in fragment.intents
            where claim("intent \(intent.name)", intent.origin, "duplicate intent name \"\(intent.name)\"") {
                bot.intents.append(intent)
            }
        }
        return bot
    }

    /// Adds a file's translations to its language's, each intent once per language, and its
    /// fallback, queue names and synonyms once per language.
    private mutating func addTranslation(
        _ words: [IntentTranslation], of fragment: BotFragment, language: String, origin: DefinitionOrigin,
        to bot: inout BotDefinition
    ) {
        let index =
            bot.translations.firstIndex { $0.language == language }
            ?? {
                var translation = BotTranslation(language: language)
                translation.languageOrigin = origin
                bot.translations.append(translation)
                return bot.translations.count - 1
            }()
        bot.translations[index].files.append(fragment.file)
        for intent in words
        where claim(
            "translation \(language) \(intent.name)", intent.origin,
            "intent \"\(intent.name)\" is already translated into \(language)")
        {
            bot.translations[index].intents.append(intent)
        }
        if let (fallback, origin) = fragment.fallback,
            claim("fallback \(language)", origin, "the fallback is already translated into \(language)")
        {
            bot.translations[index].fallback = fallback
        }
        if let (names, origin) = fragment.queueNames,
            claim("queue_names \(language)", origin, "the queue names are already translated into \(language)")
        {
            bot.translations[index].queueNames = names
            bot.translations[index].queueNamesOrigin = origin
        }
        if let (synonyms, origin) = fragment.synonyms,
            claim("synonyms \(language)", origin, "the synonyms are already translated into \(language)")
        {
            bot.translations[index].synonyms = synonyms
            bot.translations[index].synonymsOrigin = origin
        }
        // A second file's queue names or synonyms are refused above, and the first's places kept.
        bot.translations[index].entryOrigins.merge(fragment.entryOrigins) { first, _ in first }
    }

    /// Records that `key` is set at `origin`; a second setting is an error naming the first place.
    private mutating func claim(_ key: String, _ origin: DefinitionOrigin, _ message: String) -> Bool {
        if let first = claimed[key] {
            duplicate(origin, message, first)
            return false
        }
        claimed[key] = origin
        return true
    }

    private mutating func duplicate(_ origin: DefinitionOrigin, _ message: String, _ first: DefinitionOrigin) {
        var place = first.file
        if let location = first.location { place += ":\(location.line)" }
        errors.append(
            DefinitionError(
                file: origin.file, path: origin.path, location: origin.location,
                message: "\(message) (first at \(place))"))
    }
}
