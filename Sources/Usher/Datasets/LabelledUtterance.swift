/// A customer message with the intent a person gave it; `nil` means out of scope.
public struct LabelledUtterance: Sendable, Hashable {
    public var text: String
    public var intent: String?
    /// The line of the data file it came from, for error messages and reports.
    public var line: Int
    /// The partition the data set puts it in (`train`, `val`, `test`…), when the file says:
    /// MASSIVE keeps every partition in one file, so a bot is built from one and scored on another.
    public var split: String?
    /// The language the line is written in, when the file says (`"lang"`, as a `usher serve`
    /// request does): a data set mixing languages is then scored each line in its own.
    public var language: String?

    public init(text: String, intent: String?, line: Int = 0, split: String? = nil, language: String? = nil) {
        self.text = text
        self.intent = intent
        self.line = line
        self.split = split
        self.language = language
    }
}

/// A data file that could not be read, and where.
public struct DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: error: message`, as compilers and `usher check` write it.
    public var description: String {
        line.map { "\(file):\($0): error: \(message)" } ?? "\(file): error: \(message)"
    }
}
