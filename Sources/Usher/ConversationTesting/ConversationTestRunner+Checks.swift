/// What is wrong with a test file that only the bot can tell, found before any test runs.
extension ConversationTestRunner {
    /// Reads a test file and checks it against the bot, naming every mistake of the file in
    /// one run, in the order they are written: those of its form (unknown keys, wrong types,
    /// invalid patterns) and the names and languages the bot does not have, found in whatever
    /// could be read. A file with mistakes runs no test.
    public func load(_ bytes: [UInt8], file: String) throws(DefinitionErrors) -> ConversationTestSuite {
        let (suite, errors) = ConversationTestDecoder.read(bytes, file: file)
        let all = errors + (suite.map(mistakes(in:)) ?? [])
        guard let suite, all.isEmpty else {
            let unplaced = SourceLocation(line: 0, column: 0)
            throw DefinitionErrors(
                all.enumerated().sorted { left, right in
                    let (a, b) = (left.element.location ?? unplaced, right.element.location ?? unplaced)
                    return (a.line, a.column, left.offset) < (b.line, b.column, right.offset)
                }.map(\.element))
        }
        return suite
    }

    /// Each `"lang"` the bot does not serve, and each expected intent (but the built-in
    /// `cancel`), action and slot the bot has not, as an error where it is written, with the
    /// name it was probably meant to be (as `usher check` suggests names). Such a conversation
    /// would fail on every run whatever the bot answers, and read as the bot's failure.
    public func mistakes(in suite: ConversationTestSuite) -> [DefinitionError] {
        let bot = engine.bot
        let intents = bot.intents.map(\.name) + [TurnBuilder.cancelIntent]
        let actions = Self.distinct(bot.intents.compactMap(\.action?.name))
        let slots = Self.distinct(bot.intents.flatMap(\.slots).map(\.name))
        var errors: [DefinitionError] = []
        for test in suite.conversations {
            if let language = test.language, let origin = test.languageOrigin, bot.servedLanguage(for: language) == nil
            {
                errors.append(
                    DefinitionError(
                        file: origin.file, path: origin.path, location: origin.location,
                        message: bot.notServed(language)))
            }
            for turn in test.turns {
                if case .some(.some(let expected)) = turn.intent, let origin = turn.intentOrigin {
                    errors += Self.unknown("the bot has no intent", expected, among: intents, at: origin)
                }
                if case .some(.some(let expected)) = turn.action, let origin = turn.actionOrigin {
                    errors += Self.unknown(
                        "no intent of the bot calls the action", expected, among: actions, at: origin)
                }
                for (name, origin) in turn.slotOrigins.sorted(by: { $0.key < $1.key }) {
                    errors += Self.unknown("no intent of the bot has the slot", name, among: slots, at: origin)
                }
            }
        }
        return errors
    }

    /// The error `saying` that `name` is not among `names`, with the closest of them; none
    /// when it is among them.
    private static func unknown(
        _ saying: String, _ name: String, among names: [String], at origin: DefinitionOrigin
    ) -> [DefinitionError] {
        guard !names.contains(name) else { return [] }
        let guess = Spelling.closest(to: name, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
        return [
            DefinitionError(
                file: origin.file, path: origin.path, location: origin.location,
                message: "\(saying) \"\(name)\"\(guess)")
        ]
    }

    /// `names` in their first order, each once.
    private static func distinct(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
