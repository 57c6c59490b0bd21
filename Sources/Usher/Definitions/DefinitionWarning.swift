/// Something legal in a bot that is probably not what its author meant; `usher check` prints these.
public struct DefinitionWarning: Sendable, Equatable, CustomStringConvertible {
    public var origin: DefinitionOrigin
    public var message: String

    public init(origin: DefinitionOrigin, message: String) {
        self.origin = origin
        self.message = message
    }

    public var description: String {
        DefinitionError(file: origin.file, path: origin.path, location: origin.location, message: message)
            .description(severity: "warning")
    }
}
