/// What a customer waiting for a person says that takes them out of the queue.
extension DialogEngine {
    /// How a waiting customer's message leaves the queue, or `nil` when it keeps their place:
    /// - ``QueueExit/goodbye``: the whole message is a goodbye, one of Usher's in a served
    ///   language ("ok bye", "tschüss", "пока", "再見") or an example of the bot's own intents
    ///   that end the conversation (`ends_conversation`), in any language the bot serves;
    /// - ``QueueExit/asked``: a bare "never mind" or "cancel", or words about the queue or the
    ///   agent ("I do not want an agent", "leave the queue").
    ///
    /// A message that punctuation parts into clauses ("never mind, bye", "算了，不用了", "ok,
    /// thanks, bye") leaves when every clause is a goodbye, a cancel phrase, an acknowledgement
    /// or a thanks, and at least one is a goodbye or a cancel phrase (a goodbye if any is one:
    /// "never mind, bye" is told goodbye, not asked how else to help); "thanks, I'll wait" and
    /// "ok, I'll wait" keep the place.
    ///
    /// Whole messages and clauses, read exactly, not guessed by the matcher: a waiting customer
    /// who writes "thanks, I'll wait" must keep their place, and one whose goodbye is not
    /// recognised is still taken out by the idle limit. A complaint about the wait ("is there
    /// still no agent?") keeps their place too. Set look-ups and a phrase search: a waiting
    /// customer's message costs no match.
    public func leavesQueue(_ text: String) -> QueueExit? {
        let words = TextNormalizer.normalize(text).words.joined(separator: " ")
        if Self.leaveQueuePhrases.occur(in: words) { return .asked }
        if let exit = clauseExit(WordPhrases.trimmed(" " + words + " ")) { return exit }
        guard text.contains(where: TextNormalizer.clauseMarks.contains) else { return nil }
        var exit: QueueExit?
        for clause in TextNormalizer.clauses(text) {
            let words = TextNormalizer.normalize(String(clause)).words.joined(separator: " ")
            if words.isEmpty || Self.acknowledgements.contains(words) || Self.thanks.contains(words) { continue }
            guard let said = clauseExit(words) else { return nil }
            // A goodbye anywhere says the customer is going, whatever else they said.
            if exit != .goodbye { exit = said }
        }
        return exit
    }

    /// The exit that one clause, normalised, asks for by itself.
    private func clauseExit(_ words: String) -> QueueExit? {
        if Self.goodbyePhrases.contains(words) || goodbyeExamples.contains(words) { return .goodbye }
        if Self.cancelPhrases.contains(words) { return .asked }
        return nil
    }

    /// The examples of `bot`'s intents that end the conversation, normalised as messages are.
    static func goodbyeExamples(of bot: BotDefinition) -> Set<String> {
        Set(
            bot.intents.filter(\.endsConversation).flatMap(\.examples).map {
                TextNormalizer.normalize($0.template.literalText).words.joined(separator: " ")
            }.filter { !$0.isEmpty })
    }

    /// Every served language's phrases, since a customer may wait in one language and write in
    /// another.
    static let leaveQueuePhrases = WordPhrases(Language.all.flatMap(\.leaveQueuePhrases))
    static let goodbyePhrases = Set(Language.all.flatMap(\.goodbyePhrases))
    static let thanks = Set(Language.all.flatMap(\.thanks))
}
