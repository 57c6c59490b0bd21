/// Groups the messages the bot did not understand by what they say, so an author reads a
/// hundred groups instead of ten thousand lines.
///
/// Rule-based and explainable: each distinct message, its stop words left out, becomes the
/// matcher's own features (stemmed words, neighbouring pairs, characters of unspaced scripts,
/// and character 3-grams for typos), weighted by how rare they are among the unmatched messages;
/// the most frequent
/// wordings found groups first, and every other wording joins the group whose founder it is most
/// like, when that cosine similarity reaches ``threshold``, or founds its own.
public struct UnmatchedGrouper: Sendable {
    /// How alike (cosine, 0–1) a message must be to a group's founder to join it.
    public var threshold: Double
    /// Words that say little about what a message asks ("can I", "please"): left out.
    public let stopWords: Set<String>
    private let extractor = FeatureExtractor()

    public init(language: String = "en", threshold: Double = 0.5) {
        self.threshold = threshold
        stopWords = StopWords.forLanguage(language)
    }

    /// One message as the log has it.
    public struct Message: Sendable {
        public var text: String
        public var closestIntent: String?
        public var confidence: Double

        public init(text: String, closestIntent: String?, confidence: Double) {
            self.text = text
            self.closestIntent = closestIntent
            self.confidence = confidence
        }
    }

    /// The groups, largest first (ties: alphabetical by representative).
    public func group(_ messages: [Message]) -> [UnmatchedGroup] {
        // Distinct wordings (by their normalised form), with how often each came.
        var index: [String: Int] = [:]
        var wordings: [(key: String, texts: [String: Int], count: Int, first: Message)] = []
        for message in messages {
            let normalized = TextNormalizer.normalize(message.text)
            let words = normalized.tokens.map { normalized.text(of: $0) }
            let meaningful = words.filter { !stopWords.contains($0) }
            // A message of nothing but stop words keeps them: "can I" is still something.
            let key = (meaningful.isEmpty ? words : meaningful).joined(separator: " ")
            guard !key.isEmpty else { continue }
            if let at = index[key] {
                wordings[at].count += 1
                wordings[at].texts[message.text, default: 0] += 1
            } else {
                index[key] = wordings.count
                wordings.append((key, [message.text: 1], 1, message))
            }
        }
        let vectors = weightedVectors(wordings.map(\.key))
        let order = wordings.indices.sorted {
            wordings[$0].count != wordings[$1].count
                ? wordings[$0].count > wordings[$1].count : wordings[$0].key < wordings[$1].key
        }
        var founders: [Int] = []
        var members: [[Int]] = []
        // Which groups' founders hold a feature: only those can be similar enough to join.
        var byFeature: [UInt64: [Int]] = [:]
        for wording in order {
            var best: (group: Int, similarity: Double)?
            var seen: Set<Int> = []
            for feature in vectors[wording].keys {
                for group in byFeature[feature] ?? [] where seen.insert(group).inserted {
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
                closestIntent: founder.first.closestIntent, confidence: founder.first.confidence)
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.representative < $1.representative }
    }

    /// Each wording's features weighted by inverse document frequency (character grams at a
    /// third of a word's weight, so a typo counts but does not decide), normalised to length 1.
    private func weightedVectors(_ keys: [String]) -> [[UInt64: Double]] {
        let raw = keys.map { key -> [UInt64: Double] in
            var vector: [UInt64: Double] = [:]
            for feature in extractor.extract(TextNormalizer.normalize(key)) {
                vector[feature.hash, default: 0] += feature.block == .words ? 1 : 1.0 / 3
            }
            return vector
        }
        var documents: [UInt64: Int] = [:]
        for vector in raw { for feature in vector.keys { documents[feature, default: 0] += 1 } }
        let total = Double(max(1, keys.count))
        return raw.map { vector in
            var weighted = vector
            for (feature, weight) in vector {
                // Smoothed, so that in a small inbox what two wordings share still counts.
                weighted[feature] = weight * (1 + total / Double(documents[feature] ?? 1)).logarithm()
            }
            let length = weighted.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return length > 0 ? weighted.mapValues { $0 / length } : weighted
        }
    }

    private func cosine(_ left: [UInt64: Double], _ right: [UInt64: Double]) -> Double {
        let (small, large) = left.count <= right.count ? (left, right) : (right, left)
        return small.reduce(0) { $0 + $1.value * (large[$1.key] ?? 0) }
    }
}

extension Double {
    /// The natural logarithm, without Foundation.
    fileprivate func logarithm() -> Double {
        // ln(x) = 2 artanh((x-1)/(x+1)), fast enough for IDF weights of a few thousand features.
        guard self > 0 else { return 0 }
        var exponent = 0.0
        var value = self
        while value > 2 {
            value /= 2.718281828459045
            exponent += 1
        }
        let y = (value - 1) / (value + 1)
        var term = y
        var sum = 0.0
        var power = 1.0
        for _ in 0..<30 {
            sum += term / power
            term *= y * y
            power += 2
        }
        return exponent + 2 * sum
    }
}
