/// Words and phrases of one language mapped to what they mean, found at a position in a run of
/// tokens, the longest phrase first.
///
/// A phrase is written as text: words separated by spaces ("day after tomorrow"), and characters
/// of scripts without spaces taken one by one ("明天" is the tokens 明 and 天), since that is how
/// the entity tokenizer cuts them. Keys are folded with the language's ``WordFolding``.
struct PhraseTable<Value: Sendable>: Sendable {
    private let byFirstPart: [String: [(parts: [String], value: Value)]]
    private let folding: WordFolding
    /// The most parts any phrase has: how far before a token a phrase holding it can start.
    let longestPhrase: Int

    init(_ phrases: [String: Value], folding: WordFolding) {
        var byFirstPart: [String: [(parts: [String], value: Value)]] = [:]
        for (phrase, value) in phrases {
            let parts = Self.parts(of: phrase).map(folding.fold)
            guard let first = parts.first else { continue }
            byFirstPart[first, default: []].append((parts, value))
        }
        self.byFirstPart = byFirstPart.mapValues { entries in
            entries.sorted {
                $0.parts.count > $1.parts.count
                    || $0.parts.count == $1.parts.count && $0.parts.lexicographicallyPrecedes($1.parts)
            }
        }
        self.folding = folding
        longestPhrase = byFirstPart.values.joined().map(\.parts.count).max() ?? 0
    }

    /// The value of the longest phrase whose parts are the tokens from `index` on, and the index
    /// after it; `token` gives a token's lower-cased text, or `nil` past the end or for a symbol.
    func match(at index: Int, token: (Int) -> String?) -> (value: Value, end: Int)? {
        guard let first = token(index).map(folding.fold), let candidates = byFirstPart[first] else { return nil }
        for candidate in candidates {
            let matches = candidate.parts.indices.dropFirst().allSatisfy { offset in
                token(index + offset).map(folding.fold) == candidate.parts[offset]
            }
            if matches { return (candidate.value, index + candidate.parts.count) }
        }
        return nil
    }

    /// The value of a single word, when the whole word is a phrase.
    func value(of word: String) -> Value? {
        byFirstPart[folding.fold(word)]?.first { $0.parts.count == 1 }?.value
    }

    /// Whether `word` is a phrase of one part.
    func contains(_ word: String) -> Bool {
        value(of: word) != nil
    }

    /// A phrase's parts: its space-separated words, with unspaced-script characters split apart.
    static func parts(of phrase: String) -> [String] {
        phrase.split(separator: " ").flatMap { word -> [String] in
            guard word.unicodeScalars.contains(where: UnspacedScript.contains) else {
                return [String(word).lowercased()]
            }
            var parts: [String] = []
            var pending = ""
            for character in word {
                if character.unicodeScalars.contains(where: UnspacedScript.contains) {
                    if !pending.isEmpty { parts.append(pending.lowercased()) }
                    pending = ""
                    parts.append(String(character))
                } else {
                    pending.append(character)
                }
            }
            if !pending.isEmpty { parts.append(pending.lowercased()) }
            return parts
        }
    }
}
