/// Whether the bot as it is now understands a message it once did not: what the inbox of
/// `usher stats --unmatched` leaves out, so that what was learned does not come back.
extension DialogEngine {
    /// Whether `text`, in `language` (the bot's own when it does not serve it or none is
    /// given), matches an intent with a confidence of `confidence` or more, as a new
    /// conversation would (intents that need a context are left out).
    public func understands(_ text: String, in language: String?, confidence: Double) -> Bool {
        let serving = language.flatMap { engine(for: $0) } ?? self
        let excluded = Set(serving.ineligibleIntents(activeContexts: []).keys)
        let result = serving.matcher.match(text, excluding: excluded)
        return result.intent != nil && result.confidence >= confidence
    }
}
