/// What one definition file contributes to a bot; ``BotLoader`` merges the fragments of a directory.
struct BotFragment: Sendable {
    var file: String
    var language: (value: String, origin: DefinitionOrigin)?
    var settings: [(key: String, origin: DefinitionOrigin, apply: @Sendable (inout BotSettings) -> Void)] = []
    var entities: [(name: String, definition: EntityDefinition, origin: DefinitionOrigin)] = []
    var intents: [IntentDefinition] = []
    var fallback: (value: FallbackDefinition, origin: DefinitionOrigin)?
    /// Set for a file of `translations`: its intents' words in `language`, which is then the
    /// translation's language, not the bot's.
    var translations: [IntentTranslation]?
    /// A file of translations' names of the queues, in its language.
    var queueNames: (value: [String: String], origin: DefinitionOrigin)?
    /// A file of translations' words for values of the bot's entities, in its language.
    var synonyms: (value: [String: [String: [String]]], origin: DefinitionOrigin)?
    /// Where each queue name, and each entity and value of the synonyms, was written, by JSON
    /// path (`synonyms.product.phone`).
    var entryOrigins: [String: DefinitionOrigin] = [:]

    init(file: String) {
        self.file = file
    }
}
