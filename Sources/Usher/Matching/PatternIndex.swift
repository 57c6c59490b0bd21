/// The bot's exact rules, compiled to token sequences and indexed by a word each must contain.
///
/// A message is tried only against patterns whose key word it holds, so many patterns cost little.
struct PatternIndex: Sendable {
    struct Compiled: Sendable {
        enum Element: Sendable, Equatable {
            case word(String)
            case wildcard
            case capture(String)
        }

        var intent: Int
        var pattern: Pattern
        var elements: [Element]
        /// More literal words make a rule more specific; the most specific match wins.
        var specificity: Int
    }

    /// A pattern that matched, with the words each capture took.
    struct Hit: Sendable {
        var compiled: Compiled
        var captures: [String: String]
    }

    private(set) var patterns: [Compiled] = []

    var isEmpty: Bool { patterns.isEmpty }
    private var byKeyWord: [String: [Int]] = [:]

    init(intents: [IntentDefinition]) {
        for (intentIndex, intent) in intents.enumerated() {
            for pattern in intent.patterns {
                guard let elements = try? Self.compile(pattern.source) else { continue }
                let words = elements.compactMap { if case .word(let word) = $0 { word } else { nil } }
                guard let key = words.first else { continue }
                byKeyWord[key, default: []].append(patterns.count)
                patterns.append(
                    Compiled(intent: intentIndex, pattern: pattern, elements: elements, specificity: words.count))
            }
        }
    }

    static func compile(_ source: String) throws(Template.ParseError) -> [Compiled.Element] {
        try Pattern.parseElements(source).flatMap { element -> [Compiled.Element] in
            switch element {
            case .wildcard: [.wildcard]
            case .capture(let name): [.capture(name)]
            case .words(let text): TextNormalizer.normalize(text).words.map(Compiled.Element.word)
            }
        }
    }

    /// The most specific pattern that matches the whole of `words`, if any.
    func bestMatch(_ words: [String], excluding excluded: Set<Int> = []) -> Hit? {
        var candidates: Set<Int> = []
        for word in words { candidates.formUnion(byKeyWord[word] ?? []) }
        var best: Hit?
        for index in candidates.sorted() {
            let compiled = patterns[index]
            if excluded.contains(compiled.intent) { continue }
            if let best, best.compiled.specificity >= compiled.specificity { continue }
            var captures: [String: String] = [:]
            if Self.matches(compiled.elements, words, &captures) {
                best = Hit(compiled: compiled, captures: captures)
            }
        }
        return best
    }

    /// Glob matching over words, in time linear in the message for any pattern.
    ///
    /// A pattern is literal runs of words with gaps between them (`*`: any number of words,
    /// `{slot}`: at least one). The first run must start the message and the last end it; each
    /// run between is placed at its leftmost occurrence after the previous one (a later place
    /// never lets more of the pattern match), found by a KMP scan, so the message is read once.
    /// Within a gap, every capture takes one word and the gap's last element the rest: the
    /// shortest captures, as a person reading "{item} was * on {date}" would take them.
    static func matches(_ elements: [Compiled.Element], _ words: [String], _ captures: inout [String: String])
        -> Bool
    {
        var runs: [[String]] = [[]]
        var gaps: [[Compiled.Element]] = []
        for element in elements {
            if case .word(let word) = element {
                if gaps.count == runs.count { runs.append([]) }
                runs[runs.count - 1].append(word)
            } else {
                if gaps.count < runs.count { gaps.append([]) }
                gaps[gaps.count - 1].append(element)
            }
        }
        if gaps.count == runs.count { runs.append([]) }
        let minimum = gaps.map { gap in gap.filter { if case .capture = $0 { true } else { false } }.count }
        guard let first = runs.first, words.starts(with: first) else { return false }
        guard !gaps.isEmpty else { return words.count == first.count }
        let last = runs[runs.count - 1]
        let end = words.count - last.count
        guard end >= first.count, words[end...].elementsEqual(last) else { return false }
        // The words that the gaps and middle runs after run `index` need at least.
        func needed(after index: Int) -> Int {
            (index + 1...gaps.count).reduce(0) { total, next in
                total + minimum[next - 1] + (next < gaps.count ? runs[next].count : 0)
            }
        }
        var position = first.count
        var spans: [Range<Int>] = []
        for index in 1..<(runs.count - 1) {
            let earliest = position + minimum[index - 1]
            let latest = end - needed(after: index)
            guard let start = leftmost(runs[index], in: words, from: earliest, to: latest) else { return false }
            spans.append(position..<start)
            position = start + runs[index].count
        }
        guard end - position >= minimum[gaps.count - 1] else { return false }
        spans.append(position..<end)
        for (gap, span) in zip(gaps, spans) { assign(gap, span, words, &captures) }
        return true
    }

    /// The first index `i` in `from...` with `words[i..<i + run.count] == run` and the run ending
    /// by `to`: Knuth–Morris–Pratt over words.
    private static func leftmost(_ run: [String], in words: [String], from: Int, to: Int) -> Int? {
        guard from + run.count <= to else { return nil }
        var fallback = Array(repeating: 0, count: run.count)
        var length = 0
        for index in 1..<max(1, run.count) {
            while length > 0 && run[index] != run[length] { length = fallback[length - 1] }
            if run[index] == run[length] { length += 1 }
            fallback[index] = length
        }
        var matched = 0
        for index in from..<to {
            while matched > 0 && words[index] != run[matched] { matched = fallback[matched - 1] }
            if words[index] == run[matched] { matched += 1 }
            if matched == run.count { return index - run.count + 1 }
        }
        return nil
    }

    /// The words of a gap given to its captures: one each, the remainder to the gap's last element.
    private static func assign(
        _ gap: [Compiled.Element], _ span: Range<Int>, _ words: [String], _ captures: inout [String: String]
    ) {
        var position = span.lowerBound
        for (index, element) in gap.enumerated() {
            let isLast = index == gap.count - 1
            switch element {
            case .capture(let name):
                let length = isLast ? span.upperBound - position : 1
                captures[name] = words[position..<position + length].joined(separator: " ")
                position += length
            case .wildcard:
                if isLast { position = span.upperBound }
            case .word:
                break
            }
        }
    }
}
