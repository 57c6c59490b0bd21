/// The few spans of a conversation a human agent should see first: what it is about (entity
/// values such as order numbers, products and dates), then what the problem is.
///
/// Problem phrases are runs of content words (stop words, conversational filler and numbers
/// removed) taken as one-, two- and three-word n-grams within a sentence. They are counted across
/// the customer's messages, with plural and "-ed"/"-ing" forms counted together, and ranked by
/// count times a bonus for length (1, 1.5, 1.8), so that "wireless headphones" said twice beats
/// "headphones" said twice, and a word the customer keeps repeating beats one said once. A phrase
/// is skipped when it shares a word with one already chosen, so the agent reads no word twice.
/// Words with digits are left to the entity extractors. Ties keep first-seen order, so the result
/// is deterministic.
///
/// ```swift
/// KeyPhrases.extract(from: ["My wireless headphones are broken", "The wireless headphones make no sound"])
/// // ["wireless headphones", "broken", "sound"]
/// ```
public enum KeyPhrases {
    public static func extract(from texts: [String], entities: [EntityMatch] = [], limit: Int = 6) -> [String] {
        guard limit > 0 else { return [] }
        var phrases: [String] = []
        var seen: Set<String> = []
        for entity in entities where seen.insert(entity.value.lowercased()).inserted {
            phrases.append(entity.value)
        }
        let entityWords = Set(entities.flatMap { TextNormalizer.normalize($0.text + " " + $0.value).words })
        for candidate in rankedCandidates(in: texts, excluding: entityWords) {
            guard phrases.count < limit else { break }
            guard seen.insert(candidate).inserted else { continue }
            phrases.append(candidate)
        }
        return Array(phrases.prefix(limit))
    }

    private struct Candidate {
        var words: [String]
        var stems: [String]
        var count = 0
        var firstSeen: Int

        var score: Double { Double(count) * [1, 1.5, 1.8][words.count - 1] }
    }

    /// Every n-gram by descending score, with sub- and super-phrases of better ones left out.
    private static func rankedCandidates(in texts: [String], excluding entityWords: Set<String>) -> [String] {
        var candidates: [[String]: Candidate] = [:]
        for run in texts.flatMap(Clauses.split).flatMap({ contentRuns(in: $0, excluding: entityWords) }) {
            for length in 1...3 where length <= run.count {
                for start in 0...(run.count - length) {
                    let words = Array(run[start..<(start + length)])
                    let stems = words.map(Stemmer.stem)
                    let order = candidates.count
                    candidates[stems, default: Candidate(words: words, stems: stems, firstSeen: order)].count += 1
                }
            }
        }
        let ranked = candidates.values.sorted { ($0.score, -$0.firstSeen) > ($1.score, -$1.firstSeen) }
        var chosen: [Set<String>] = []
        var result: [String] = []
        for candidate in ranked where !chosen.contains(where: { !$0.isDisjoint(with: candidate.stems) }) {
            chosen.append(Set(candidate.stems))
            result.append(candidate.words.joined(separator: " "))
        }
        return result
    }

    /// The maximal runs of consecutive content words in one clause.
    private static func contentRuns(in clause: Substring, excluding entityWords: Set<String>) -> [[String]] {
        let normalized = TextNormalizer.normalize(String(clause))
        var runs: [[String]] = [[]]
        for token in normalized.tokens {
            let word = normalized.text(of: token)
            if token.kind == .word && word.count > 1 && !word.contains(where: \.isNumber) && !entityWords.contains(word)
                && !isFiller(word)
            {
                runs[runs.count - 1].append(word)
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    private static func isFiller(_ word: String) -> Bool {
        StopWords.english.contains(word) || fillers.contains(word)
    }

    /// Words customers use around a problem rather than to name it.
    private static let fillers: Set<String> = [
        "hi", "hello", "hey", "thanks", "thank", "ok", "okay", "yes", "yeah", "no", "not", "dont", "doesnt", "didnt",
        "isnt", "cant", "wont", "havent", "hasnt", "still", "already", "now", "yet", "even", "really", "well", "much",
        "many", "lot", "want", "need", "like", "know", "get", "got", "tell", "told", "help", "let", "way", "thing",
        "things", "something", "anything", "anyone", "someone", "one", "how", "when", "where", "why", "never",
        "today", "time", "times", "again", "youre", "thats", "theres", "whats", "hes", "shes", "weve", "theyre",
        "wasnt", "arent", "werent", "cannot", "cheers", "sorry", "day", "back", "make", "makes", "made", "go", "goes",
        "going", "went", "say", "said", "see", "try", "tried", "trying", "use", "used", "put", "take", "took", "give",
        "gave", "keep", "keeps", "think", "seems", "feel", "look", "looks", "right", "sure", "able",
    ]
}
