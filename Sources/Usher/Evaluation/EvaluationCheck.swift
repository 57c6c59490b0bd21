/// What makes an evaluation measure something other than its author meant, found before the
/// figures are read: labels that name no intent of the bot (every line with one is scored as a
/// miss), and a data set written in another language than the one the bot is scored in.
public enum EvaluationCheck {
    /// A label that names no intent: the first line that carries it, how many do, and the
    /// intent it was probably meant to be.
    public struct UnknownLabel: Sendable, Equatable, CustomStringConvertible {
        public var label: String
        public var line: Int
        public var count: Int
        public var suggestion: String?

        public var description: String {
            let guess = suggestion.map { "; did you mean \"\($0)\"?" } ?? ""
            let lines = count == 1 ? "its line is scored as a miss" : "its \(count) lines are scored as misses"
            return "label \"\(label)\" names no intent\(guess) (\(lines))"
        }
    }

    /// Each label of `utterances` that is none of `intents`, once, in the order of first use.
    public static func unknownLabels(_ utterances: [LabelledUtterance], intents: [String]) -> [UnknownLabel] {
        let known = Set(intents)
        var found: [UnknownLabel] = []
        var index: [String: Int] = [:]
        for utterance in utterances {
            guard let label = utterance.intent, !known.contains(label) else { continue }
            if let at = index[label] {
                found[at].count += 1
            } else {
                index[label] = found.count
                found.append(
                    UnknownLabel(
                        label: label, line: utterance.line, count: 1,
                        suggestion: Spelling.closest(to: label, among: intents)))
            }
        }
        return found
    }

    /// The served language most texts read as (``Language/detect(_:clearly:)``), when it is
    /// more than half of them, with how many.
    public static func mostTexts(_ texts: [String]) -> (language: LanguageTag, count: Int)? {
        var counts: [LanguageTag: Int] = [:]
        for text in texts {
            if let language = Language.detect(text) { counts[language, default: 0] += 1 }
        }
        guard let top = counts.max(by: { $0.value < $1.value }), top.value * 2 > texts.count else { return nil }
        return (top.key, top.value)
    }
}
