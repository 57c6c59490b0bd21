/// Generates large bots shaped like real FAQ bots that grew one intent per product, plan or
/// branch: real customer utterances, shared by many intents, told apart by one rare word.
///
/// Intent `i` takes the topic `i mod topics` of the labelled utterances it is given (BANKING77's
/// categories, say) and a made-up name of its own ("zorvik"). Its examples are utterances of its
/// topic with that name put in, the way a customer names the product ("... for my zorvik card",
/// "zorvik: ..."); so a hundred intents share every word of their examples but one. Messages are
/// utterances of the topic that no example used, with the intent's name put in the same ways.
/// This is the shape that naive Bayes and per-intent scans handle badly, which
/// ``SyntheticBot``'s made-up sentences hide.
///
/// ```swift
/// let generator = RealisticBot(utterances: train, intents: 10_000, examplesPerIntent: 20)
/// let bot = generator.bot()
/// let messages = generator.messages(5_000)
/// ```
public struct RealisticBot: Sendable {
    public let intents: Int
    public let examplesPerIntent: Int
    public let seed: UInt64
    /// Per topic, the utterances examples are drawn from and those messages are drawn from.
    private let examplePools: [[String]]
    private let messagePools: [[String]]

    /// `utterances` must carry intents (topics); a fifth of each topic is kept for messages.
    public init(utterances: [LabelledUtterance], intents: Int, examplesPerIntent: Int, seed: UInt64 = 42) {
        self.intents = intents
        self.examplesPerIntent = examplesPerIntent
        self.seed = seed
        var topics: [String: Int] = [:]
        var pools: [[String]] = []
        for utterance in utterances {
            guard let topic = utterance.intent else { continue }
            let index = topics[topic] ?? pools.count
            if index == pools.count {
                topics[topic] = index
                pools.append([])
            }
            pools[index].append(utterance.text)
        }
        examplePools = pools.map { Array($0.prefix($0.count - $0.count / 5)) }
        messagePools = pools.map { Array($0.suffix(max(1, $0.count / 5))) }
    }

    public func bot() -> BotDefinition {
        var random = SeededRandom(seed: seed)
        let names = Self.names(intents, &random)
        let definitions = (0..<intents).map { intent in
            let pool = examplePools[intent % examplePools.count]
            return IntentDefinition(
                name: "\(names[intent])_\(intent)",
                examples: (0..<examplesPerIntent).map { _ in
                    Example(Self.naming(pool[random.next(below: pool.count)], names[intent], &random))
                },
                responses: [Template(segments: [.text("Answer \(intent).")])])
        }
        return BotDefinition(intents: definitions)
    }

    /// `count` messages no example was made from, each with the intent it was written for.
    public func messages(_ count: Int) -> [LabelledUtterance] {
        var random = SeededRandom(seed: seed)
        let names = Self.names(intents, &random)
        var messageRandom = SeededRandom(seed: seed ^ 0x5EED)
        return (0..<count).map { _ in
            let intent = messageRandom.next(below: intents)
            let pool = messagePools[intent % messagePools.count]
            let text = Self.naming(pool[messageRandom.next(below: pool.count)], names[intent], &messageRandom)
            return LabelledUtterance(text: text, intent: "\(names[intent])_\(intent)")
        }
    }

    /// The utterance with the product's name put in where customers put it.
    private static func naming(_ utterance: String, _ name: String, _ random: inout SeededRandom) -> String {
        let text = utterance.hasSuffix("?") || utterance.hasSuffix(".") ? String(utterance.dropLast()) : utterance
        switch random.next(below: 4) {
        case 0: return "\(name): \(text)"
        case 1: return "\(text) for my \(name)"
        case 2: return "\(text) with \(name)"
        default: return "\(name) \(text)"
        }
    }

    /// Distinct made-up names (two to four syllables), one per intent.
    private static func names(_ count: Int, _ random: inout SeededRandom) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        names.reserveCapacity(count)
        while names.count < count {
            let syllables = 2 + random.next(below: 3)
            let name = (0..<syllables).map { _ in
                SyntheticBot.consonants[random.next(below: SyntheticBot.consonants.count)]
                    + SyntheticBot.vowels[random.next(below: SyntheticBot.vowels.count)]
            }.joined()
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }
}
