/// The English lexicon: general feeling words plus what customers say when a contact centre lets
/// them down (chasing, waiting, threatening to leave) or helps them.
///
/// Words are as ``TextNormalizer`` leaves them: lower-case, apostrophes dropped ("dont", "im").
extension SentimentLexicon {
    static let english = SentimentLexicon(
        entries: group(cues, as: Effect.cue) + group(outcomes, as: Effect.outcome)
            + group(negators, as: Effect.negator) + group(modifiers, as: Effect.modifier)
            + group(afterModifiers, as: Effect.strengthensPrevious) + contrasts.map { ($0, Effect.contrast) },
        classes: classes)

    private static func group(_ groups: [(Double, [String])], as effect: (Double) -> Effect) -> [(
        pattern: String, effect: Effect
    )] {
        groups.flatMap { weight, patterns in patterns.map { ($0, effect(weight)) } }
    }

    private static let classes: [String: Set<String>] = [
        "<n>": [
            "#", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
            "few", "many", "couple", "multiple",
        ],
        "<unit>": ["hour", "hours", "day", "days", "week", "weeks", "month", "months"],
        "<ord>": ["second", "third", "fourth", "fifth", "sixth", "umpteenth", "nth", "2nd", "3rd", "4th", "5th"],
        "<neg>": [
            "not", "no", "never", "nothing", "nobody", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent",
            "hasnt", "havent", "hadnt", "cant", "cannot", "couldnt", "wont", "wouldnt",
        ],
        "<contact>": [
            "asking", "asked", "calling", "called", "writing", "wrote", "contacting", "contacted", "chasing",
        ],
    ]

    private static let cues: [(Double, [String])] = [
        (
            -2.0,
            [
                "worst", "terrible", "horrible", "awful", "disgusting", "disgusted", "disgrace", "disgraceful",
                "unacceptable", "ridiculous", "useless", "pathetic", "outrageous", "appalling", "hate", "furious",
                "scam", "rubbish", "garbage", "incompetent", "shameful", "nightmare", "waste of time",
                "waste of money", "lawyer", "lawyers", "solicitor", "attorney", "legal action", "sue you",
                "consumer protection", "ombudsman", "trading standards", "fraud", "never again",
            ]
        ),
        (
            -1.5,
            [
                "fed up", "sick of", "tired of", "had enough", "losing patience", "lost patience", "is a joke",
                "what a joke", "such a joke", "total joke", "absolute joke",
                "stopped working", "<ord> time", "how many times", "cancel my account", "cancel my subscription",
                "close my account", "cancel my contract", "not what i ordered", "not what i asked for",
                "not as described", "done with you", "report you", "bad review", "still waiting", "been waiting",
            ]
        ),
        (
            -1.2,
            [
                "angry", "annoyed", "annoying", "frustrated", "frustrating", "disappointed", "disappointing", "upset",
                "unhappy", "bad", "poor", "rude",
                "ignored", "ignoring", "ignore", "overcharged", "dangerous", "mess", "ruined",
                "unhelpful", "sucks", "stupid", "shocking", "scammed", "cheated", "misleading", "worse",
                "lied", "liar", "complaint", "complain", "complaining", "nowhere", "dissatisfied", "unreliable",
                "<n> times", "<contact> again", "for no reason", "you people", "money back",
            ]
        ),
        (
            -1.0,
            [
                "manager", "supervisor", "why do i have to",
                "cant believe", "supposed to", "was promised", "were promised", "you promised", "on hold", "seriously",
            ]
        ),
        (
            // What happened, not how the customer feels about it: "my phone was stolen", "I was
            // charged twice" are facts to act on; alone they stay neutral, and they add to anger
            // said in other words.
            -0.3,
            [
                "broken", "broke", "defective", "faulty", "damaged", "cracked", "wrong", "late", "delay", "delays",
                "delayed", "lost", "crash", "crashing", "crashes", "crashed", "failed", "fails", "failure", "stolen",
                "missing", "refused", "blocked", "overheats", "slow", "twice",
            ]
        ),
        (
            -0.8,
            [
                "for <unit>", "for <n> <unit>", "for over <n> <unit>", "for the last <n> <unit>",
                "for the past <n> <unit>",
                "been <n> <unit>", "over <n> <unit>", "for ages", "forever", "hard", "urgent", "urgently", "asap",
                "immediately", "right now", "worried", "confused", "confusing", "stuck",
            ]
        ),
        (-0.6, ["waiting", "worry", "unfortunately", "already"]),
        (-0.3, ["again", "problem", "problems"]),
        (-0.2, ["issue", "issues"]),
        (
            0,
            [
                "good morning", "good afternoon", "good evening", "good day", "best regards", "kind regards",
                "no thanks",
                "no worries", "no rush", "what kind", "which kind", "as good as", "not sure",
            ]
        ),
        (0.6, ["fast", "faster", "quick", "quickly", "early", "fine", "smooth", "smoothly", "easy", "easily", "ok"]),
        (
            1.2,
            [
                "good", "nice", "happy", "glad", "pleased", "satisfied", "helpful", "kind", "friendly", "impressed",
                "appreciate", "appreciated", "thanks", "thank", "thx", "cheers", "super", "well done", "polite",
                "patient", "reliable",
            ]
        ),
        (
            1.6,
            [
                "great", "lovely", "love", "best", "excellent", "amazing", "fantastic", "brilliant", "wonderful",
                "perfect", "perfectly", "awesome", "outstanding", "superb", "delighted", "pleasure", "grateful",
                "thankful", "saved my day", "good job", "great job", "many thanks",
            ]
        ),
    ]

    /// Positive weight when said as is; when negated they are failures, whatever their weight.
    private static let outcomes: [(Double, [String])] = [
        (
            0,
            [
                "work", "arrive", "arrived", "arriving", "come", "came", "received", "receive", "get", "got",
                "answer", "answered", "answering", "reply", "replied", "replying", "respond", "responded", "response",
                "update", "news", "help", "helps", "cares", "care", "happened", "done", "shipped", "delivered",
                "called", "call", "refunded", "load", "loads", "open", "opens", "charge", "turn on", "connect",
            ]
        ),
        (0.3, ["works", "working"]),
        (0.6, ["worked", "helped"]),
        (1.0, ["solved", "resolved", "fixed", "sorted", "sorted out", "solves", "fixes"]),
    ]

    private static let negators: [(Double, [String])] = [
        (
            0,
            [
                "not", "no", "never", "nothing", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "hasnt",
                "havent", "hadnt", "cant", "cannot", "couldnt", "wont", "wouldnt", "without", "neither", "nor",
                "hardly", "barely",
            ]
        ),
        (-0.6, ["nobody", "no one", "noone"]),
        (-1.0, ["still <neg>"]),
    ]

    private static let modifiers: [(Double, [String])] = [
        (
            1.5,
            [
                "very", "really", "so", "extremely", "absolutely", "totally", "completely", "incredibly", "truly",
                "highly", "utterly", "beyond", "too", "such", "deeply", "most",
            ]
        ),
        (
            0.5,
            ["a bit", "a little", "slightly", "somewhat", "kinda", "kind of", "sort of", "a tad", "fairly", "rather"]
        ),
    ]

    private static let afterModifiers: [(Double, [String])] = [(1.5, ["at all", "so much", "a lot", "very much"])]

    private static let contrasts = ["but", "however", "although", "though", "yet"]
}
