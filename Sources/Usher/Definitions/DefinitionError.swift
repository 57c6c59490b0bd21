/// One problem found in a bot's definition files, with the place it stands.
///
/// Its ``description`` is the line a bot author sees: `file:line:column: path: message`, the
/// format editors and CI annotate.
public struct DefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as given to the loader (relative paths stay relative).
    public var file: String
    /// The JSON path of the offending value, such as `intents[3].examples[2]`; empty for the whole file.
    public var path: String
    /// Where the offending value starts, when the file could be parsed that far.
    public var location: SourceLocation?
    public var message: String
    /// The intent this error says could leave a customer with no reply, if that is what it says:
    /// `usher learn` writes new intents that have none yet, and tells the author so.
    public var replylessIntent: String?
    /// JSON paths of the same file whose own errors make this one a mere consequence (an intent
    /// "has no responses" because its only response was not a string): when any error stands at
    /// or under one of them, the loader leaves this one out, so each mistake is told once.
    var followsFrom: [String] = []

    public init(file: String, path: String = "", location: SourceLocation? = nil, message: String) {
        self.file = file
        self.path = path
        self.location = location
        self.message = message
    }

    public var description: String { description(severity: nil) }

    /// The compiler-style line, `file:line:column: severity: path: message`, that editors and CI annotate.
    public func description(severity: String?) -> String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": "
        if let severity { text += "\(severity): " }
        if !path.isEmpty { text += "\(path): " }
        return text + message
    }
}

/// Every error of one load, reported together so an author can fix them in one pass.
public struct DefinitionErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [DefinitionError]

    public init(_ errors: [DefinitionError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
