/// What a customer waiting for a person says that takes them out of the queue.
extension DialogEngine {
    /// How a waiting customer's message leaves the queue, or `nil` when it keeps their place:
    /// - ``QueueExit/goodbye``: the whole message is a goodbye in a served language ("ok bye",
    ///   "tschüss", "пока", "再見"), or the bot, serving `language`, matches it to an intent that
    ///   ends the conversation (`ends_conversation`), as it would outside the queue;
    /// - ``QueueExit/asked``: a bare "never mind" or "cancel", or words about the queue or the
    ///   agent ("I do not want an agent", "leave the queue").
    ///
    /// A complaint about the wait ("is there still no agent?") is neither: the customer keeps
    /// their place. Only a waiting customer's messages are read this way, so a bot turn never
    /// pays for it.
    public func leavesQueue(_ text: String, language: String) -> QueueExit? {
        let words = TextNormalizer.normalize(text).words.joined(separator: " ")
        let whole = WordPhrases.trimmed(" " + words + " ")
        if Self.goodbyePhrases.contains(whole) { return .goodbye }
        if Self.cancelPhrases.contains(whole) || Self.leaveQueuePhrases.occur(in: words) { return .asked }
        let serving = self.serving(language)
        guard serving.endsConversations else { return nil }
        let excluded = Set(serving.ineligibleIntents(activeContexts: []).keys)
        let reading = serving.matcher.match(text, excluding: excluded, explain: false)
        guard let intent = reading.intent, serving.intent(named: intent)?.endsConversation == true else { return nil }
        return .goodbye
    }

    /// Every served language's phrases, since a customer may wait in one language and write in
    /// another.
    static let leaveQueuePhrases = WordPhrases(Language.all.flatMap(\.leaveQueuePhrases))
    static let goodbyePhrases = Set(Language.all.flatMap(\.goodbyePhrases))
}
