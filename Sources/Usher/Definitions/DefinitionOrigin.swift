/// Where a definition came from, so that warnings and match explanations can point back to it.
public struct DefinitionOrigin: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var location: SourceLocation?

    public init(file: String, path: String, location: SourceLocation?) {
        self.file = file
        self.path = path
        self.location = location
    }

    public var description: String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        return "\(text): \(path)"
    }
}
