/// Which served language a text is written in, by rules: the script first, then common words.
extension Language {
    /// The language of `text`, or `nil` when the rules cannot tell or the language is not served.
    ///
    /// Han characters mean Chinese, unless kana among them say Japanese (Japanese, Hangul and
    /// other scripts are no served language). Cyrillic means Russian, unless a letter only Ukrainian or Belarusian uses
    /// appears. Latin text is German or English by what it holds of each: umlauts and ß, and the
    /// common words of each language (articles, pronouns, "nicht", "bitte"); a tie, or no common
    /// word of either ("ok", "AB123"), is `nil`, so the caller keeps the session's or the bot's
    /// language. A script counts by letters, Han characters three times, since one says as much
    /// as a short word: "我的order在哪裡" is Chinese.
    ///
    /// ```swift
    /// Language.detect("Где мой заказ?")            // .russian
    /// Language.detect("Wo bleibt meine Lieferung?") // .german
    /// Language.detect("Where is my order?")        // .english
    /// Language.detect("我明天去")                   // .traditionalChinese
    /// ```
    ///
    /// `clearly` asks for more than a lead: a different script still decides at once, but German
    /// against English then needs two common words' lead, so that a session in one is not moved
    /// to the other by a name with an umlaut ("Müller") or a borrowed "bitte".
    public static func detect(_ text: String, clearly: Bool = false) -> LanguageTag? {
        if case .served(let tag) = read(text, clearly: clearly) { return tag }
        return nil
    }

    /// What the rules make of a text's language: one Usher serves, one it clearly does not, or
    /// nothing to tell by.
    public enum Reading: Sendable, Equatable {
        case served(LanguageTag)
        /// Clearly in a language Usher does not serve: its BCP 47 tag when the rules know it
        /// ("fr", "es", "it", "pt", "ja", "ko", "uk", "be"), else "und".
        case unserved(String)
        /// A tie, or nothing to tell by: "ok", "AB-12345", a name.
        case unknown
    }

    /// The one rule behind ``detect(_:clearly:)``, saying also when a text is clearly in a
    /// language the bot cannot serve, so that no one takes it for the bot's own: Japanese
    /// (kana), Korean (Hangul), Ukrainian or Belarusian letters, another script, or Latin text
    /// whose common words are French, Spanish, Italian or Portuguese ones, two different ones
    /// at least, more than English or German words.
    ///
    /// ```swift
    /// Language.read("Est-ce que je peux payer en plusieurs fois ?") // .unserved("fr")
    /// Language.read("Where is my order?")                           // .served(.english)
    /// Language.read("ok")                                           // .unknown
    /// ```
    public static func read(_ text: String, clearly: Bool = false) -> Reading {
        // Plain ASCII is Latin script or none: no scalar's properties need reading.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard text.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return .unknown }
            return latinLanguage(text, germanLetters: 0, margin: clearly ? 4 : 1, ascii: true)
        }
        var (latin, cyrillic, han, other) = (0, 0, 0, 0)
        var germanLetters = 0
        var nonRussianCyrillic: String?
        var kana = false
        var hangul = false
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            case 0xC4, 0xD6, 0xDC, 0xE4, 0xF6, 0xFC, 0xDF, 0x1E9E:
                latin += 1
                germanLetters += 1
            case 0xC0...0x24F: latin += 1
            case 0x400...0x4FF:
                cyrillic += 1
                // ў (and its capital): Belarusian; і ї є ґ: Ukrainian (і is Belarusian too).
                if [0x45E, 0x40E].contains(scalar.value) {
                    nonRussianCyrillic = "be"
                } else if [0x456, 0x457, 0x454, 0x491, 0x406, 0x407, 0x404, 0x490].contains(scalar.value) {
                    nonRussianCyrillic = nonRussianCyrillic ?? "uk"
                }
            case 0x3040...0x30FF, 0x31F0...0x31FF:
                kana = true
                other += 1
            // Bopomofo: Chinese phonetic symbols, which tell nothing by themselves ("ㄅㄆㄇㄈ").
            case 0x3100...0x312F, 0x31A0...0x31BF: continue
            case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF:
                hangul = true
                other += 1
            default:
                if scalar.properties.isIdeographic { han += 3 } else { other += 1 }
            }
        }
        let largest = max(latin, cyrillic, han, other)
        guard largest > 0 else { return .unknown }
        if han == largest { return kana ? .unserved("ja") : .served(.traditionalChinese) }
        if cyrillic == largest { return nonRussianCyrillic.map { .unserved($0) } ?? .served(.russian) }
        guard latin == largest else { return .unserved(kana ? "ja" : hangul ? "ko" : "und") }
        return latinLanguage(text, germanLetters: germanLetters, margin: clearly ? 4 : 1)
    }

    /// The language a logged message is in: the one the rules read in its text when it is
    /// clearly one the bot cannot serve (the session's language is then only the one the replies
    /// were in), else the session's as the log keeps it, else the one the rules read; `nil`
    /// when nothing tells.
    public static func tag(ofLogged text: String, session: String?) -> String? {
        switch read(text) {
        case .unserved(let tag): tag
        case .served(let tag): session ?? tag.rawValue
        case .unknown: session
        }
    }

    /// The served languages written in Latin letters: the only ones a Latin text whose words
    /// tell nothing ("ok", "Schaden melden") can be in.
    public static let latinScript: Set<LanguageTag> = [.english, .german]

    /// German or English by umlauts and common words (two points each), unless the common
    /// words of a language Usher does not serve lead both; unknown when neither leads by `margin`.
    /// `ascii` when the caller has found every byte of `text` to be ASCII.
    private static func latinLanguage(_ text: String, germanLetters: Int, margin: Int, ascii: Bool = false) -> Reading {
        var german = germanLetters
        var english = 0
        var unserved = UnservedWords()
        // One look-up a word, in one table of every language's common words: the log reads each
        // turn's text, so this runs for every message.
        func count(_ word: String) {
            guard let languages = commonWords[word] else { return }
            if languages & CommonWord.german != 0 { german += 2 }
            if languages & CommonWord.english != 0 { english += 2 }
            if languages >= CommonWord.firstUnserved { unserved.count(word, languages: languages) }
        }
        if ascii {
            // ASCII, as most messages are: words read straight from the bytes (every message
            // of a session in a bot of several languages is read here).
            var word: [UInt8] = []
            for byte in text.utf8 {
                let lower = byte | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    word.append(lower)
                } else if !word.isEmpty {
                    count(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { count(String(decoding: word, as: UTF8.self)) }
        } else {
            // By scalars, not Characters: grapheme breaking cost a German message about 31,000
            // instructions. A combining mark stays in its word ("fu\u{308}r" is "für", which the
            // set finds, since Strings compare by canonical equivalence).
            var word = String.UnicodeScalarView()
            for scalar in text.lowercased().unicodeScalars {
                if scalar.properties.isAlphabetic
                    || (!word.isEmpty && scalar.properties.generalCategory == .nonspacingMark)
                {
                    word.append(scalar)
                } else if !word.isEmpty {
                    count(String(word))
                    word = String.UnicodeScalarView()
                }
            }
            if !word.isEmpty { count(String(word)) }
        }
        if let other = unserved.leader(over: max(german, english)) { return .unserved(other) }
        if abs(german - english) < margin { return .unknown }
        return .served(german > english ? .german : .english)
    }

    /// Which languages' common words a word is, as bits: German, English, then the unserved
    /// languages of ``UnservedWords/lists`` in their order.
    enum CommonWord {
        static let german: UInt8 = 1
        static let english: UInt8 = 2
        static let firstUnserved: UInt8 = 4
    }

    /// Every common word with the languages it is a common word of (``CommonWord``).
    static let commonWords: [String: UInt8] = {
        var table: [String: UInt8] = [:]
        for word in germanWords { table[word, default: 0] |= CommonWord.german }
        for word in englishWords { table[word, default: 0] |= CommonWord.english }
        for (index, list) in UnservedWords.lists.enumerated() {
            for word in list.words { table[word, default: 0] |= CommonWord.firstUnserved << UInt8(index) }
        }
        return table
    }()

    /// Frequent German words that are not English words too ("in", "was", "will", "so" are both).
    private static let germanWords: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "ist", "sind",
        "nicht", "kein", "keine", "ich", "mein", "meine", "meinen", "meiner", "mir", "mich", "sie", "ihr", "ihre",
        "wir", "uns", "du", "dich", "dir", "mit", "von", "zu", "zum", "zur", "auf", "für", "bei", "aus", "nach",
        "wie", "wo", "warum", "wann", "wer", "habe", "hat", "haben", "bin", "bitte", "danke", "noch", "schon",
        "auch", "aber", "oder", "wenn", "dass", "hallo", "guten", "kann", "können", "möchte", "ich", "nur", "mal",
        "doch", "immer", "heute", "gestern", "morgen", "ja", "nein", "bestellung", "rechnung", "lieferung",
        "konto", "geld", "zurück", "leider", "sehr", "gut", "schlecht", "wieder", "seit", "tagen", "jetzt", "hier",
        "über", "ob", "würde", "soll", "muss", "gibt", "geht", "wurde", "worden", "mehr", "etwas", "nichts",
    ]

    /// Frequent English words that are not German words too ("will" and "was" are both: "Paket
    /// kaputt, will zurückgeben" was read as English).
    private static let englishWords: Set<String> = [
        "the", "a", "an", "is", "are", "were", "be", "been", "i", "you", "my", "me", "your", "it", "its",
        "this", "that", "to", "of", "for", "on", "with", "and", "not", "no", "do", "does", "did", "dont", "have",
        "has", "had", "can", "cant", "could", "would", "please", "thanks", "thank", "hi", "hello", "where",
        "what", "when", "why", "how", "who", "order", "want", "need", "help", "get", "got", "still", "just", "yet",
        "again", "there", "they", "we", "our", "from", "at", "by", "or", "but", "if", "about", "yes", "today",
        "tomorrow", "yesterday", "money", "refund", "account", "should", "very", "bad", "good", "some", "any",
    ]
}
