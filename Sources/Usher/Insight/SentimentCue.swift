/// One thing in a message that moves its sentiment, and by how much, before the score is squashed.
struct SentimentCue: Sendable, Equatable {
    /// The customer's words, normalised ("still hasnt", "not happy"), or a marker ("shouting", "!!!").
    var text: String
    var weight: Double

    func scaled(by factor: Double) -> SentimentCue {
        SentimentCue(text: text, weight: weight * factor)
    }
}
