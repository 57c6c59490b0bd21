/// Merges the fragments of a bot's files, refusing anything set twice.
///
/// Intent names are unique across files, and `language`, each setting and `fallback` may be
/// written in one file only, so that no file silently overrides another.
struct BotMerger {
    private(set) var errors: [DefinitionError] = []
    /// Where each of the bot's own entity types was defined, for later checks to point at.
    private(set) var entityOrigins: [String: DefinitionOrigin] = [:]

    mutating func merge(_ fragments: [BotFragment], files: [String]) -> BotDefinition {
        var bot = BotDefinition(intents: [], files: files)
        var languageOrigin: DefinitionOrigin?
        var settingOrigins: [String: DefinitionOrigin] = [:]
        var fallbackOrigin: DefinitionOrigin?
        var intentOrigins: [String: DefinitionOrigin] = [:]
        for fragment in fragments {
            if let (language, origin) = fragment.language {
                if let first = languageOrigin {
                    duplicate(origin, "\"language\" is already set", first)
                } else {
                    bot.language = language
                    languageOrigin = origin
                }
            }
            for setting in fragment.settings {
                if let first = settingOrigins[setting.key] {
                    duplicate(setting.origin, "settings.\(setting.key) is already set", first)
                } else {
                    setting.apply(&bot.settings)
                    settingOrigins[setting.key] = setting.origin
                }
            }
            for entity in fragment.entities {
                if let first = entityOrigins[entity.name] {
                    duplicate(entity.origin, "entity \"\(entity.name)\" is already defined", first)
                } else {
                    entityOrigins[entity.name] = entity.origin
                    bot.entities[entity.name] = entity.definition
                }
            }
            if let (fallback, origin) = fragment.fallback {
                if let first = fallbackOrigin {
                    duplicate(origin, "\"fallback\" is already set", first)
                } else {
                    bot.fallback = fallback
                    fallbackOrigin = origin
                }
            }
            for intent in fragment.intents {
                if let first = intentOrigins[intent.name] {
                    duplicate(intent.origin, "duplicate intent name \"\(intent.name)\"", first)
                } else {
                    intentOrigins[intent.name] = intent.origin
                    bot.intents.append(intent)
                }
            }
        }
        return bot
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
