/// What an author has already decided in an inbox, so that `usher stats --unmatched` writing it
/// again loses no label (new-user trial: every run wrote all labels back to "").
extension UnmatchedInbox {
    /// The labelled lines of an inbox, to keep as they are written, and their texts, which new
    /// groups leave out: a message labelled once, or ignored, does not come back.
    public struct Labels: Sendable, Equatable {
        /// Each labelled line as the author left it, in file order, without its line break.
        public var lines: [String] = []
        /// Labelled groups left out because the bot has learned them (every text is an example
        /// of the intent the label names).
        public var learned = 0
        private var texts: Set<String> = []

        public init() {}

        /// Whether `text` is among the kept groups' texts (case aside).
        public func contains(_ text: String) -> Bool { texts.contains(text.lowercased()) }

        mutating func keep(_ line: String, texts: [String]) {
            lines.append(line)
            self.texts.formUnion(texts.map { $0.lowercased() })
        }
    }

    /// The labels of the inbox `bytes` (named `file` in errors): every line with a label but
    /// those `isLearned` says the bot has learned; the lines left "" go, since the next groups
    /// hold their messages again. Any line that cannot be read is an error, so that the caller
    /// does not overwrite a label it could not keep.
    public static func labelled(_ bytes: [UInt8], file: String, isLearned: (Entry) -> Bool) -> (
        labels: Labels, errors: [DefinitionError]
    ) {
        let read = decode(bytes, file: file)
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var labels = Labels()
        for entry in read.entries where entry.label != .none {
            if isLearned(entry) {
                labels.learned += 1
                continue
            }
            var line = lines[entry.line - 1]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            labels.keep(String(decoding: line, as: UTF8.self), texts: entry.texts)
        }
        return (labels, read.errors)
    }
}
