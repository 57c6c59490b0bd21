/// The few spans of a conversation a human agent should see first: what it is about (entity
/// values such as order numbers, products and dates), then what the problem is.
///
/// Problem phrases are runs of content words (stop words, conversational filler and numbers
/// removed) taken as one-, two- and three-word n-grams within a sentence. They are counted across
/// the customer's messages, with a word's forms counted together by the language's stemmer
/// (English plural and "-ed"/"-ing"; Russian and German endings), and ranked by
/// count times a bonus for length (1, 1.5, 1.8), so that "wireless headphones" said twice beats
/// "headphones" said twice, and a word the customer keeps repeating beats one said once. A phrase
/// is skipped when it shares a word with one already chosen, so the agent reads no word twice.
/// Words with digits are left to the entity extractors. Ties keep first-seen order, so the result
/// is deterministic.
///
/// Each language skips its own words (``Language``'s stop words and fillers; English for a
/// language Usher has no data for). Chinese is written without spaces, so its phrases are runs of
/// two and three characters between particles and pronouns ("退款", "耳機沒聲音" → "耳機", "聲音"),
/// joined without a space.
///
/// ```swift
/// KeyPhrases.extract(from: ["My wireless headphones are broken", "The wireless headphones make no sound"])
/// // ["wireless headphones", "broken", "sound"]
/// ```
public enum KeyPhrases {
    public static func extract(
        from texts: [String], entities: [EntityMatch] = [], limit: Int = 6, language: String = "en"
    ) -> [String] {
        guard limit > 0 else { return [] }
        var phrases: [String] = []
        var seen: Set<String> = []
        for entity in entities where seen.insert(entity.value.lowercased()).inserted {
            phrases.append(entity.value)
        }
        let entityWords = Set(entities.flatMap { TextNormalizer.normalize($0.text + " " + $0.value).words })
        let skips = (Language.named(language) ?? .english).keyPhraseSkips
        let stemmer = Stemmer.Kind(language: language)
        for candidate in rankedCandidates(in: texts, excluding: entityWords, skips: skips, stemmer: stemmer) {
            guard phrases.count < limit else { break }
            guard seen.insert(candidate).inserted else { continue }
            phrases.append(candidate)
        }
        return Array(phrases.prefix(limit))
    }

    private struct Candidate {
        var words: [String]
        var stems: [String]
        /// Whether the words are characters of an unspaced script, shown joined without spaces.
        var isCharacters: Bool
        var count = 0
        var firstSeen: Int

        /// Two characters count as one word, three as two.
        var score: Double { Double(count) * [1, 1.5, 1.8][words.count - (isCharacters ? 2 : 1)] }
        var text: String { words.joined(separator: isCharacters ? "" : " ") }
    }

    /// A run of consecutive content words, or of content characters.
    private struct Run {
        var words: [String] = []
        var isCharacters = false
    }

    /// Every n-gram by descending score, with sub- and super-phrases of better ones left out.
    private static func rankedCandidates(
        in texts: [String], excluding entityWords: Set<String>, skips: Set<String>, stemmer: Stemmer.Kind
    ) -> [String] {
        var candidates: [[String]: Candidate] = [:]
        let runs = texts.flatMap(Clauses.split).flatMap { contentRuns(in: $0, excluding: entityWords, skips: skips) }
        for run in runs {
            let lengths = run.isCharacters ? 2...3 : 1...3
            for length in lengths where length <= run.words.count {
                for start in 0...(run.words.count - length) {
                    let words = Array(run.words[start..<(start + length)])
                    let stems = run.isCharacters ? words : words.map { stem($0, stemmer) }
                    let order = candidates.count
                    candidates[
                        stems,
                        default: Candidate(words: words, stems: stems, isCharacters: run.isCharacters, firstSeen: order)
                    ].count += 1
                }
            }
        }
        let ranked = candidates.values.sorted { ($0.score, -$0.firstSeen) > ($1.score, -$1.firstSeen) }
        var chosen: [Set<String>] = []
        var result: [String] = []
        for candidate in ranked where !chosen.contains(where: { !$0.isDisjoint(with: candidate.stems) }) {
            chosen.append(Set(candidate.stems))
            result.append(candidate.text)
        }
        return result
    }

    /// A word's forms counted together by the language's own stemmer ("заказа", "заказом" →
    /// "заказ"; "Rechnungen", "Rechnung" → "rechnung").
    private static func stem(_ word: String, _ kind: Stemmer.Kind) -> String {
        let bytes = Array(word.utf8)
        let (stem, appendY) = Stemmer.stem(bytes[...], kind: kind)
        return String(decoding: stem, as: UTF8.self) + (appendY ? "y" : "")
    }

    /// The maximal runs of consecutive content words, or content characters, in one clause.
    private static func contentRuns(in clause: Substring, excluding entityWords: Set<String>, skips: Set<String>)
        -> [Run]
    {
        let normalized = TextNormalizer.normalize(String(clause))
        var runs: [Run] = [Run()]
        for token in normalized.tokens {
            let word = normalized.text(of: token)
            let isCharacter = token.kind == .character
            let isContent =
                (token.kind == .word && word.count > 1 && !word.contains(where: \.isNumber) || isCharacter)
                && !entityWords.contains(word) && !skips.contains(word)
            if isContent && (runs[runs.count - 1].words.isEmpty || runs[runs.count - 1].isCharacters == isCharacter) {
                runs[runs.count - 1].isCharacters = isCharacter
                runs[runs.count - 1].words.append(word)
            } else if !runs[runs.count - 1].words.isEmpty {
                runs.append(Run(words: isContent ? [word] : [], isCharacters: isCharacter))
            }
        }
        return runs.filter { $0.isCharacters ? $0.words.count > 1 : !$0.words.isEmpty }
    }

}
