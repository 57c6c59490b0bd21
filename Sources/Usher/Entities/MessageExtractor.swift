/// An extractor that reads a message the recognizer has prepared, so that a message is cut into
/// tokens once however many entity types a bot has.
protocol MessageExtractor: EntityExtractor {
    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch]
}
