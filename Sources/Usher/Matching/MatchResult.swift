/// What the matcher made of one message, and why.
///
/// `intent` is `nil` when the best candidate's confidence is below the bot's threshold: the
/// message is out of scope and gets the fallback. The best candidate is still reported, so an
/// author can see what nearly matched.
public struct MatchResult: Sendable, Equatable {
    /// An intent and the model's score for it: comparable between candidates of one message,
    /// roughly 1 for a clear match and 0 or below for none.
    public struct Candidate: Sendable, Equatable {
        public var intent: String
        public var score: Double

        public init(intent: String, score: Double) {
            self.intent = intent
            self.score = score
        }
    }

    /// A word of the message and how much it pulled towards the chosen intent (negative: away from it).
    public struct WordWeight: Sendable, Equatable {
        public var word: String
        public var weight: Double

        public init(word: String, weight: Double) {
            self.word = word
            self.weight = weight
        }
    }

    /// A negated request that kept an intent from matching: a word deciding for it stood in the
    /// scope of a negation ("cancel" after "don't"), and none of the intent's examples says it
    /// negated.
    public struct Negation: Sendable, Equatable {
        /// The intent the negation kept from matching.
        public var intent: String
        /// The word, as the message has it after normalisation.
        public var word: String
        /// The cue that negated it ("dont", "nicht", "不要").
        public var cue: String

        public init(intent: String, word: String, cue: String) {
            self.intent = intent
            self.word = word
            self.cue = cue
        }
    }

    /// What decided the match.
    public enum Evidence: Sendable, Equatable {
        /// An exact rule matched; captures hold the words each `{slot}` took.
        case pattern(source: String, origin: DefinitionOrigin, captures: [String: String])
        /// Similarity to the intent's examples: the closest example and the words that counted most.
        case similarity(example: String?, exampleOrigin: DefinitionOrigin?, words: [WordWeight])
        /// The message had no word the bot knows.
        case noKnownWords
        /// The message was closest to the bot's out-of-scope examples (`fallback.examples`),
        /// above every intent: the closest of them.
        case outOfScope(example: String?, exampleOrigin: DefinitionOrigin?)
        /// The message was only entities of these types and the words that place them ("bis zum
        /// 5.", "5/12"), which say no request, and no example of the best intent is like that
        /// (``EntityOnlyMessages``): the best intent's confidence is reported, but it is not chosen.
        case onlyEntities(types: [String])
    }

    /// The chosen intent, or `nil` when out of scope.
    public var intent: String?
    /// How sure the matcher is of the best candidate, in [0, 1], whether or not it passed the threshold.
    public var confidence: Double
    /// The best candidates, best first (the first is the chosen intent when there is one).
    public var candidates: [Candidate]
    public var evidence: Evidence
    /// The threshold the confidence was compared with.
    public var threshold: Double
    /// The cosine similarity between the message and the closest example of the best intent, in [0, 1].
    public var similarity: Double
    /// The share of the message's word weight that the bot's examples have (1: every word known).
    public var knownWords: Double
    /// The centre of the best intent's confidence curve: where the blend of its score and
    /// similarity gives 0.5. `nil` when the confidence did not come from that curve (a pattern,
    /// or a model other than the linear one).
    public var centre: Double?
    /// Set when the best intent was confident enough but the message asked for it *not* to be
    /// done. `intent` is then the next intent, when that one is confident enough on its own ("I
    /// don't want to cancel, just change the address"), and `nil` otherwise.
    public var negation: Negation?

    public init(
        intent: String?, confidence: Double, candidates: [Candidate], evidence: Evidence, threshold: Double,
        similarity: Double = 0, knownWords: Double = 1, centre: Double? = nil, negation: Negation? = nil
    ) {
        self.intent = intent
        self.confidence = confidence
        self.candidates = candidates
        self.evidence = evidence
        self.threshold = threshold
        self.similarity = similarity
        self.knownWords = knownWords
        self.centre = centre
        self.negation = negation
    }

    /// The runner-up intents (every candidate after the best).
    public var runnerUps: ArraySlice<Candidate> { candidates.dropFirst() }
}
