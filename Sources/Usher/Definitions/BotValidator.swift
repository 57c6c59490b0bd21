/// Checks what spans files and sections once a bot is merged: that every slot's entity type
/// exists and every entity definition compiles.
struct BotValidator {
    let bot: BotDefinition
    let entityOrigins: [String: DefinitionOrigin]
    /// Translations whose file does not name its language: checked like the others but for it.
    var unnamedTranslations: [BotTranslation] = []

    /// Every error at once. When a file could not be read at all, what it would have defined is
    /// unknown, so references to entities and queues are not checked (they would be reported
    /// as missing when they are only unread).
    func errors(someFileUnread: Bool = false, for use: BotLoader.Use = .conversation) -> [DefinitionError] {
        languageErrors() + entityErrors() + intentTextErrors()
            + (someFileUnread
                ? [] : slotErrors() + handoffErrors() + fallbackMarkerErrors(bot.fallback) + translationErrors())
            + (use == .conversation ? replylessErrors() : [])
    }

    /// Intents that would leave a customer with no reply: no responses, and no handoff or
    /// action to answer instead. Slots do not help: their prompts ask, and when the form is
    /// complete the intent answers with its responses, or with nothing; nor do contexts. (An
    /// action's outcome without a reply is refused at run time as `unknown_outcome`, and the
    /// linter warns of `found` and `not_found`.)
    private func replylessErrors() -> [DefinitionError] {
        bot.intents.compactMap { intent in
            guard intent.responses.isEmpty, intent.action == nil, intent.handoff == nil else { return nil }
            let when = intent.slots.contains(where: \.required) ? "who completes its form" : "it matches"
            var error = error(
                at: intent.origin,
                "intent \"\(intent.name)\" has no responses: a customer \(when) would get no reply; give it \"responses\" (or an \"action\" or a \"handoff\")"
            )
            error.replylessIntent = intent.name
            // Responses, an action or a handoff written wrong are errors of their own.
            error.followsFrom = ["responses", "action", "handoff"].map { "\(intent.origin.path).\($0)" }
            return error
        }
    }

    /// Every intent's handoff queue must be one of `settings.handoff.queues`.
    private func handoffErrors() -> [DefinitionError] {
        let queues = bot.settings.handoff.queues
        let formQueues = bot.intents.compactMap { intent -> DefinitionError? in
            guard let queue = intent.handoffQueue, !queues.contains(queue) else { return nil }
            return error(
                at: DefinitionOrigin(
                    file: intent.origin.file, path: intent.origin.path + ".handoff_queue",
                    location: intent.origin.location),
                HandoffSettings.unknownQueue(queue, queues: queues))
        }
        return formQueues
            + bot.intents.compactMap { intent in
                guard let handoff = intent.handoff, !queues.contains(handoff.queue) else { return nil }
                return error(
                    at: DefinitionOrigin(
                        file: intent.origin.file, path: intent.origin.path + ".handoff.queue",
                        location: intent.origin.location),
                    HandoffSettings.unknownQueue(handoff.queue, queues: queues))
            }
    }

    /// A translation's synonyms name `values` entities of the bot and values they have.
    private func synonymErrors(_ translation: BotTranslation) -> [DefinitionError] {
        guard let origin = translation.synonymsOrigin else { return [] }
        var errors: [DefinitionError] = []
        let at = { (path: String) in
            translation.entryOrigins[path] ?? DefinitionOrigin(file: origin.file, path: path, location: origin.location)
        }
        for (entity, words) in translation.synonyms.sorted(by: { $0.key < $1.key }) {
            switch bot.entities[entity] {
            case .values(let values)?:
                for value in words.keys.sorted() where values[value] == nil {
                    let guess =
                        Spelling.closest(to: value, among: values.keys.sorted()).map { "; did you mean \"\($0)\"?" }
                        ?? ""
                    errors.append(
                        error(
                            at: at("synonyms.\(entity).\(value)"),
                            "entity \"\(entity)\" has no value \"\(value)\"\(guess) (its values are \(values.keys.sorted().joined(separator: ", ")))"
                        ))
                }
            case .regex?:
                errors.append(
                    error(
                        at: at("synonyms.\(entity)"),
                        "entity \"\(entity)\" is a regex entity; synonyms are for values entities"))
            case nil:
                let named = bot.entities.keys.sorted()
                let guess = Spelling.closest(to: entity, among: named).map { "; did you mean \"\($0)\"?" } ?? ""
                errors.append(
                    error(at: at("synonyms.\(entity)"), "the bot has no entity \"\(entity)\"\(guess)"))
            }
        }
        return errors
    }

    /// A translation names intents, slots, read-backs and actions the bot has, in a language
    /// other than the bot's own.
    private func translationErrors() -> [DefinitionError] {
        var errors: [DefinitionError] = []
        let names = bot.intents.map(\.name)
        for translation in bot.translations + unnamedTranslations {
            let queues = bot.settings.handoff.queues
            for queue in translation.queueNames.keys.sorted() where !queues.contains(queue) {
                errors.append(
                    error(
                        at: translation.entryOrigins["queue_names.\(queue)"]
                            ?? translation.queueNamesOrigin.map {
                                DefinitionOrigin(file: $0.file, path: "\($0.path).\(queue)", location: $0.location)
                            },
                        HandoffSettings.unknownQueue(queue, queues: queues)))
            }
            errors += synonymErrors(translation)
            for words in translation.intents {
                if translation.language == bot.language {
                    errors.append(
                        error(
                            at: words.origin,
                            "this translation is in \(bot.language), the bot's own language: write the words in the intent itself"
                        ))
                    continue
                }
                guard let intent = bot.intent(named: words.name) else {
                    let guess = Spelling.closest(to: words.name, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
                    errors.append(error(at: words.origin, "no intent \"\(words.name)\" to translate\(guess)"))
                    continue
                }
                let slots = intent.slots.map(\.name)
                for (slot, translated) in words.slots.sorted(by: { $0.key < $1.key }) where !slots.contains(slot) {
                    let guess = Spelling.closestName(to: slot, among: slots).map { "; did you mean \"\($0)\"?" } ?? ""
                    errors.append(
                        error(at: translated.origin, "intent \"\(intent.name)\" has no slot \"\(slot)\"\(guess)"))
                }
                errors += markerErrors(
                    words.saidTexts(hasAction: intent.action != nil), at: words.origin,
                    textOrigins: words.textOrigins, of: intent)
                if words.confirmation != nil && intent.confirmation == nil {
                    errors.append(error(at: words.origin, "intent \"\(intent.name)\" has no \"confirm\" to translate"))
                }
                if (words.actionWaiting != nil || !words.actionResponses.isEmpty) && intent.action == nil {
                    errors.append(error(at: words.origin, "intent \"\(intent.name)\" has no \"action\" to translate"))
                }
            }
            if let fallback = translation.fallback { errors += fallbackMarkerErrors(fallback) }
        }
        return errors
    }

    /// A language named the way BCP 47 does not write it ("ger", "German"): no customer's tag
    /// would ever reach it, so German customers would all be answered in the bot's own language.
    /// A well-formed tag Usher has no data for ("fr") is only a warning (``BotLinter``).
    private func languageErrors() -> [DefinitionError] {
        bot.namedLanguages.compactMap { language, origin in
            LanguageTag.misnamed(language).map { error(at: origin, $0) }
        }
    }

    private func entityErrors() -> [DefinitionError] {
        bot.entities.keys.sorted().compactMap { name -> DefinitionError? in
            do {
                _ = try EntityRecognizer(custom: [name: bot.entities[name]!])
                return nil
            } catch let failure as EntityDefinitionError {
                return self.error(at: entityOrigins[name], failure.message)
            } catch {
                return self.error(at: entityOrigins[name], "\(error)")
            }
        }
    }

    private func slotErrors() -> [DefinitionError] {
        let known = EntityRecognizer.builtInTypes + [SlotDefinition.freeText] + bot.entities.keys.sorted()
        return bot.intents.flatMap { intent in
            intent.slots.compactMap { slot -> DefinitionError? in
                guard !known.contains(slot.entity) else { return nil }
                var message = "unknown entity type \"\(slot.entity)\" for slot \"\(slot.name)\""
                if let suggestion = Spelling.closest(to: slot.entity, among: known) {
                    message += "; did you mean \"\(suggestion)\"?"
                } else {
                    message +=
                        "; use a built-in type (\((EntityRecognizer.builtInTypes + [SlotDefinition.freeText]).joined(separator: ", "))) or define it under \"entities\""
                }
                return error(
                    at: DefinitionOrigin(
                        file: slot.origin.file, path: slot.origin.path + ".entity", location: slot.origin.location),
                    message)
            }
        }
    }

    func error(at origin: DefinitionOrigin?, _ message: String) -> DefinitionError {
        DefinitionError(
            file: origin?.file ?? "", path: origin?.path ?? "", location: origin?.location, message: message)
    }
}
