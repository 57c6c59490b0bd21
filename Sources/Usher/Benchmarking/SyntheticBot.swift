/// Generates large bots and matching customer messages for benchmarks, deterministically.
///
/// Each intent gets topic words of its own (an action, a thing, a detail), made up from
/// syllables, and its examples put them into the sentence frames customers use ("how do I …
/// my …", "I want to … the …"), as real intents put their key terms into common phrasing.
/// Queries are new sentences built the same way, a quarter of them with a typo, so matching
/// them exercises the same paths as real traffic.
///
/// ```swift
/// let generator = SyntheticBot(intents: 10_000, examplesPerIntent: 20)
/// let bot = generator.bot()
/// let messages = generator.messages(1_000)
/// ```
public struct SyntheticBot: Sendable {
    public let intents: Int
    public let examplesPerIntent: Int
    public let seed: UInt64
    static let topicWordsPerIntent = 4  // an action, a thing and two details

    public init(intents: Int, examplesPerIntent: Int, seed: UInt64 = 42) {
        self.intents = intents
        self.examplesPerIntent = examplesPerIntent
        self.seed = seed
    }

    public func bot() -> BotDefinition {
        var random = SeededRandom(seed: seed)
        let topics = topicWords(&random)
        let definitions = (0..<intents).map { intent in
            IntentDefinition(
                name: "intent_\(intent)",
                examples: (0..<examplesPerIntent).map { _ in Example(sentence(topics[intent], &random)) },
                responses: [Template(segments: [.text("Answer \(intent).")])])
        }
        return BotDefinition(intents: definitions)
    }

    /// `count` new messages, each with the intent it was written for.
    public func messages(_ count: Int) -> [LabelledUtterance] {
        var random = SeededRandom(seed: seed)
        let topics = topicWords(&random)
        var messageRandom = SeededRandom(seed: seed ^ 0x5EED)
        return (0..<count).map { _ in
            let intent = messageRandom.next(below: intents)
            var text = sentence(topics[intent], &messageRandom)
            if messageRandom.next(below: 4) == 0 { text = typo(text, &messageRandom) }
            return LabelledUtterance(text: text, intent: "intent_\(intent)")
        }
    }

    private func topicWords(_ random: inout SeededRandom) -> [[String]] {
        (0..<intents).map { _ in (0..<Self.topicWordsPerIntent).map { _ in madeUpWord(&random) } }
    }

    private func sentence(_ topics: [String], _ random: inout SeededRandom) -> String {
        let frame = Self.frames[random.next(below: Self.frames.count)]
        return frame.split(separator: " ").map { word -> String in
            switch word {
            case "A": topics[0]
            case "T": topics[1]
            case "D": topics[2 + random.next(below: topics.count - 2)]
            default: String(word)
            }
        }.joined(separator: " ")
    }

    private func madeUpWord(_ random: inout SeededRandom) -> String {
        let syllables = 2 + random.next(below: 2)
        return (0..<syllables).map { _ in
            Self.consonants[random.next(below: Self.consonants.count)]
                + Self.vowels[random.next(below: Self.vowels.count)]
        }.joined()
    }

    private func typo(_ text: String, _ random: inout SeededRandom) -> String {
        var characters = Array(text)
        let position = random.next(below: characters.count)
        if characters[position] != " " { characters.remove(at: position) }
        return String(characters)
    }

    static let consonants = [
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh", "tr", "pl",
    ]
    static let vowels = ["a", "e", "i", "o", "u", "ai", "ou"]
    /// Sentence frames: A is the intent's action, T its thing, D one of its details.
    static let frames = [
        "how do i A my T", "i want to A the T", "can you help me A my T", "i need to A T D",
        "please A my T", "is it possible to A the D T", "why can't i A my T", "A T", "help with A T",
        "i would like to A my T today", "how long does it take to A a T", "what do i need to A my D T",
        "can i A T online", "where can i A my T", "my T needs to A", "i tried to A my T but it failed",
        "is there a fee to A the T", "who can A my D T", "when will you A my T", "A D T please",
    ]
}

/// A small deterministic generator (SplitMix64), so generated bots are the same on every run and platform.
struct SeededRandom: Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
