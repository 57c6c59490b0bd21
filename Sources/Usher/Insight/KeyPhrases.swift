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
/// Each language skips its own words (``Language``'s stop words, fillers and number words; English
/// for a language Usher has no data for). Chinese is written without spaces, so its runs of
/// characters between particles and pronouns are first cut into words, and the words then count
/// as in other languages, shown joined without a space ("耳機沒聲音" → "耳機", "聲音"). The cut
/// takes the longest of the language's key-phrase words and multi-character skips at each
/// character ("會員" is a word although "會" alone is a skip; "時候" is a skip), and cuts what no
/// entry covers into pairs, the last three when odd: most Chinese words are two characters, and
/// the old overlapping windows of two and three characters showed the agent pieces across two
/// words ("員帳號", "外套尺"). A single character left between skips shows nothing.
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
        // A bare number ("2" of "zwei Wochen") says nothing without its unit: values that name
        // something (an order, a date, an amount) come first.
        for entity in entities where entity.type != "number" && seen.insert(entity.value.lowercased()).inserted {
            phrases.append(entity.value)
        }
        let entityWords = Set(entities.flatMap { TextNormalizer.normalize($0.text + " " + $0.value).words })
        let stemmer = Stemmer.Kind(language: language)
        let language = Language.named(language) ?? .english
        let forms = displayForms(in: texts)
        for candidate in rankedCandidates(in: texts, excluding: entityWords, language: language, stemmer: stemmer) {
            guard phrases.count < limit else { break }
            let shown = candidate.split(separator: " ").map { forms[String($0)] ?? String($0) }.joined(separator: " ")
            guard seen.insert(shown).inserted else { continue }
            phrases.append(shown)
        }
        return Array(phrases.prefix(limit))
    }

    /// Each normalised word as the customer first wrote it, lower-cased: phrases are found on
    /// normalised words, which have lost their accents ("uberfallig", "ужасныи"), but the agent
    /// reads the customer's own spelling ("überfällig", "ужасный", "don't").
    private static func displayForms(in texts: [String]) -> [String: String] {
        var forms: [String: String] = [:]
        for text in texts {
            for piece in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }) {
                let words = TextNormalizer.normalize(String(piece)).words
                if words.count == 1, forms[words[0]] == nil { forms[words[0]] = piece.lowercased() }
            }
        }
        return forms
    }

    private struct Candidate {
        var words: [String]
        var stems: [String]
        /// Whether the words are characters of an unspaced script, shown joined without spaces.
        var isCharacters: Bool
        var count = 0
        var firstSeen: Int

        var score: Double { Double(count) * [1, 1.5, 1.8][words.count - 1] }
        var text: String { words.joined(separator: isCharacters ? "" : " ") }
    }

    /// A run of consecutive content words, or of Chinese words cut from content characters.
    private struct Run {
        var words: [String] = []
        var isCharacters = false
    }

    /// Every n-gram by descending score, with sub- and super-phrases of better ones left out.
    private static func rankedCandidates(
        in texts: [String], excluding entityWords: Set<String>, language: Language, stemmer: Stemmer.Kind
    ) -> [String] {
        var candidates: [[String]: Candidate] = [:]
        let runs = texts.flatMap(Clauses.split).flatMap {
            contentRuns(in: $0, excluding: entityWords, language: language)
        }
        for run in runs {
            // Two Chinese words are already four characters or more: longer is no longer a phrase.
            let lengths = run.isCharacters ? 1...2 : 1...3
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

    /// The maximal runs of consecutive content words, or of Chinese words, in one clause.
    private static func contentRuns(in clause: Substring, excluding entityWords: Set<String>, language: Language)
        -> [Run]
    {
        let normalized = TextNormalizer.normalize(String(clause))
        var runs: [Run] = []
        var words: [String] = []
        var characters: [String] = []
        func endRun() {
            if !words.isEmpty { runs.append(Run(words: words)) }
            words = []
        }
        func endCharacters() {
            guard !characters.isEmpty else { return }
            endRun()
            runs += segment(characters, excluding: entityWords, language: language)
            characters = []
        }
        for token in normalized.tokens {
            let word = normalized.text(of: token)
            if token.kind == .character {
                characters.append(word)
                continue
            }
            endCharacters()
            let isContent =
                token.kind == .word && word.count > 1 && !word.contains(where: \.isNumber)
                && !entityWords.contains(word) && !language.keyPhraseSkips.contains(word)
            if isContent { words.append(word) } else { endRun() }
        }
        endCharacters()
        endRun()
        return runs
    }

    /// A stretch of characters cut into runs of words: the longest entry of the language's
    /// key-phrase lexicon at each character (a word, or a skip that ends the run), single skips
    /// and entity characters ending the run too, and what no entry covers cut into pairs.
    private static func segment(_ characters: [String], excluding entityWords: Set<String>, language: Language)
        -> [Run]
    {
        var runs: [Run] = []
        var words: [String] = []
        var uncovered: [String] = []
        func endRun() {
            if !words.isEmpty { runs.append(Run(words: words, isCharacters: true)) }
            words = []
        }
        func endUncovered() {
            // One character alone is no word the agent can read; it separates its neighbours.
            if uncovered.count == 1 { endRun() } else { words += pairs(of: uncovered) }
            uncovered = []
        }
        var index = 0
        while index < characters.count {
            let match = language.keyPhraseLexicon.match(at: index) { $0 < characters.count ? characters[$0] : nil }
            if let match {
                endUncovered()
                let word = characters[index..<match.end]
                if match.value && !word.contains(where: entityWords.contains) {
                    words.append(word.joined())
                } else {
                    endRun()
                }
                index = match.end
                continue
            }
            let character = characters[index]
            if language.keyPhraseSkips.contains(character) || entityWords.contains(character) {
                endUncovered()
                endRun()
            } else {
                uncovered.append(character)
            }
            index += 1
        }
        endUncovered()
        endRun()
        return runs
    }

    /// Characters no lexicon entry covers, cut into words of two, the last of three when their
    /// number is odd ("電動滑板車" → "電動", "滑板車").
    private static func pairs(of characters: [String]) -> [String] {
        var words: [String] = []
        var start = 0
        while start < characters.count {
            let size = characters.count - start == 3 ? 3 : 2
            words.append(characters[start..<min(start + size, characters.count)].joined())
            start += size
        }
        return words
    }
}
