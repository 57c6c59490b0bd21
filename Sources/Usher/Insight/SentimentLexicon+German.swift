/// The German lexicon: feeling words and what customers write when a service lets them down or
/// helps them. Patterns are written as customers write them and normalised when compiled (umlauts
/// and ß fold as in messages); stems (`enttäusch*`) cover inflection and compounds that start
/// with the word. German puts "nicht" after the verb in a main clause ("funktioniert nicht"),
/// so those verbs carry their negation as phrases; before a participle it negates as usual
/// ("ist nicht angekommen").
extension SentimentLexicon {
    static let german = SentimentLexicon(
        entries: germanGroups.flatMap { effect, patterns in patterns.map { ($0, effect) } }, classes: germanClasses,
        normalizing: true, backwardNegationReach: 4)

    private static let germanClasses: [String: Set<String>] = [
        "<n>": ["#", "zwei", "drei", "vier", "fünf", "mehrere", "einige", "paar", "viele", "zehn"],
        "<unit>": ["stunden", "tagen", "tag", "wochen", "woche", "monaten", "monat", "ewigkeiten"],
        "<ord>": ["zweiten", "dritten", "vierten", "fünften", "zigsten", "hundertsten"],
        "<verb>": [
            "funktioniert", "funktionieren", "geht", "gehen", "klappt", "kommt", "lädt", "startet", "öffnet", "hilft",
            "reagiert", "antwortet", "meldet", "passiert", "läuft", "tut", "ging", "kam", "klappte", "komme",
            "kommen", "versteht", "verstehen", "hilft",
        ],
    ]

    private static let germanGroups: [(Effect, [String])] = [
        (
            .cue(-2.0),
            [
                "schrecklich*", "furchtbar*", "katastroph*", "unverschämt*", "frechheit", "unmöglich*",
                "inakzeptabel", "lächerlich*", "nutzlos*", "erbärmlich*", "miserabel*", "skandal*", "betrug",
                "betrüger*", "abzocke*", "abgezockt", "hasse", "anwalt", "rechtsanwalt", "verbraucherzentrale",
                "verbraucherschutz", "rechtliche schritte", "nie wieder", "zeitverschwendung", "geldverschwendung",
                "inkompetent*", "unfähig*", "sauerei", "zumutung", "scheiß*", "scheiss*", "beschissen*", "wütend",
                "das letzte", "witz", "ein witz", "horror", "desaster", "unverschaemt",
            ]
        ),
        (
            .cue(-1.5),
            [
                "es reicht", "reicht mir", "reichts", "die nase voll", "satt", "wie oft", "zum <ord> mal",
                "<ord> mal", "ich kündige", "kündige ich", "werde kündigen", "warte immer noch", "warte noch immer",
                "schlechte bewertung", "nicht was ich bestellt", "<verb> immer noch nicht", "<verb> noch immer nicht",
                "<verb> gar nicht", "<verb> überhaupt nicht", "<verb> überhaupt nichts", "<verb> gar nichts",
                "<verb> einfach nicht", "<verb> schon wieder nicht",
                "kann doch nicht sein", "kann nicht sein", "geht gar nicht", "wo bleibt mein geld", "enttäusch*",
            ]
        ),
        (
            .cue(-1.2),
            [
                "verärgert", "ärger*", "genervt", "nervig", "nervt", "sauer", "unzufrieden*", "schlecht*",
                "unfreundlich*", "frech", "ignorier*", "zu viel berechnet", "gefährlich", "chaos", "ruiniert",
                "unbrauchbar", "dumm", "blöd*", "mies*", "irreführend", "gelogen", "lügen", "lüg*", "beschwer*",
                "ohne grund", "geld zurück", "unzuverlässig*", "schlimm*", "mist", "<verb> nicht",
                "<verb> mir nicht", "<verb> nicht mehr", "<verb> nicht richtig", "unprofessionell*", "nervtötend",
                "ärgerlich", "respektlos*", "keine hilfe", "keiner weiß", "niemand weiß", "angelogen", "belogen",
                "umständlich", "<verb> nichts", "nervenaufreibend",
            ]
        ),
        (
            .cue(-1.0),
            [
                "vorgesetzt*", "chef", "teamleiter", "warum muss ich", "kann nicht glauben", "versprochen",
                "warteschleife", "ernsthaft", "ernsthaft?", "hieß es", "sollte eigentlich",
            ]
        ),
        (
            .cue(-0.8),
            [
                "seit <n> <unit>", "seit <unit>", "seit über <n> <unit>", "seit mehr als <n> <unit>", "ewig",
                "dringend", "schnellstmöglich", "so schnell wie möglich", "sofort", "umgehend", "asap", "besorgt",
                "verwirr*", "unklar", "schon wieder",
                "immer wieder", "ständig", "dauernd", "andauernd", "hängt fest", "hänge fest", "komme nicht weiter",
                "bis heute", "bis jetzt",
            ]
        ),
        (.cue(-0.6), ["warte", "warten", "leider", "<n> mal", "mehrmals", "x mal"]),
        (
            // What happened, not how the customer feels about it: alone it stays neutral.
            .cue(-0.3),
            [
                "kaputt*", "defekt*", "beschädigt*", "falsch*", "verspät*", "verzöger*", "verloren", "abgestürzt",
                "stürzt ab", "fehlgeschlagen", "gestohlen", "fehlt", "fehlen", "abgelehnt", "gesperrt", "langsam",
                "doppelt", "zweimal", "fehler*", "wieder", "erneut", "problem*", "störung", "zerkratzt",
                "gebrochen", "gerissen",
            ]
        ),
        (
            .cue(0),
            [
                "guten morgen", "guten tag", "guten abend", "mit freundlichen grüßen", "viele grüße",
                "freundliche grüße", "liebe grüße", "kein problem", "keine sorge", "keine eile", "nicht sicher",
                "weiß nicht", "nein danke", "nicht dringend", "schönen tag", "gute frage", "nicht eilig",
                "nicht finden", "finde nicht", "nicht ganz sicher", "nicht mehr brauche", "nicht mehr benötige",
                "besten grüßen", "beste grüße", "liebe grüße", "gute reise",
            ]
        ),
        (
            .cue(0.6),
            [
                "schnell*", "zügig", "problemlos", "reibungslos", "ok", "okay", "passt", "in ordnung",
                "pünktlich", "unkompliziert",
            ]
        ),
        (
            .cue(1.2),
            [
                "gut", "gute", "guter", "gutes", "danke", "dankeschön", "bedanke", "zufrieden", "froh", "freue",
                "freundlich*", "hilfsbereit*", "hilfreich*", "nett*", "höflich*", "geduldig*", "zuverlässig*",
                "super", "prima", "schön", "angenehm", "kompetent*", "professionell*", "empfehle", "empfehlen",
                "gefällt", "lob", "besser",
            ]
        ),
        (
            .cue(1.6),
            [
                "ausgezeichnet*", "hervorragend*", "perfekt*", "wunderbar*", "großartig*", "fantastisch*", "spitze",
                "top", "genial", "begeistert", "dankbar", "vielen dank", "herzlichen dank", "tausend dank",
                "besten dank", "beste", "besten", "bester", "bestens", "klasse", "toll*", "wahnsinn",
                "vielen lieben dank", "sehr gut", "mega", "traumhaft",
            ]
        ),
        (
            .outcome(0),
            [
                "angekommen", "ankommen", "gekommen", "erhalten", "bekommen", "bekomme", "geliefert", "antwort*",
                "geantwortet", "reagiert", "gemeldet", "zurückgerufen", "erstattet", "zurückerstattet",
                "zurückbekommen", "verschickt", "versendet", "einloggen", "anmelden", "erreichen", "erreicht",
                "zugestellt", "bearbeitet", "gebucht", "hilfe", "rückmeldung", "gutgeschrieben", "da", "geht ran",
                "ran", "abgenommen", "angenommen",
            ]
        ),
        (.outcome(0.3), ["funktioniert", "klappt", "läuft"]),
        (.outcome(0), ["geht", "kommt", "kam"]),
        (.outcome(0.6), ["geholfen", "hilft"]),
        (
            .outcome(1.0),
            [
                "gelöst", "behoben", "repariert", "erledigt", "geklärt", "funktioniert wieder", "klappt jetzt",
                "funktioniert jetzt", "geht wieder", "läuft wieder",
            ]
        ),
        (
            .negator(0),
            [
                "nicht", "kein", "keine", "keinen", "keiner", "keinem", "nie", "niemals", "nichts", "ohne", "kaum",
                "weder",
            ]
        ),
        (.negator(-0.6), ["niemand", "keiner hat", "noch keine", "noch keinen"]),
        (
            .negator(-1.0),
            [
                "immer noch nicht", "noch immer nicht", "noch nicht", "immer noch kein", "immer noch keine",
                "immer noch keinen", "noch immer keine", "bis heute nicht", "bis jetzt nicht", "nach wie vor nicht",
                "wieder nicht", "schon wieder nicht",
            ]
        ),
        (
            .modifier(1.5),
            [
                "sehr", "wirklich", "so", "extrem", "absolut", "total", "völlig", "komplett", "echt", "unglaublich",
                "äußerst", "zu", "mega", "höchst", "richtig", "voll", "einfach nur", "dermaßen", "derart", "so ein",
                "so eine",
            ]
        ),
        (.modifier(0.5), ["etwas", "ein bisschen", "bisschen", "leicht", "ziemlich", "eher", "ein wenig", "etwas zu"]),
        (.strengthensPrevious(1.5), ["überhaupt", "sehr viel", "vielmals"]),
        (.contrast, ["aber", "jedoch", "allerdings", "obwohl", "trotzdem", "dennoch", "sondern"]),
    ]
}
