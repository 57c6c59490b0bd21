/// What is wrong with a test file that only the bot can tell, found before any test runs.
extension ConversationTestRunner {
    /// Expected intents the bot does not have (nor the built-in `cancel`), each an error where
    /// it is written, with the intent it was probably meant to be (as `usher check` suggests
    /// names). Such a turn would fail on every run whatever the bot answers, and read as the
    /// bot's failure, not the test's.
    public func mistakes(in suite: ConversationTestSuite) -> [DefinitionError] {
        let names = engine.bot.intents.map(\.name) + [TurnBuilder.cancelIntent]
        let known = Set(names)
        var errors: [DefinitionError] = []
        for turn in suite.conversations.flatMap(\.turns) {
            guard case .some(.some(let expected)) = turn.intent, !known.contains(expected),
                let origin = turn.intentOrigin
            else { continue }
            let guess = Spelling.closest(to: expected, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
            errors.append(
                DefinitionError(
                    file: origin.file, path: origin.path, location: origin.location,
                    message: "the bot has no intent \"\(expected)\"\(guess)"))
        }
        return errors
    }
}
