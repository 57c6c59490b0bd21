/// What a customer waiting for a person says that takes them out of the queue.
extension DialogEngine {
    /// How a waiting customer's message leaves the queue, or `nil` when it keeps their place:
    /// - ``QueueExit/goodbye``: the whole message is a goodbye, one of Usher's in a served
    ///   language ("ok bye", "tschüss", "пока", "再見") or an example of the bot's own intents
    ///   that end the conversation (`ends_conversation`), in any language the bot serves;
    /// - ``QueueExit/asked``: a bare "never mind" or "cancel", or words about the queue or the
    ///   agent ("I do not want an agent", "leave the queue").
    ///
    /// A message made of such phrases, with or without punctuation between them ("never mind,
    /// bye", "never mind bye", "算了不用了", "ok thanks bye"), leaves when every phrase is a
    /// goodbye, a cancel phrase, an acknowledgement or a thanks and at least one is a goodbye or
    /// a cancel phrase (a goodbye if any is one: "never mind, bye" is told goodbye, not asked
    /// how else to help); "thanks, I'll wait" and "ok, I'll wait" keep the place.
    ///
    /// Whole messages and phrases, read exactly, not guessed by the matcher: a waiting customer
    /// who writes "thanks, I'll wait" must keep their place, and one whose goodbye is not
    /// recognised is still taken out by the idle limit. A complaint about the wait ("is there
    /// still no agent?") keeps their place too. Set look-ups and a phrase search: a waiting
    /// customer's message costs no match.
    public func leavesQueue(_ text: String) -> QueueExit? {
        let words = TextNormalizer.normalize(text).words
        let joined = words.joined(separator: " ")
        if Self.leaveQueuePhrases.occur(in: joined) { return .asked }
        if let exit = phraseExit(WordPhrases.trimmed(" " + joined + " ")) { return exit }
        return runExit(words)
    }

    /// The exit of `words` when they are a run of whole phrases (a goodbye, a cancel phrase, an
    /// acknowledgement, a thanks; each up to eight words), found by walking every way to cut
    /// them. `nil` when they are not, or only acknowledge and thank.
    private func runExit(_ words: [String]) -> QueueExit? {
        guard words.count > 1, words.count <= 24 else { return nil }
        // reached[i]: words[..<i] are a run of phrases, and the strongest exit among them
        // (`.some(nil)`: only acknowledgements and thanks); `nil`: no run ends there.
        var reached: [QueueExit??] = Array(repeating: nil, count: words.count + 1)
        reached[0] = .some(nil)
        for end in 1...words.count {
            for start in max(0, end - 8)..<end {
                guard case .some(let before) = reached[start] else { continue }
                let phrase = words[start..<end].joined(separator: " ")
                let said: QueueExit?
                if let exit = phraseExit(phrase) {
                    said = exit
                } else if Self.acknowledgements.contains(phrase) || Self.thanks.contains(phrase) {
                    said = nil
                } else {
                    continue
                }
                let run = Self.stronger(before, said)
                if case .some(let found) = reached[end] {
                    reached[end] = .some(Self.stronger(found, run))
                } else {
                    reached[end] = .some(run)
                }
            }
        }
        return reached[words.count] ?? nil
    }

    /// A goodbye says the customer is going whatever else they said; a cancel phrase, that
    /// they stop waiting.
    private static func stronger(_ a: QueueExit?, _ b: QueueExit?) -> QueueExit? {
        if a == .goodbye || b == .goodbye { return .goodbye }
        return a ?? b
    }

    /// The exit that one phrase, normalised, asks for by itself.
    private func phraseExit(_ words: String) -> QueueExit? {
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
