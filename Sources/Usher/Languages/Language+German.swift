/// German: numbers written as one word ("fünfundzwanzig"), dates as "5. März" and "am
/// nächsten Montag", spans with "in" and "vor" and a dative plural ("vor 3 Tagen"), times with
/// "Uhr". Umlauts and ß fold, so "naechsten" needs its own entry but "nachsten" does not.
extension Language {
    static let german = Language(
        tag: .german, folding: .german,
        numbers: NumberWords(
            grammar: .compound,
            values: [
                "null": 0, "eins": 1, "ein": 1, "eine": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5,
                "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
                "zwoelf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "fuenfzehn": 15, "sechzehn": 16,
                "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "dreissig": 30,
                "vierzig": 40, "fünfzig": 50, "fuenfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
                "neunzig": 90,
            ],
            multipliers: ["hundert": 100, "tausend": 1000], joiners: ["und"],
            articles: ["ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1],
            scales: [
                "hundert": 2, "tausend": 3, "tsd": 3, "million": 6, "millionen": 6, "mio": 6, "milliarde": 9,
                "milliarden": 9, "mrd": 9,
            ],
            abbreviations: ["tsd", "mio", "mrd"], halves: ["anderthalb", "eineinhalb"]),
        calendar: germanCalendar,
        currencies: [
            "euro": "EUR", "euros": "EUR", "eur": "EUR", "dollar": "USD", "franken": "CHF", "fr": "CHF",
            "pfund": "GBP", "rubel": "RUB", "yen": "JPY",
        ],
        yes: [
            "ja", "jawohl", "genau", "richtig", "korrekt", "stimmt", "klar", "okay", "ok", "gerne", "bestätigen",
            "passt", "jo", "jep", "jup", "einverstanden", "in ordnung",
        ],
        no: ["nein", "falsch", "nee", "ne", "nö"],
        contrast: ["aber", "jedoch", "allerdings"],
        dontKnow: ["weiss nicht", "weiss ich nicht", "keine ahnung", "erinnere mich nicht"],
        acknowledgements: [
            "ok", "okay", "alles", "alles klar", "gut", "na gut", "klar", "verstehe", "verstanden", "aha", "hm",
            "sicher",
            "in ordnung", "passt",
        ],
        thanks: [
            "danke", "danke schön", "danke schon", "dankeschön", "danke sehr", "vielen dank", "herzlichen dank",
            "danke trotzdem", "trotzdem danke",
        ],
        cancelPhrases: [
            "abbrechen", "abbruch", "stopp", "stop", "vergiss es", "vergessen sie es", "egal", "schon gut",
            "nicht mehr", "ich habe es mir anders überlegt", "doch nicht", "nein danke", "nichts", "lass es",
        ],
        switchPhrases: ["stattdessen", "statt dessen", "anstatt dessen", "doch lieber", "lieber doch"],
        leaveQueuePhrases: [
            "warteschlange verlassen", "nicht mehr warten", "nicht warten", "ohne mitarbeiter",
            "brauche keinen mitarbeiter", "will keinen mitarbeiter", "möchte keinen mitarbeiter",
            "brauche keinen menschen", "will keinen menschen", "möchte keinen menschen", "rufe später an",
            "melde mich später", "versuche es später", "nicht mehr nötig", "hat sich erledigt", "schon erledigt",
        ],
        negation: NegationRules(
            cues: ["nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie"],
            carriers: [
                "möchte", "möchten", "moechte", "will", "wollen", "brauche", "brauchen", "bitte", "muss", "müssen",
                "soll", "sollen",
            ],
            verbEndings: ["en", "ern", "eln"],
            statementVerbs: ["weiss", "weiß", "verstehe", "kenne", "erinnere", "finde", "sehe", "vergessen"],
            skips: ["bitte", "mehr", "sie", "du", "zu", "mal", "doch", "jetzt"],
            boundaries: ["sondern", "aber", "und", "oder", "sonst", "dass"], subjects: ["ich", "wir"],
            statementOpeners: [
                "ich", "du", "er", "sie", "es", "wir", "ihr", "man", "mein", "meine", "meinen", "meinem", "meiner",
                "dein", "deine", "das", "der", "die", "den", "dem", "des", "ein", "eine", "einen", "warum", "wieso",
                "weshalb", "wo", "wie", "was", "wann", "wer", "mir", "mich", "heute", "seit", "leider", "jetzt",
                "immer", "noch", "schon", "hier", "da", "dieser", "diese", "dieses",
            ], requestMarkers: ["bitte"]),
        goodbyePhrases: [
            "tschüss", "tschüs", "tschau", "ciao", "auf wiedersehen", "wiedersehen", "bis dann", "bis später",
            "bis bald", "ok tschüss", "okay tschüss", "danke tschüss", "servus", "adieu", "ich muss los",
            "ich muss jetzt los", "ich gehe jetzt", "ich gebe auf",
        ],
        sentiment: .german, keyPhraseSkips: germanSkips,
        messages: BuiltInMessages(
            cancelReply: "Okay, ich habe das abgebrochen. Wobei kann ich sonst helfen?",
            busy:
                "Ich bearbeite noch Ihre letzte Anfrage, einen Moment bitte. Sagen Sie „abbrechen“, um sie zu stoppen.",
            confirmationDenied: "Was soll ich ändern? Nennen Sie mir den neuen Wert oder sagen Sie „abbrechen“.",
            resumed: "Zurück zu Ihrem vorherigen Anliegen.",
            leftQueue: "Okay, Sie haben die Warteschlange verlassen. Wie kann ich sonst helfen?",
            leftQueueGoodbye:
                "Sie haben die Warteschlange verlassen. Schreiben Sie uns wieder, wenn Sie noch Hilfe brauchen.",
            droppedFromQueue: { minutes in
                "Sie wurden aus der Warteschlange genommen, weil wir \(minutes) \(minutes == 1 ? "Minute" : "Minuten") nichts von Ihnen gehört haben. Wenn Sie noch jemanden aus unserem Team brauchen, fragen Sie einfach erneut."
            },
            handoff:
                "Ich verbinde Sie mit einer Kollegin oder einem Kollegen, die Ihnen helfen können. Bitte bleiben Sie in diesem Chat.",
            agentJoined: { agent in
                agent.map { "Sie sprechen jetzt mit \($0)." } ?? "Sie sprechen jetzt mit einem Mitglied unseres Teams."
            },
            released: "Sie sind wieder beim virtuellen Assistenten. Wie kann ich sonst helfen?",
            closed: "Dieses Gespräch ist beendet. Vielen Dank für Ihre Anfrage.",
            queuedWithoutAgent: { position in
                "Sie sind Nummer \(position) in der Warteschlange. Gerade ist niemand frei; Sie bleiben in der Warteschlange, bis jemand frei ist."
            },
            queued: { position, minutes in
                let time =
                    minutes <= 0
                    ? "gleich ist jemand für Sie da"
                    : "die Wartezeit beträgt etwa \(minutes) \(minutes == 1 ? "Minute" : "Minuten")"
                return "Sie sind Nummer \(position) in der Warteschlange; \(time)."
            },
            transferred: { queue in "Sie werden an \(queue) weitergeleitet. " },
            agentNotes: AgentNotes(
                notUnderstood:
                    "Der Bot hat das Anliegen nicht verstanden: Verlauf lesen und nachfragen, was gebraucht wird.",
                valueNotGiven:
                    "Eine erfragte Angabe konnte nicht gemacht werden: mit eigenen Worten danach fragen.",
                upset: "Die Kundin oder der Kunde ist verärgert: zuerst das Problem anerkennen.",
                askedTwice: "Dieselbe Frage kam zweimal: sie zuerst beantworten.",
                historyUnreadable:
                    "Der Verlauf dieses Gesprächs ist nicht lesbar, es gibt kein Protokoll: nachfragen, was gebraucht wird.",
                transferred: { agent, queue in
                    "Weitergeleitet von \(agent) aus \(queue): erst deren Zeilen im Verlauf lesen, dann fragen."
                },
                detailsGiven: { slots in "Vorhandene Angaben nutzen (\(slots)); nicht erneut fragen." })),
        formats: ValueFormat(
            dates: .dayMonthYearDots,
            money: .init(
                decimal: ",", group: ".",
                signs: ["EUR": ("€", false), "USD": ("$", false), "GBP": ("£", false), "CHF": ("CHF", false)])))

    /// Function words and what customers say around a problem rather than to name it.
    private static let germanSkips: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder",
        "aber", "ich", "du", "er", "sie", "es", "wir", "ihr", "mich", "mir", "dich", "dir", "uns", "euch", "ihnen",
        "mein", "meine", "meinen", "meinem", "meiner", "meines", "dein", "ihre", "ihren", "ihrem", "unser", "unsere",
        "ist", "sind", "war", "waren", "bin", "bist", "habe", "hat", "haben", "hatte", "wird", "werden", "wurde",
        "kann", "können", "muss", "soll", "will", "möchte", "würde", "mit", "von", "zu", "zum", "zur", "auf", "für",
        "in", "im", "an", "am", "aus", "bei", "nach", "über", "unter", "vor", "seit", "bis", "durch", "um", "wie",
        "was", "wo", "wann", "warum", "wer", "nicht", "kein", "keine", "noch", "schon", "auch", "nur", "sehr", "so",
        "da", "dann", "jetzt", "hier", "bitte", "danke", "hallo", "guten", "tag", "ja", "nein", "mal", "doch",
        "dass", "wenn", "ob", "man", "sich", "immer", "wieder", "gerne", "leider", "heute", "gestern", "etwas",
        "nichts", "alles", "hilfe", "helfen", "brauche", "geht", "gibt", "wurden", "worden", "als", "beim", "vom",
        "ins", "fürs", "mehr", "obwohl", "nie", "niemals", "jeden", "jede", "jeder", "jedes", "alle", "allen",
        "bekomme", "bekommen", "bekam", "kam", "kommt", "komme", "kommen", "steht", "andere", "anderen",
        "finde", "wissen", "gemacht", "wollte", "diese", "dieser", "diesen", "dieses", "diesem", "ihn", "ihm",
        "erst", "keiner", "keinen", "keinem", "niemand", "einfach", "ganz", "ganze", "ganzen", "bereits",
        "trotzdem", "eigentlich", "gerade", "weil", "denn", "sondern", "also", "sofort", "bald", "endlich", "tun",
        "machen", "mache", "hätte", "sei", "könnten", "könnte", "müssen", "sollte", "darf", "ihrem",
        "ihrer", "ihres", "sein", "seine", "seinen", "vielen", "dank", "grüße", "abend", "hi", "hey", "moin",
        "servus", "kostet", "kenne", "gekauft",
        // Durations and times of day: the date and duration entities read them; they name no problem.
        "tage", "tagen", "woche", "wochen", "monat", "monate", "monaten", "stunde", "stunden", "minute",
        "minuten", "jahr", "jahre", "morgen", "mittag",
    ]

    private static let germanCalendar = CalendarVocabulary(
        relativeDays: PhraseTable(
            ["heute": 0, "morgen": 1, "übermorgen": 2, "uebermorgen": 2, "gestern": -1, "vorgestern": -2],
            folding: .german),
        notRelativeAfter: [
            "morgen": ["guten", "heute", "gestern", "am", "jeden", "den", "einen", "schönen", "schonen"]
        ],
        weekdays: PhraseTable(
            [
                "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6,
                "sonnabend": 6, "sonntag": 7,
            ], folding: .german),
        weekdayModifiers: PhraseTable(
            [
                "nächsten": .next, "nächster": .next, "nächste": .next, "naechsten": .next, "kommenden": .this,
                "kommender": .this, "diesen": .this, "dieser": .this, "diesem": .this, "letzten": .last,
                "letzter": .last, "letzte": .last, "vergangenen": .last, "vorigen": .last,
            ], folding: .german),
        months: PhraseTable(
            [
                "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3, "mrz": 3,
                "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
                "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
                "dezember": 12, "dez": 12,
            ], folding: .german),
        units: PhraseTable(
            [
                "tag": .day, "tage": .day, "tagen": .day, "tages": .day, "woche": .week, "wochen": .week,
                "monat": .month, "monate": .month, "monaten": .month, "monats": .month, "jahr": .year,
                "jahre": .year, "jahren": .year,
            ], folding: .german),
        spanPrefixes: PhraseTable(["in": 1, "vor": -1], folding: .german),
        spanSuffixes: PhraseTable(["später": 1, "spater": 1], folding: .german),
        yearWords: PhraseTable([:], folding: .german),
        namedTimes: PhraseTable(["mittag": 12 * 60, "mitternacht": 0], folding: .german),
        hourWords: PhraseTable(["uhr": 1], folding: .german),
        minuteWords: PhraseTable(["minuten": 0], folding: .german),
        dayParts: PhraseTable(
            ["morgens": 0, "früh": 0, "vormittags": 0, "nachts": 0, "nachmittags": 12, "abends": 12],
            folding: .german),
        dayOrdinals: PhraseTable(germanDayOrdinals, folding: .german), ordinalEndings: ["."],
        bareDayBefore: ["am", "zum", "vom"],
        placeWords: [
            "am", "an", "bis", "zum", "zur", "vom", "ab", "seit", "um", "den", "dem", "der", "für", "fur", "gegen",
        ])

    /// "ersten" to "einunddreißigsten" (März), with each ending an article gives them (-e, -en,
    /// -er, -es): the stems of 1 to 19 take "t", the tens "st", and 21 to 31 are one word.
    private static let germanDayOrdinals: [String: Int] = {
        let firstNineteen = [
            "erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt", "elft", "zwölft",
            "dreizehnt", "vierzehnt", "fünfzehnt", "sechzehnt", "siebzehnt", "achtzehnt", "neunzehnt",
        ]
        let units = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
        var stems = Dictionary(uniqueKeysWithValues: firstNineteen.enumerated().map { ($1, $0 + 1) })
        stems["siebent"] = 7
        for (tens, value) in [("zwanzigst", 20), ("dreißigst", 30)] {
            stems[tens] = value
            for (offset, unit) in units.enumerated() where value + offset + 1 <= 31 {
                stems[unit + "und" + tens] = value + offset + 1
            }
        }
        return Dictionary(
            uniqueKeysWithValues: stems.flatMap { stem, day in ["e", "en", "er", "es"].map { (stem + $0, day) } })
    }()
}
