/// An extractor that reads a message the recognizer has prepared, so that a message is cut into
/// tokens once however many entity types a bot has.
protocol MessageExtractor: EntityExtractor {
    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch]
}

extension MessageExtractor {
    /// Reads a message on its own; the recognizer prepares one message for all its extractors instead.
    public func extract(from text: String, context: EntityContext) -> [EntityMatch] {
        extract(from: EntityMessage(text), context: context)
    }
}
