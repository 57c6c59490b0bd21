/// Which model scores a bot's intents; ``Matcher`` chooses by the bot's size unless told.
public enum ModelKind: String, Sendable, CaseIterable {
    /// ``linear`` unless the bot is too large to train at load time.
    case automatic
    /// One-vs-rest linear SVMs trained at load time: the most accurate.
    case linear
    /// Multinomial naive Bayes: no training pass; kept for comparison.
    case bayes
    /// Each intent's centroid, scored through posting lists: one pass to build, and a message
    /// costs the intents its features reach; what large bots get.
    case centroid
}
