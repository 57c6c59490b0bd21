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

    /// Glob matching over words. Failed (element, word) states are remembered, so even a pattern
    /// full of wildcards against a very long message costs at most elements × words² steps.
    private static func matches(_ elements: [Compiled.Element], _ words: [String], _ captures: inout [String: String])
        -> Bool
    {
        var failed: Set<Int> = []
        return matches(0, 0, elements, words, &captures, &failed)
    }

    private static func matches(
        _ element: Int, _ word: Int, _ elements: [Compiled.Element], _ words: [String],
        _ captures: inout [String: String], _ failed: inout Set<Int>
    ) -> Bool {
        guard element < elements.count else { return word == words.count }
        let state = element * (words.count + 1) + word
        if failed.contains(state) { return false }
        var matched = false
        switch elements[element] {
        case .word(let expected):
            matched =
                word < words.count && words[word] == expected
                && matches(element + 1, word + 1, elements, words, &captures, &failed)
        case .wildcard:
            matched = (word...words.count).contains { matches(element + 1, $0, elements, words, &captures, &failed) }
        case .capture(let name):
            if let end = (word + 1...max(word + 1, words.count)).first(where: {
                $0 <= words.count && matches(element + 1, $0, elements, words, &captures, &failed)
            }) {
                captures[name] = words[word..<end].joined(separator: " ")
                matched = true
            }
        }
        if !matched { failed.insert(state) }
        return matched
    }
}
