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

    /// Lines of a data set scored in one language that read as others
    /// (``Language/detect(_:clearly:)``), counted by language, most first.
    public struct OtherLanguages: Sendable, Equatable, CustomStringConvertible {
        /// The language the lines are scored in, as the bot names it.
        public var scoredIn: String
        /// Every line scored.
        public var lines: Int
        public var counts: [Count]
        /// The languages the bot serves, as it names them: a line's fix depends on them.
        public var served: [String]
        /// Whether other lines of the file carry their own `"lang"`: then only the lines without
        /// one were counted, and the message says so.
        public var othersLabelled = false

        public struct Count: Sendable, Equatable {
            public var language: LanguageTag
            public var lines: Int
        }

        /// One language for more than half the file: `--lang` fixes it. Several, or a share:
        /// each line needs its own `"lang"`. A language the bot does not serve has no fix.
        public var description: String {
            let unserved = counts.map(\.language).filter { tag in
                !served.contains { LanguageTag(bcp47: $0) == tag }
            }
            let notServed =
                "the bot does not serve \(unserved.map(\.rawValue).joined(separator: ", ")) (it serves \(served.joined(separator: ", ")))"
            let of = othersLabelled ? "of the \(lines) lines without their own \"lang\"" : "of \(lines) lines"
            if counts.count == 1, let only = counts.first, only.lines * 2 > lines {
                return "\(only.lines) \(of) read as \(only.language), the bot is scored in \(scoredIn): "
                    + (unserved.isEmpty ? "score them with --lang \(only.language)" : notServed)
            }
            let total = counts.reduce(0) { $0 + $1.lines }
            let list = counts.map { "\($0.lines) \($0.language)" }.joined(separator: ", ")
            var fixes: [String] = []
            if unserved.count < counts.count {
                fixes.append(
                    "give each such line its language as \"lang\", as usher serve requests do, "
                        + "or score each language's lines apart with --lang")
            }
            if !unserved.isEmpty { fixes.append(notServed) }
            return "\(total) \(of) read as another language than \(scoredIn), which they are scored in "
                + "(\(list)): \(fixes.joined(separator: "; "))"
        }
    }

    /// The lines of `texts`, all scored in `language`, that read as another served language,
    /// when they are enough to change the figures: more than half in one language, or at least
    /// a tenth of the lines and 5 of them. `nil` otherwise.
    public static func otherLanguages(_ texts: [String], scoredIn language: String, served: [String])
        -> OtherLanguages?
    {
        let scored = LanguageTag(bcp47: language)
        var counts: [LanguageTag: Int] = [:]
        for text in texts {
            if let detected = Language.detect(text), detected != scored { counts[detected, default: 0] += 1 }
        }
        let total = counts.values.reduce(0, +)
        let majority = counts.values.contains { $0 * 2 > texts.count }
        guard majority || (total >= 5 && total * 10 >= texts.count) else { return nil }
        return OtherLanguages(
            scoredIn: language, lines: texts.count,
            counts: counts.map { OtherLanguages.Count(language: $0.key, lines: $0.value) }
                .sorted { ($1.lines, $0.language.rawValue) < ($0.lines, $1.language.rawValue) },
            served: served)
    }
}
