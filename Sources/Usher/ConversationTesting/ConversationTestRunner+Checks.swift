/// What is wrong with a test file that only the bot can tell, found before any test runs.
extension ConversationTestRunner {
    /// Expected intents the bot does not have (nor the built-in `cancel`) and expected actions
    /// none of its intents calls, each an error where it is written, with the name it was
    /// probably meant to be (as `usher check` suggests names). Such a turn would fail on every
    /// run whatever the bot answers, and read as the bot's failure, not the test's.
    public func mistakes(in suite: ConversationTestSuite) -> [DefinitionError] {
        let intents = engine.bot.intents.map(\.name) + [TurnBuilder.cancelIntent]
        var actions: [String] = []
        for name in engine.bot.intents.compactMap(\.action?.name) where !actions.contains(name) { actions.append(name) }
        var errors: [DefinitionError] = []
        for turn in suite.conversations.flatMap(\.turns) {
            if case .some(.some(let expected)) = turn.intent, let origin = turn.intentOrigin,
                let error = Self.unknown("the bot has no intent", expected, among: intents, at: origin)
            {
                errors.append(error)
            }
            if case .some(.some(let expected)) = turn.action, let origin = turn.actionOrigin,
                let error = Self.unknown("no intent of the bot calls the action", expected, among: actions, at: origin)
            {
                errors.append(error)
            }
        }
        return errors
    }

    /// The error `saying` that `name` is not among `names`, with the closest of them.
    private static func unknown(
        _ saying: String, _ name: String, among names: [String], at origin: DefinitionOrigin
    ) -> DefinitionError? {
        guard !names.contains(name) else { return nil }
        let guess = Spelling.closest(to: name, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
        return DefinitionError(
            file: origin.file, path: origin.path, location: origin.location,
            message: "\(saying) \"\(name)\"\(guess)")
    }
}
