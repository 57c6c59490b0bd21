/// A custom entity type that cannot be used, and why.
///
/// Raised when the recognizer is built, so a bad pattern is reported at load time rather than
/// failing silently on the first message.
public struct EntityDefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The entity type whose definition is wrong.
    public var type: String
    public var message: String

    public init(type: String, message: String) {
        self.type = type
        self.message = message
    }

    /// `entity "device": empty synonym for "router"`.
    public var description: String { "entity \"\(type)\": \(message)" }
}
