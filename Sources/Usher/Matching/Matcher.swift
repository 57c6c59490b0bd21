import Foundation

/// The compiled form of a bot's intents: answers "which intent is this message?" and explains why.
///
/// Everything is derived once, at load time, from the bot's own examples: a vocabulary with
/// TF-IDF weights, a per-intent linear model trained on the examples, the example vectors for
/// nearest-example evidence, and an index of exact patterns. Matching a message never rescans
/// example strings, and the same bot and message always give the same result.
///
/// ```swift
/// let matcher = Matcher(bot: try BotLoader.load(path: "intents"))
/// let result = matcher.match("wher is my ordr")
/// print(result.intent ?? "out of scope", result.confidence)
/// ```
public struct Matcher: Sendable {
    /// How many candidates a result lists (the best and its runner-ups).
    public static let candidateCount = 5
    /// How many words a similarity explanation names.
    public static let explanationWords = 5

    public let intentNames: [String]
    public let threshold: Double
    /// Each intent's own threshold: the bot's, or for an intent that hands off, its higher
    /// `settings.handoff.intent_threshold` (a person's time is costly).
    let thresholds: [Double]
    let vectorizer: Vectorizer
    let scorer: IntentScorer
    let examples: ExampleTable
    let patterns: PatternIndex
    /// The class the bot's out-of-scope examples (`fallback.examples`) train, after the intents;
    /// `nil` when it has none. It competes with the intents, and when it wins the message gets
    /// the fallback.
    let outOfScopeClass: Int?
    /// The bot's regex entities as placeholder words, for features only.
    let placeholders: EntityPlaceholders
    /// Each intent's logistic centre (``confidenceCentre`` moved by how tightly its examples sit
    /// together, ``centre(typicalSimilarity:examples:)``); empty for models other than the linear one.
    let centres: [Double]
    /// The bot's language's negated requests (``NegationRules``).
    let negation: NegationRules
    /// Each (intent, word) whose word some example of the intent has negated, as
    /// ``negationKey(intent:word:)``: "I don't want my card anymore" teaches its intent that
    /// a negated "want" belongs to it, and "my card doesn't work" needs no teaching, since it is a
    /// statement, not a request.
    let taughtNegations: Set<UInt64>
    /// Finds messages that are only entities, which no intent matches unless taught (``EntityOnlyMessages``).
    let entityOnly: EntityOnlyMessages

    /// Compiles `bot`; `model` overrides the choice of scoring model (for experiments and very large bots).
    public init(bot: BotDefinition, model: ModelKind = .automatic) {
        intentNames = bot.intents.map(\.name)
        threshold = bot.settings.threshold
        thresholds = bot.intents.map { intent in
            intent.handoff == nil
                ? bot.settings.threshold : max(bot.settings.threshold, bot.settings.handoff.intentThreshold)
        }
        var classes = bot.intents
        if bot.fallback.examples.isEmpty {
            outOfScopeClass = nil
        } else {
            outOfScopeClass = classes.count
            classes.append(IntentDefinition(name: "(out of scope)", examples: bot.fallback.examples))
        }
        var table = ExampleTable(intents: classes)
        var vectorizer = Vectorizer(language: bot.language)
        let kind = IntentScorer.kind(model, examples: table.intents.count, intents: table.intentCount)
        let placeholders = EntityPlaceholders(entities: bot.entities)
        let texts = table.learningTexts(placeholders)
        let rules = Language.named(bot.language)?.negation ?? .none
        var negatedExamples: [(example: Int, text: NormalizedText, scopes: [NegationRules.Scope])] = []
        let vectors = vectorizer.fit(texts, bytes: texts.reduce(0) { $0 + $1.utf8.count }) { example, text in
            guard !rules.isEmpty else { return }
            let scopes = rules.scopes(in: text, raw: texts[example])
            if !scopes.isEmpty { negatedExamples.append((example, text, scopes)) }
        }
        if kind == .linear {
            table.index(vectors)
            scorer = IntentScorer(training: vectors, examples: table, featureCount: vectorizer.featureCount)
            let counts = scorer.exampleCounts
            centres = table.typicalSimilarities(vectors).enumerated().map { intent, typical in
                Self.centre(typicalSimilarity: typical, examples: Int(counts[intent]))
            }
        } else {
            // The vectors become the table's rows; consuming them frees their full-precision values.
            table.keepRows(consume vectors)
            scorer = IntentScorer(kind: kind, examples: table, featureCount: vectorizer.featureCount)
            centres = []
        }
        self.vectorizer = vectorizer
        self.placeholders = placeholders
        examples = table
        patterns = PatternIndex(intents: bot.intents)
        negation = rules
        // The (intent, word) pairs whose word an example of the intent has in a negated request.
        var taught: Set<UInt64> = []
        for (example, text, scopes) in negatedExamples {
            let intent = Int(table.intents[example])
            for token in scopes.flatMap(\.covered) {
                taught.insert(Self.negationKey(intent: intent, word: vectorizer.wordKey(text, token: token)))
            }
        }
        taughtNegations = taught
        entityOnly = EntityOnlyMessages(language: bot.language)
    }

    /// Whether an example of `intent` is itself only entities ("morgen" for a greeting). Read
    /// when a message is only entities, which is rare, rather than for every example at load
    /// (reading MASSIVE's 11,500 examples so added half of its loading time), and once per intent.
    private func isTaughtEntitiesAlone(_ intent: Int) -> Bool {
        entityOnly.isTaughtAlone(intent) {
            examples.examples(of: intent).contains {
                entityOnly.types(of: examples.example($0).template.literalText, thorough: true) != nil
            }
        }
    }

    static func negationKey(intent: Int, word: UInt64) -> UInt64 {
        word ^ (UInt64(intent) &+ 1) &* 0x9E37_79B9_7F4A_7C15
    }

    /// How many distinct features the bot's examples produced: the size of its vocabulary.
    public var featureCount: Int { vectorizer.featureCount }

    /// The model that scores intents: ``ModelKind/linear`` or, for very large bots, ``ModelKind/bayes``.
    public var modelKind: ModelKind { scorer.kind }

    /// Matches one customer message. Intents whose indices are in `excluded` cannot win (the
    /// dialog excludes intents whose required contexts are not active). With `explain` false the
    /// evidence names the closest example but not the deciding words, which saves work on a
    /// server that does not show them.
    public func match(_ text: String, excluding excluded: Set<Int> = [], explain: Bool = true) -> MatchResult {
        let result = match(text, excluding: excluded, explain: explain, negating: true)
        guard let negation = result.negation, let passedOver = intentIndex(negation.intent) else { return result }
        // The customer asked for the best intent not to be done: the next one may be what they want.
        var next = match(text, excluding: excluded.union([passedOver]), explain: explain, negating: false)
        guard next.intent != nil else { return result }
        next.negation = negation
        return next
    }

    private func intentIndex(_ name: String) -> Int? { intentNames.firstIndex(of: name) }

    /// One match. With `negating` false (the runner-up's match, after the best was passed over) an
    /// intent's examples cannot teach a negation: the runner-up must be decided by words outside
    /// it, or "I don't want to talk to a person" finds another intent in "talk" and "person".
    private func match(_ text: String, excluding excluded: Set<Int>, explain: Bool, negating: Bool) -> MatchResult {
        let normalized = TextNormalizer.normalize(text)
        // Features see the bot's regex entities as their placeholders; patterns see the words.
        let replaced = placeholders.replacing(text)
        let features = replaced.map(TextNormalizer.normalize) ?? normalized
        let vector = vectorizer.vector(features)
        // One more candidate when the out-of-scope class may take a place, so the intents shown
        // are always `candidateCount`.
        let count = Self.candidateCount + (outOfScopeClass == nil ? 0 : 1)
        var ranked = vector.isEmpty ? [] : scorer.ranked(vector, excluding: excluded, count: count)
        // The out-of-scope class decides only when it ranks first; it is never a candidate.
        let declined = outOfScopeClass != nil && ranked.first?.intent == outOfScopeClass
        if let outOfScope = outOfScopeClass {
            ranked.removeAll { $0.intent == outOfScope }
            if ranked.count > Self.candidateCount { ranked.removeLast() }
        }
        if !patterns.isEmpty, let hit = patterns.bestMatch(normalized.words, excluding: excluded) {
            return patternResult(hit, ranked: ranked, negation: negatedPattern(hit, normalized, raw: text))
        }
        if declined, let outOfScope = outOfScopeClass {
            let nearest = examples.nearest(to: vector, in: outOfScope)
            let confidence = ranked.first.map { best in
                self.confidence(
                    score: best.score, nearestSimilarity: examples.nearest(to: vector, in: best.intent).similarity,
                    coverage: vector.wordCoverage, intent: best.intent)
            }
            return MatchResult(
                intent: nil, confidence: confidence ?? 0,
                candidates: ranked.map {
                    MatchResult.Candidate(intent: intentNames[$0.intent], score: Double($0.score))
                },
                evidence: .outOfScope(
                    example: nearest.example.map { examples.example($0).text },
                    exampleOrigin: nearest.example.map { examples.example($0).origin }),
                threshold: threshold, similarity: Double(nearest.similarity), knownWords: Double(vector.wordCoverage),
                centre: ranked.first.flatMap { centre(of: $0.intent) })
        }
        guard let best = ranked.first else {
            // No word the bot knows: none of its word weight is known ("known_words": 1 said all).
            return MatchResult(
                intent: nil, confidence: 0, candidates: [], evidence: .noKnownWords, threshold: threshold,
                knownWords: 0)
        }
        let nearest = examples.nearest(to: vector, in: best.intent)
        let confidence = self.confidence(
            score: best.score, nearestSimilarity: nearest.similarity, coverage: vector.wordCoverage,
            intent: best.intent)
        let evidence = MatchResult.Evidence.similarity(
            example: nearest.example.map { examples.example($0).text },
            exampleOrigin: nearest.example.map { examples.example($0).origin },
            words: explain ? explanation(vector, features, intent: best.intent) : [])
        let required = thresholds[best.intent]
        // The normalised words are never more than the entity reader's tokens: a longer
        // message is passed over before it is read again.
        if confidence >= required, normalized.tokens.count <= EntityOnlyMessages.longestMessage,
            let types = entityOnly.types(of: text), !isTaughtEntitiesAlone(best.intent)
        {
            return MatchResult(
                intent: nil, confidence: confidence,
                candidates: ranked.map {
                    MatchResult.Candidate(intent: intentNames[$0.intent], score: Double($0.score))
                },
                evidence: .onlyEntities(types: types), threshold: required, similarity: Double(nearest.similarity),
                knownWords: Double(vector.wordCoverage), centre: centre(of: best.intent))
        }
        let negated =
            confidence >= required
            ? negatedRequest(vector, features, raw: replaced ?? text, intent: best.intent, taught: negating) : nil
        return MatchResult(
            intent: confidence >= required && negated == nil ? intentNames[best.intent] : nil, confidence: confidence,
            candidates: ranked.map { MatchResult.Candidate(intent: intentNames[$0.intent], score: Double($0.score)) },
            evidence: evidence, threshold: required, similarity: Double(nearest.similarity),
            knownWords: Double(vector.wordCoverage), centre: centre(of: best.intent), negation: negated)
    }

    /// How many of the words that pull most towards an intent a negation is checked against:
    /// the strongest and the next, if it pulls at least half as much ("talk" and "person" of "I
    /// don't want to talk to a person"; "заказ" and "отменяйте").
    static let decidingWords = 2

    /// The negated request that covers a word deciding for `intent` (one of the
    /// ``decidingWords`` strongest) which none of the intent's examples has negated; `nil`
    /// otherwise, and at once for a message without a cue. With `taught` false (the runner-up,
    /// after the best was passed over) the strongest word must stand outside every negated
    /// clause: "I don't want to cancel my order, just change the address" is the address, but
    /// "ich möchte meine Bestellung nicht stornieren" is no other intent of "Bestellung".
    private func negatedRequest(
        _ vector: SparseVector, _ text: NormalizedText, raw: String, intent: Int, taught: Bool
    ) -> MatchResult.Negation? {
        let scopes = negation.scopes(in: text, raw: raw)
        guard !scopes.isEmpty else { return nil }
        let (byWord, firstWithText) = pulls(vector, text, intent: intent)
        let strongest = byWord.indices.filter { byWord[$0] > 0 }.sorted { byWord[$0] > byWord[$1] }
        guard taught else {
            guard let word = strongest.first,
                let scope = scopes.first(where: { $0.clause.contains { firstWithText[$0] == word } })
            else { return nil }
            return negation(of: word, by: scope, in: text, intent: intent)
        }
        for word in strongest.prefix(Self.decidingWords) where byWord[word] >= byWord[strongest[0]] / 2 {
            guard let scope = scopes.first(where: { $0.covered.contains { firstWithText[$0] == word } }),
                !taughtNegations.contains(Self.negationKey(intent: intent, word: vectorizer.wordKey(text, token: word)))
            else { continue }
            return negation(of: word, by: scope, in: text, intent: intent)
        }
        return nil
    }

    /// The negated request that covers a literal word of the pattern that matched, unless the
    /// pattern's own words hold the cue: "* mit einem menschen sprechen *" does not match "ich
    /// möchte nicht mit einem Menschen sprechen", but a pattern "* nicht * stornieren *" would.
    private func negatedPattern(_ hit: PatternIndex.Hit, _ text: NormalizedText, raw: String) -> MatchResult.Negation? {
        let scopes = negation.scopes(in: text, raw: raw)
        guard !scopes.isEmpty else { return nil }
        let literals = Set(TextNormalizer.normalize(hit.compiled.pattern.source).words)
        for scope in scopes {
            guard !scope.cue.contains(where: { literals.contains(text.text(of: text.tokens[$0])) }) else { continue }
            if let word = scope.covered.first(where: { literals.contains(text.text(of: text.tokens[$0])) }) {
                return negation(of: word, by: scope, in: text, intent: hit.compiled.intent)
            }
        }
        return nil
    }

    private func negation(
        of word: Int, by scope: NegationRules.Scope, in text: NormalizedText, intent: Int
    ) -> MatchResult.Negation {
        MatchResult.Negation(
            intent: intentNames[intent], word: placeholders.display(text.text(of: text.tokens[word])),
            cue: scope.cue.map { text.text(of: text.tokens[$0]) }.joined(
                separator: text.tokens[scope.cue.lowerBound].kind == .character ? "" : " "))
    }

    /// Confidence blends the model's score (how well this intent fits against all others) with
    /// the cosine to the closest example (how much the message looks like anything the intent was
    /// taught): an out-of-scope message may win the first but rarely the second. The blend loses
    /// ``coverageWeight`` × the share of the message's word weight the bot never saw (issue 14:
    /// out-of-scope messages bring words of other topics), and is mapped through a logistic curve
    /// whose centre is the intent's own (``centre(typicalSimilarity:examples:)``), so that 0.5 is
    /// the default threshold. The constants were chosen on CLINC150's validation and out-of-scope
    /// sets with MASSIVE's and BANKING77's as constraints (see docs/matching.md). Naive Bayes and
    /// centroid scores are not margins, so those models use the cosine alone.
    ///
    /// However well a message scores, confidence never exceeds `similarity / full`, where `full`
    /// is ``similarityForFullConfidence(examples:)``: 0.3 for an intent of up to 20 examples (a
    /// message less than 0.15 similar to every example stays below the default threshold), less
    /// for an intent taught by more. Small bots need the cap, as their scores spread less; but an
    /// intent of hundreds of examples has a score that says more, and there the old cap of 0.3
    /// declined short in-scope messages that share few features with any one example (issue 13:
    /// 0.7 to 1.5 points of MASSIVE val in every language; CLINC150's out-of-scope recall lost
    /// one message of oos_val's hundred, the example bot's validation set none).
    static func confidence(
        score: Float, nearestSimilarity: Float, model: ModelKind, examples: Int = 0, coverage: Float = 1,
        centre: Double = confidenceCentre
    ) -> Double {
        let blend =
            model == .linear
            ? Double(score + nearestSimilarity) / 2 - coverageWeight * Double(1 - coverage) : Double(nearestSimilarity)
        let curve = 1 / (1 + exp(-confidenceSlope * (blend - (model == .linear ? centre : bayesConfidenceCentre))))
        return max(0, min(curve, Double(nearestSimilarity) / similarityForFullConfidence(examples: examples)))
    }

    /// The centre of `intent`'s confidence curve, for models that have one per intent.
    func centre(of intent: Int) -> Double? { centres.isEmpty ? nil : centres[intent] }

    /// The confidence of `intent`, the best of this bot's intents, with its own centre.
    func confidence(score: Float, nearestSimilarity: Float, coverage: Float, intent: Int) -> Double {
        Self.confidence(
            score: score, nearestSimilarity: nearestSimilarity, model: scorer.kind,
            examples: Int(scorer.exampleCounts[intent]), coverage: coverage,
            centre: centres.isEmpty ? Self.confidenceCentre : centres[intent])
    }

    /// An intent's logistic centre: ``confidenceCentre`` plus ``tightnessWeight`` × (how much
    /// more similar its examples are to each other than ``usualTypicalSimilarity``), that
    /// difference shrunk towards 0 for intents of few examples (n / (n + ``tightnessPrior``)).
    /// An intent whose examples sit close together (CLINC150's "what is my balance") asks more of
    /// a message than one whose examples are loosely related (MASSIVE's catch-all `general_quirky`),
    /// whose in-scope messages look like nothing in particular.
    static func centre(typicalSimilarity: Float?, examples: Int) -> Double {
        guard let typical = typicalSimilarity else { return confidenceCentre }
        let weight = Double(examples) / (Double(examples) + tightnessPrior)
        return confidenceCentre + tightnessWeight * weight * (Double(typical) - usualTypicalSimilarity)
    }

    /// `0.15 · (1 + min(1, 20 / examples))`: 0.3 up to 20 examples, 0.18 at 100, 0.16 at 250.
    static func similarityForFullConfidence(examples: Int) -> Double {
        0.15 * (1 + min(1, 20 / Double(max(examples, 1))))
    }

    static let confidenceSlope = 6.0
    static let confidenceCentre = -0.30
    static let bayesConfidenceCentre = 0.27
    /// How far a message's unknown words lower its blend: 0.3 × the share of its word weight the
    /// bot never saw.
    static let coverageWeight = 0.3
    /// How far an intent's centre moves per point of typical similarity above or below ``usualTypicalSimilarity``.
    static let tightnessWeight = 0.75
    static let usualTypicalSimilarity = 0.6
    /// The number of examples at which an intent's own typical similarity counts for half.
    static let tightnessPrior = 20.0

    private func patternResult(
        _ hit: PatternIndex.Hit, ranked: [(intent: Int, score: Float)], negation: MatchResult.Negation?
    ) -> MatchResult {
        let intent = hit.compiled.intent
        let others = ranked.filter { $0.intent != intent }.prefix(Self.candidateCount - 1)
        let score = ranked.first { $0.intent == intent }.map { Double($0.score) } ?? 1
        let candidates =
            [MatchResult.Candidate(intent: intentNames[intent], score: score)]
            + others.map { MatchResult.Candidate(intent: intentNames[$0.intent], score: Double($0.score)) }
        return MatchResult(
            intent: negation == nil ? intentNames[intent] : nil, confidence: 1, candidates: candidates,
            evidence: .pattern(
                source: hit.compiled.pattern.source, origin: hit.compiled.pattern.origin, captures: hit.captures),
            threshold: threshold, negation: negation)
    }

    /// The message's words that pulled most towards `intent`, strongest first (the word that
    /// sorts first on a tie): each token's features' value × weight, summed over every token with
    /// the same text. Words are ranked by their pull before any becomes a string; only when two
    /// pull exactly alike must their words be compared, and only then are all of them made.
    private func explanation(_ vector: SparseVector, _ text: NormalizedText, intent: Int) -> [MatchResult.WordWeight] {
        let (byWord, firstWithText) = pulls(vector, text, intent: intent)
        let ranked = text.tokens.indices.filter { firstWithText[$0] == $0 && abs(byWord[$0]) >= 0.005 }
            .sorted { byWord[$0] > byWord[$1] }
        if zip(ranked, ranked.dropFirst()).contains(where: { byWord[$0] == byWord[$1] }) {
            return ranked.map { (word: placeholders.display(text.text(of: text.tokens[$0])), weight: byWord[$0]) }
                .sorted { ($0.weight, $1.word) > ($1.weight, $0.word) }
                .prefix(Self.explanationWords)
                .map { MatchResult.WordWeight(word: $0.word, weight: Double($0.weight)) }
        }
        return ranked.prefix(Self.explanationWords).map { token in
            MatchResult.WordWeight(
                word: placeholders.display(text.text(of: text.tokens[token])), weight: Double(byWord[token]))
        }
    }

    /// How much each word of the message pulls towards `intent`: per token, its features' value ×
    /// weight, summed into the first token with the same text (`firstWithText`), which alone
    /// holds the word's sum in `byWord`.
    private func pulls(_ vector: SparseVector, _ text: NormalizedText, intent: Int) -> (
        byWord: [Float], firstWithText: [Int]
    ) {
        var byToken = [Float](repeating: 0, count: text.tokens.count)
        for offset in vector.ids.indices {
            byToken[Int(vector.tokens[offset])] +=
                vector.values[offset] * scorer.weight(feature: vector.ids[offset], intent: intent)
        }
        // Each token adds its weight to the first token with the same text (compared directly in
        // short messages, through a dictionary in long ones, to stay linear).
        var firstWithText = Array(text.tokens.indices)
        if text.tokens.count <= 32 {
            for later in text.tokens.indices {
                let range = text.tokens[later].range
                let bytes = text.utf8[range]
                if let earlier = (0..<later).first(where: {
                    text.tokens[$0].range.count == range.count && text.utf8[text.tokens[$0].range].elementsEqual(bytes)
                }) {
                    firstWithText[later] = earlier
                }
            }
        } else {
            var seen: [ArraySlice<UInt8>: Int] = [:]
            for token in text.tokens.indices {
                firstWithText[token] = seen[text.utf8[text.tokens[token].range], default: token]
                seen[text.utf8[text.tokens[token].range]] = firstWithText[token]
            }
        }
        var byWord = [Float](repeating: 0, count: text.tokens.count)
        for token in text.tokens.indices { byWord[firstWithText[token]] += byToken[token] }
        return (byWord, firstWithText)
    }
}
