/// Finds what makes a valid bot match worse than it could: examples that teach two intents the
/// same thing, intents too thin to learn from, and slot markers that disagree.
///
/// Every check runs in time linear in the bot's size, so linting a 200,000-example bot is quick.
public enum BotLinter {
    /// Intents with fewer examples than this (and no patterns to make up for it) get a warning.
    public static let minimumExamples = 3

    public static func warnings(for bot: BotDefinition) -> [DefinitionWarning] {
        var warnings: [DefinitionWarning] = []
        warnings += thinIntents(bot)
        warnings += sharedExamples(bot)
        warnings += slotMarkers(bot)
        warnings += translations(bot)
        warnings += unservedLanguages(bot)
        return warnings.sorted {
            ($0.origin.file, $0.origin.location ?? SourceLocation(line: 0, column: 0)) < (
                $1.origin.file, $1.origin.location ?? SourceLocation(line: 0, column: 0)
            )
        }
    }

    static func thinIntents(_ bot: BotDefinition) -> [DefinitionWarning] {
        bot.intents.flatMap { intent in
            var warnings: [DefinitionWarning] = []
            let count = intent.examples.count
            if count < minimumExamples && !(count == 0 && !intent.patterns.isEmpty) {
                warnings.append(
                    DefinitionWarning(
                        origin: intent.origin,
                        message:
                            "intent \"\(intent.name)\" has \(count) example\(count == 1 ? "" : "s"); give it at least \(minimumExamples) varied ones"
                    ))
            }
            if let action = intent.action {
                // Outcomes without replies of their own fall back to the intent's responses.
                let silent = [ActionDefinition.found, ActionDefinition.notFound].filter { action.responses[$0] == nil }
                if intent.responses.isEmpty && !silent.isEmpty {
                    warnings.append(
                        DefinitionWarning(
                            origin: intent.origin,
                            message:
                                "intent \"\(intent.name)\": its action \"\(action.name)\" has no replies for \(silent.joined(separator: " or ")) and the intent no responses, so such a result says nothing"
                        ))
                }
            }
            // An intent that cannot reply at all (no responses, action or handoff) is an error
            // of the load (``BotValidator``), not a warning.
            return warnings
        }
    }

    /// Identical examples under two intents, and near-duplicates: the same content words in any
    /// order, or the same sentence but for one word. Examples are compared as the matcher learns
    /// them, so "hello {order_id}" (an order number's placeholder) is not "hello".
    static func sharedExamples(_ bot: BotDefinition) -> [DefinitionWarning] {
        // Keys of 17 bytes and the example's place, not strings and copies of examples: a
        // 10,000-intent bot's check took 11.6 s and 1.76 GB, mostly growing this dictionary.
        var firstByKey: [SimilarityKey: (intent: Int32, example: Int32, exact: Bool)] = [:]
        // About one key per word and two more: customers' examples average 10 to 15 words.
        firstByKey.reserveCapacity(bot.intents.reduce(0) { $0 + $1.examples.count } * 16)
        var warnings: [DefinitionWarning] = []
        var reported: Set<String> = []
        let placeholders = EntityPlaceholders(entities: bot.entities)
        for (intentIndex, intent) in bot.intents.enumerated() {
            for (exampleIndex, example) in intent.examples.enumerated() {
                let text = placeholders.learningText(example.template) { intent.slot(named: $0)?.entity }
                let words = TextNormalizer.normalize(text).words
                for (key, exact) in similarityKeys(words) {
                    guard let first = firstByKey[key] else {
                        firstByKey[key] = (Int32(intentIndex), Int32(exampleIndex), exact)
                        continue
                    }
                    guard first.intent != intentIndex,
                        reported.insert(example.origin.path + example.origin.file).inserted
                    else { continue }
                    let other = bot.intents[Int(first.intent)]
                    let firstExample = other.examples[Int(first.example)]
                    let kind = exact && first.exact ? "the same example" : "a near-duplicate of an example"
                    warnings.append(
                        DefinitionWarning(
                            origin: example.origin,
                            message:
                                "\"\(example.text)\" is \(kind) of intent \"\(other.name)\" (\"\(firstExample.text)\" at \(place(firstExample.origin))); the matcher cannot tell them apart"
                        ))
                }
            }
        }
        return warnings
    }

    /// What two examples share when they are alike: all their words (`exact`), their content
    /// words in any order, or all but the word at one place. Two 64-bit FNV-1a hashes of
    /// different bases stand for the words, so a false match needs both to collide.
    struct SimilarityKey: Hashable {
        enum Kind: UInt8 { case exact, content, allButOne }
        var kind: Kind
        var first: UInt64
        var second: UInt64
    }

    static func similarityKeys(_ words: [String]) -> [(SimilarityKey, Bool)] {
        let (first, second) = hashes(of: words)
        var keys = [(SimilarityKey(kind: .exact, first: first, second: second), true)]
        let content = Set(words.filter { !StopWords.english.contains($0) })
        if content.count >= 2 {
            let (first, second) = hashes(of: content.sorted())
            keys.append((SimilarityKey(kind: .content, first: first, second: second), false))
        }
        if words.count >= 5 {
            // "The same sentence but for word i": its words before i and after i, each run
            // hashed once from either end, so an example of n words costs n keys of constant size
            // (spelled out, they cost n² and a 10,000-word example took 600 MB).
            let wordHashes = words.map { Self.hashes(of: [$0]).0 }
            var prefix = [UInt64](repeating: 0, count: words.count + 1)
            var suffix = [UInt64](repeating: 0, count: words.count + 1)
            for index in words.indices { prefix[index + 1] = prefix[index] &* 0x100_0000_01b3 &+ wordHashes[index] }
            for index in words.indices.reversed() {
                suffix[index] = suffix[index + 1] &* 0x100_0000_01b3 &+ wordHashes[index]
            }
            let length = UInt64(words.count) << 32
            for skipped in words.indices {
                let place = (length | UInt64(skipped)) &* 0x9E37_79B9_7F4A_7C15
                keys.append(
                    (
                        SimilarityKey(kind: .allButOne, first: prefix[skipped] ^ place, second: suffix[skipped + 1]),
                        false
                    ))
            }
        }
        return keys
    }

    /// Two FNV-1a hashes of `words` (with a separator after each), from different offset bases.
    private static func hashes(of words: [String]) -> (UInt64, UInt64) {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x84222325_cbf29ce4
        for word in words {
            for byte in word.utf8 {
                first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
                second = (second ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            first = (first ^ 0x1F) &* 0x100_0000_01b3
            second = (second ^ 0x1F) &* 0x100_0000_01b3
        }
        return (first, second)
    }

    /// Examples that mark what is neither a slot of the intent nor an entity type, and marker
    /// names that differ only in case or separators (`order_id`, `orderId`). (A text the bot
    /// says with a marker nothing fills is an error: ``BotValidator``.)
    static func slotMarkers(_ bot: BotDefinition) -> [DefinitionWarning] {
        var warnings: [DefinitionWarning] = []
        var spellings: [String: String] = [:]
        for intent in bot.intents {
            warnings += unknownExampleMarkers(intent.examples, of: intent, in: bot)
            for example in intent.examples {
                for name in example.template.slotNames {
                    let key = spellingKey(name)
                    if let first = spellings[key], first != name {
                        warnings.append(
                            DefinitionWarning(
                                origin: example.origin,
                                message:
                                    "slot marker {\(name)} differs from {\(first)} used elsewhere; use one spelling"))
                    } else {
                        spellings[key] = name
                    }
                }
            }
        }
        return warnings
    }

    /// Example markers that name neither a slot of `intent` nor an entity type: `{foo}` teaches
    /// nothing (no value stands in for it) and is most often a typo of a slot's name.
    static func unknownExampleMarkers(_ examples: [Example], of intent: IntentDefinition, in bot: BotDefinition)
        -> [DefinitionWarning]
    {
        let known = Set(intent.slots.map(\.name) + EntityRecognizer.builtInTypes + bot.entities.keys)
        var warnings: [DefinitionWarning] = []
        for example in examples {
            for name in Set(example.template.slotNames) where !known.contains(name) {
                let guess = Spelling.closest(to: name, among: known.sorted()).map { "; did you mean {\($0)}?" } ?? ""
                warnings.append(
                    DefinitionWarning(
                        origin: example.origin,
                        message:
                            "example marks {\(name)}, which is no slot of \"\(intent.name)\" and no entity type, so it teaches nothing\(guess)"
                    ))
            }
        }
        return warnings.sorted { $0.message < $1.message }
    }

    /// Languages Usher has no data for ("fr"): the bot serves them, but with generic matching
    /// and English entity words and built-in replies. Tags that are no BCP 47 tag at all ("ger")
    /// are errors (``BotValidator``).
    static func unservedLanguages(_ bot: BotDefinition) -> [DefinitionWarning] {
        bot.namedLanguages.compactMap { language, origin in
            guard let origin, LanguageTag(bcp47: language) == nil, LanguageTag.intended(by: language) == nil else {
                return nil
            }
            return DefinitionWarning(origin: origin, message: unservedLanguage(language))
        }
    }

    /// The warning for a tag Usher has no data for, with a suggestion when one is close.
    static func unservedLanguage(_ language: String) -> String {
        let served = LanguageTag.served.map(\.rawValue)
        let guess = Spelling.closest(to: language, among: served).map { "; did you mean \"\($0)\"?" } ?? ""
        return "Usher has no language data for \"\(language)\": matching falls back to generic rules, and entities "
            + "and built-in replies to English; full support is for \(served.joined(separator: ", "))\(guess)"
    }

    private static func place(_ origin: DefinitionOrigin) -> String {
        origin.location.map { "\(origin.file):\($0.line)" } ?? origin.file
    }
}
