/// Groups the messages the bot did not understand by what they say, so an author reads a
/// hundred groups instead of ten thousand lines.
///
/// Rule-based and explainable: each distinct message, its stop words left out, becomes a bag of
/// stemmed words (word order does not matter: "where is my order" and "my order, where is it"
/// ask the same), characters and neighbouring pairs of characters for scripts written without
/// spaces, and character 3-grams of words at a third of a word's weight so that typos still
/// meet. The most frequent wordings found groups first; every other wording joins the group
/// whose founder it is most like, when that cosine similarity reaches ``threshold``, or founds
/// its own.
public struct UnmatchedGrouper: Sendable {
    /// How alike (cosine, 0–1) a message must be to a group's founder to join it.
    public var threshold: Double
    /// Words that say little about what a message asks ("can I", "please"): left out.
    public let stopWords: Set<String>

    public init(language: String = "en", threshold: Double = 0.4) {
        self.threshold = threshold
        stopWords = StopWords.forLanguage(language)
    }

    /// One message as the log has it.
    public struct Message: Sendable {
        public var text: String
        public var closestIntent: String?
        public var confidence: Double
        /// The language of the message, when known: messages group only with those in theirs.
        public var language: String?

        public init(text: String, closestIntent: String?, confidence: Double, language: String? = nil) {
            self.text = text
            self.language = language
            self.closestIntent = closestIntent
            self.confidence = confidence
        }
    }

    /// The groups, largest first (ties: alphabetical by representative).
    public func group(_ messages: [Message]) -> [UnmatchedGroup] {
        // Distinct wordings (by their normalised form), with how often each came.
        var index: [String: Int] = [:]
        var wordings: [(key: String, wording: String, texts: [String: Int], count: Int, first: Message)] = []
        for message in messages {
            let normalized = TextNormalizer.normalize(message.text)
            let words = normalized.tokens.map { normalized.text(of: $0) }
            let meaningful = words.filter { !stopWords.contains($0) }
            // A message of nothing but stop words keeps them: "can I" is still something.
            let wording = (meaningful.isEmpty ? words : meaningful).joined(separator: " ")
            guard !wording.isEmpty else { continue }
            let key = (message.language ?? "") + "\u{0}" + wording
            if let at = index[key] {
                wordings[at].count += 1
                wordings[at].texts[message.text, default: 0] += 1
            } else {
                index[key] = wordings.count
                wordings.append((key, wording, [message.text: 1], 1, message))
            }
        }
        let vectors = weightedVectors(wordings.map(\.wording))
        let order = wordings.indices.sorted {
            wordings[$0].count != wordings[$1].count
                ? wordings[$0].count > wordings[$1].count : wordings[$0].key < wordings[$1].key
        }
        var founders: [Int] = []
        var members: [[Int]] = []
        // Which groups' founders hold a feature: only those can be similar enough to join.
        var byFeature: [String: [Int]] = [:]
        for wording in order {
            var best: (group: Int, similarity: Double)?
            var seen: Set<Int> = []
            for feature in vectors[wording].keys {
                for group in byFeature[feature] ?? []
                where seen.insert(group).inserted
                    && wordings[founders[group]].first.language == wordings[wording].first.language
                {
                    let similarity = cosine(vectors[wording], vectors[founders[group]])
                    if similarity >= threshold && similarity > (best?.similarity ?? 0) { best = (group, similarity) }
                }
            }
            if let best {
                members[best.group].append(wording)
            } else {
                founders.append(wording)
                members.append([wording])
                for feature in vectors[wording].keys { byFeature[feature, default: []].append(founders.count - 1) }
            }
        }
        return members.map { group in
            let founder = wordings[group[0]]
            var texts: [String: Int] = [:]
            for member in group { texts.merge(wordings[member].texts, uniquingKeysWith: +) }
            let ranked = texts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            let representative =
                founder.texts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
                ?? founder.first.text
            return UnmatchedGroup(
                representative: representative, count: group.reduce(0) { $0 + wordings[$1].count }, texts: ranked,
                closestIntent: founder.first.closestIntent, confidence: founder.first.confidence,
                language: founder.first.language)
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.representative < $1.representative }
    }

    /// Each wording's features (see the type's summary), normalised to length 1.
    private func weightedVectors(_ keys: [String]) -> [[String: Double]] {
        keys.map { key in
            var vector: [String: Double] = [:]
            let text = TextNormalizer.normalize(key)
            var previous: String?
            for token in text.tokens {
                let word = text.text(of: token)
                if token.kind == .character {
                    vector[word, default: 0] += 1
                    if let previous { vector[previous + word, default: 0] += 1 }
                    previous = word
                    continue
                }
                previous = nil
                let stem = Stemmer.stem(word)
                vector["w:" + stem, default: 0] += 1
                let scalars = Array(stem.unicodeScalars)
                if scalars.count > 3 {
                    for start in 0...(scalars.count - 3) {
                        vector["g:" + String(String.UnicodeScalarView(scalars[start..<start + 3])), default: 0] +=
                            1.0 / 3
                    }
                }
            }
            let length = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return length > 0 ? vector.mapValues { $0 / length } : vector
        }
    }

    private func cosine(_ left: [String: Double], _ right: [String: Double]) -> Double {
        let (small, large) = left.count <= right.count ? (left, right) : (right, left)
        return small.reduce(0) { $0 + $1.value * (large[$1.key] ?? 0) }
    }
}
