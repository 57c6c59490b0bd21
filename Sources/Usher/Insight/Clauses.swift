/// Splits a message at sentence and clause punctuation.
///
/// Negation and intensifiers stop at a comma or a full stop ("Not sure, it's great" is not
/// "not great"), and key phrases never span two sentences.
enum Clauses {
    static func split(_ text: String) -> [Substring] {
        text.split(whereSeparator: isBoundary).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    private static func isBoundary(_ character: Character) -> Bool {
        switch character {
        case ".", ",", ";", ":", "!", "?", "\n", "\r\n", "…", "(", ")", "\"", "“", "”": true
        default: false
        }
    }
}
