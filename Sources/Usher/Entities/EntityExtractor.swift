/// One kind of entity: finds the values of its ``type`` in a message.
///
/// Extractors report every candidate they see, even overlapping other types' ones ("3" inside
/// "3 March"); ``EntityRecognizer`` decides between types.
public protocol EntityExtractor: Sendable {
    /// The entity type of every match this extractor returns.
    var type: String { get }
    /// The matches in `text`, in text order, not overlapping one another.
    func extract(from text: String, context: EntityContext) -> [EntityMatch]
}
