/// English: the language every part of Usher spoke first. Its entity grammar is the one the
/// extractors always had; this file holds its words.
extension Language {
    static let english = Language(
        tag: .english, folding: .none,
        numbers: NumberWords(
            grammar: .english,
            values: [
                "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
            ],
            multipliers: ["hundred": 100], joiners: ["and"], articles: ["a": 1, "an": 1],
            scales: ["hundred": 2, "thousand": 3, "k": 3, "million": 6, "mln": 6, "billion": 9, "bn": 9]),
        calendar: englishCalendar,
        currencies: [
            "dollar": "USD", "dollars": "USD", "buck": "USD", "bucks": "USD", "euro": "EUR", "euros": "EUR",
            "pound": "GBP", "pounds": "GBP", "quid": "GBP", "yen": "JPY", "rupee": "INR", "rupees": "INR",
        ],
        yes: [
            "yes", "yeah", "yep", "y", "correct", "right", "sure", "ok", "okay", "confirm", "yup", "sounds good",
            "go ahead", "that s right", "thats right",
        ],
        no: ["no", "nope", "n", "wrong"],
        contrast: ["but", "however", "except"],
        dontKnow: ["dont know", "do not know", "no idea", "cant remember", "dont remember", "no clue"],
        acknowledgements: [
            "ok", "okay", "okey", "k", "kk", "ok ok", "sure", "fine", "alright", "all right", "got it", "i see",
            "understood", "right", "hmm", "hm", "uh huh", "cool", "im good", "i am good", "all good",
        ],
        thanks: [
            "thanks", "thank you", "thx", "ty", "many thanks", "thanks a lot", "thank you so much", "thanks anyway",
            "thank you anyway", "cheers",
        ],
        cancelPhrases: [
            "cancel", "cancel that", "cancel it", "cancel please", "please cancel", "never mind", "nevermind",
            "forget it", "forget about it", "stop", "stop it", "abort", "quit", "i changed my mind", "changed my mind",
            "no thanks", "no thank you", "nothing", "nvm",
        ],
        switchPhrases: ["instead", "instead of that", "rather than that"],
        leaveQueuePhrases: [
            "leave the queue", "leave this queue", "stop waiting", "without an agent", "no agent needed",
            "dont want an agent", "do not want an agent", "dont need an agent", "do not need an agent",
            "dont want a human", "do not want a human", "dont need a human", "do not need a human", "cancel the agent",
            "dont want to wait any longer", "do not want to wait any longer", "dont want to wait anymore",
            "wont wait any longer", "will not wait any longer", "not waiting any longer", "not waiting anymore",
            "call back later", "ill call back", "i will call back", "try again later", "come back later", "i found it",
            "no longer needed", "not needed anymore", "no longer need an agent",
        ],
        negation: NegationRules(
            cues: ["dont", "do not", "no need to"], carriers: ["want", "need", "wish"], links: ["to"],
            statementVerbs: [
                "know", "understand", "remember", "recognise", "recognize", "recall", "think", "see", "get", "have",
                "like", "care", "feel", "seem", "believe", "agree", "forget", "mind", "worry", "find", "hear", "trust",
            ],
            skips: ["please", "really", "even", "ever", "you"], boundaries: ["but", "instead", "and", "rather"],
            subjects: ["i", "we"], openingCueIsRequest: true),
        goodbyePhrases: [
            "bye", "bye bye", "goodbye", "good bye", "ok bye", "okay bye", "bye then", "bye for now", "thanks bye",
            "thank you bye", "thanks goodbye", "see you", "see ya", "cya", "ciao", "farewell", "gotta go",
            "i have to go", "i need to go", "i have to go now", "i am leaving", "im leaving", "i give up",
        ],
        sentiment: .english, keyPhraseSkips: StopWords.english.union(englishFillers),
        messages: BuiltInMessages(
            cancelReply: "Okay, I have stopped that. What else can I help you with?",
            busy: "I am still working on your last request; one moment, please. Say cancel to stop it.",
            confirmationDenied: "What should I change? Tell me the new value, or say cancel.",
            resumed: "Back to your earlier request.",
            leftQueue: "Okay, you have left the queue. How else can I help?",
            leftQueueGoodbye: "You have left the queue. Write again if you still need help.",
            droppedFromQueue: { minutes in
                "You were taken out of the queue because we had not heard from you for \(minutes) minute\(minutes == 1 ? "" : "s"). If you still need a person, just ask again."
            },
            handoff: "I'm passing you to a colleague who can help. Please stay in this chat.",
            agentJoined: { agent in
                agent.map { "You are now talking to \($0)." } ?? "You are now talking to an agent."
            },
            released: "You are back with the virtual assistant. How else can I help?",
            closed: "This conversation is closed. Thank you for contacting us.",
            queuedWithoutAgent: { position in
                "You are number \(position) in the queue. No agent is available right now; you will stay in the queue until one is."
            },
            queued: { position, minutes in
                let time =
                    minutes <= 0
                    ? "an agent will be with you shortly"
                    : "the estimated wait is about \(minutes) minute\(minutes == 1 ? "" : "s")"
                return "You are number \(position) in the queue; \(time)."
            },
            transferred: { queue in "You are being transferred to \(queue). " },
            agentNotes: AgentNotes(
                notUnderstood: "The bot did not understand the customer: read the transcript and ask what they need.",
                valueNotGiven: "The customer could not give a value the bot asked for: ask for it in your own words.",
                upset: "The customer is upset: acknowledge the problem before anything else.",
                askedTwice: "The customer asked the same thing twice: answer that first.",
                historyUnreadable:
                    "The bot's record of this conversation cannot be read, so there is no transcript: ask what they need.",
                transferred: { agent, queue in
                    "Transferred by \(agent) from \(queue): read their lines in the transcript before you ask anything."
                },
                detailsGiven: { slots in "Use the details already given (\(slots)); don't ask again." })))

    /// Words customers use around a problem rather than to name it.
    private static let englishFillers: Set<String> = [
        "hi", "hello", "hey", "thanks", "thank", "ok", "okay", "yes", "yeah", "no", "not", "dont", "doesnt", "didnt",
        "isnt", "cant", "wont", "havent", "hasnt", "still", "already", "now", "yet", "even", "really", "well", "much",
        "many", "lot", "want", "need", "like", "know", "get", "got", "tell", "told", "help", "let", "way", "thing",
        "things", "something", "anything", "anyone", "someone", "one", "how", "when", "where", "why", "never",
        "today", "time", "times", "again", "youre", "thats", "theres", "whats", "hes", "shes", "weve", "theyre",
        "wasnt", "arent", "werent", "cannot", "cheers", "sorry", "day", "back", "make", "makes", "made", "go", "goes",
        "going", "went", "say", "said", "see", "try", "tried", "trying", "use", "used", "put", "take", "took", "give",
        "gave", "keep", "keeps", "think", "seems", "feel", "look", "looks", "right", "sure", "able",
    ]

    private static let englishCalendar = CalendarVocabulary(
        relativeDays: PhraseTable(
            [
                "today": 0, "tomorrow": 1, "yesterday": -1, "the day after tomorrow": 2, "day after tomorrow": 2,
                "the day before yesterday": -2, "day before yesterday": -2, "tonight": 0, "this morning": 0,
                "this afternoon": 0, "this evening": 0,
            ], folding: .none),
        weekdays: PhraseTable(
            ["monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7],
            folding: .none),
        weekdayModifiers: PhraseTable(
            ["next": .next, "last": .last, "past": .last, "previous": .last, "this": .this, "coming": .this],
            folding: .none),
        months: PhraseTable(
            [
                "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
                "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
                "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
            ], folding: .none),
        units: PhraseTable(
            [
                "day": .day, "days": .day, "week": .week, "weeks": .week, "month": .month, "months": .month,
                "year": .year, "years": .year,
            ], folding: .none),
        spanPrefixes: PhraseTable(["in": 1], folding: .none),
        spanSuffixes: PhraseTable(["ago": -1, "from now": 1], folding: .none),
        yearWords: PhraseTable([:], folding: .none),
        namedTimes: PhraseTable(["noon": 12 * 60, "midday": 12 * 60, "midnight": 0], folding: .none),
        hourWords: PhraseTable(["o clock": 0, "oclock": 0, "o ' clock": 0, "o \u{2019} clock": 0], folding: .none),
        minuteWords: PhraseTable([:], folding: .none),
        // "am" and "pm" (and "a.m.") are the clock reader's, which knows their forms and hours.
        dayParts: PhraseTable(
            ["in the morning": 0, "in the afternoon": 12, "in the evening": 12, "at night": 12], folding: .none),
        dayOrdinals: PhraseTable(englishDayOrdinals, folding: .none), ordinalEndings: ["st", "nd", "rd", "th"],
        bareDayBefore: ["the"],
        bareDayFollowers: [
            "at", "and", "or", "please", "then", "instead", "by", "before", "after", "around", "in", "is", "was",
            "would", "will", "works", "if", "but", "so", "because", "too", "maybe", "ok", "okay", "thanks", "thank",
        ],
        placeWords: [
            "on", "by", "until", "till", "til", "before", "after", "from", "since", "the", "of", "at", "for", "to",
            "around", "in",
        ])

    /// "first" to "thirty-first": "twenty-first" is also written "twenty first" and "twentyfirst".
    private static let englishDayOrdinals: [String: Int] = {
        let firstNineteen = [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        ]
        var table = Dictionary(uniqueKeysWithValues: firstNineteen.enumerated().map { ($1, $0 + 1) })
        table["twentieth"] = 20
        table["thirtieth"] = 30
        for (tens, value) in [("twenty", 20), ("thirty", 30)] {
            for (offset, unit) in firstNineteen.prefix(9).enumerated() where value + offset + 1 <= 31 {
                for joined in [tens + " " + unit, tens + " - " + unit, tens + unit] {
                    table[joined] = value + offset + 1
                }
            }
        }
        return table
    }()
}
