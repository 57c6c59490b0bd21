/// Everything Usher knows about one language, in one value: how its numbers, dates, times and
/// currencies are written, its yes, no and cancel phrases, its sentiment lexicon and the
/// engine's own messages in it.
///
/// The code that reads a message asks the message's `Language` for words instead of naming any
/// language itself, so adding a language means adding one `Language+<Name>.swift` file of data
/// (see docs/languages.md) and a case in ``LanguageTag``.
///
/// ```swift
/// let german = Language.named("de-AT")!  // German
/// Language.detect("Wo ist meine Bestellung?")  // .german
/// ```
public struct Language: Sendable {
    public let tag: LanguageTag
    /// How the vocabulary below treats spelling variants.
    let folding: WordFolding
    let numbers: NumberWords
    let calendar: CalendarVocabulary
    /// Currency words and the ISO 4217 code each names: "рублей", "Franken", "元". Symbols and
    /// ISO codes shared by every language stay in ``Currency``.
    let currencies: PhraseTable<String>
    /// Currency words written before the amount: "NT" of "NT$300", "新台幣".
    let currencyPrefixes: PhraseTable<String>
    /// How a yes and a no to a form's confirmation question begin, as the normaliser leaves
    /// them ("不" covers "不是" and "不對"; "沒 錯" is a yes, though "沒" alone is not).
    let yes: Set<String>
    let no: Set<String>
    /// Words that take back a yes ("yes, but the date is wrong"): the answer is then a no.
    let contrast: Set<String>
    /// Phrases that say the customer does not have the value a form asks for ("keine Ahnung",
    /// "не помню"): an answer to the question, never another intent.
    let dontKnow: Set<String>
    /// Whole messages that only acknowledge ("ok", "alles klar", "хорошо", "好的"): while a form
    /// asks for a value they answer nothing, so the question comes again. As examples of a
    /// goodbye ("ok bye") they once took the form over and ended the conversation.
    let acknowledgements: Set<String>
    /// Whole clauses that only thank ("thanks", "danke", "спасибо", "謝謝"): beside a goodbye
    /// ("ok, thanks, bye") they leave it a goodbye; alone they ask for nothing.
    let thanks: Set<String>
    /// Whole messages that cancel a form, as the normaliser leaves them ("不 用 了").
    let cancelPhrases: Set<String>
    /// Phrases that, anywhere in a message that turns from an open form to another request, say
    /// the new request replaces it ("instead", "stattdessen", "вместо этого", "改成"): the form
    /// is dropped rather than asked again once the new request is answered.
    let switchPhrases: [String]
    /// Phrases that, anywhere in a waiting customer's message, ask to leave the queue. Each says
    /// what the customer wants ("I don't need an agent", "I'll call back later"), never how the
    /// wait is going: "is there no agent?" or "I won't wait forever" is an angry customer who
    /// must keep their place, so "no agent" and "not wait" are not phrases.
    let leaveQueuePhrases: [String]
    /// How a request says what *not* to do ("don't cancel …"): the matcher does not take it for
    /// a request to do it.
    let negation: NegationRules
    /// Whole messages that say goodbye ("ok bye", "tschüss", "мне пора", "再見"): a customer
    /// who says one while waiting for a person leaves the queue, whether or not the bot has a
    /// goodbye intent of its own.
    let goodbyePhrases: Set<String>
    let sentiment: SentimentLexicon
    /// Words (Chinese: characters) that never start, end or appear alone in a key phrase:
    /// function words, what customers say around a problem rather than to name it ("hi",
    /// "хочу", "bitte", "請") and the language's number words, as the normaliser leaves them.
    /// Skips of several Chinese characters ("時候") are in ``keyPhraseLexicon`` instead, so their
    /// characters stay free in other words.
    let keyPhraseSkips: Set<String>
    /// Where a run of Chinese characters is cut into key-phrase words: multi-character words
    /// (`true`: "會員", "信用卡", also those holding a skip character) and multi-character skips
    /// (`false`: "時候", "一直"), the longest first. Empty for languages written with spaces.
    let keyPhraseLexicon: PhraseTable<Bool>
    public let messages: BuiltInMessages
    /// How replies show dates and money.
    public let formats: ValueFormat

    /// The language a BCP 47 tag names ("de", "ru-RU", "zh-Hant"); `nil` when Usher has no data
    /// for it, so the caller picks the fallback (entities read English, sentiment reads nothing).
    public static func named(_ tag: String) -> Language? {
        LanguageTag(bcp47: tag).map(Language.init(tag:))
    }

    /// The language of a served tag.
    public init(tag: LanguageTag) {
        switch tag {
        case .russian: self = .russian
        case .german: self = .german
        case .traditionalChinese: self = .chinese
        default: self = .english
        }
    }

    /// Every served language, in the order of ``LanguageTag/served``.
    public static let all: [Language] = LanguageTag.served.map(Language.init(tag:))

    init(
        tag: LanguageTag, folding: WordFolding, numbers: NumberWords, calendar: CalendarVocabulary,
        currencies: [String: String], currencyPrefixes: [String: String] = [:], yes: Set<String>, no: Set<String>,
        contrast: Set<String>, dontKnow: Set<String>, acknowledgements: Set<String>, thanks: Set<String>,
        cancelPhrases: Set<String>,
        switchPhrases: [String], leaveQueuePhrases: [String], negation: NegationRules = .none,
        goodbyePhrases: Set<String>,
        sentiment: SentimentLexicon,
        keyPhraseSkips: Set<String>,
        keyPhraseWords: Set<String> = [], messages: BuiltInMessages, formats: ValueFormat = .canonical
    ) {
        self.formats = formats
        self.tag = tag
        self.folding = folding
        var numbers = numbers
        numbers.values = Dictionary(numbers.values.map { (folding.fold($0), $1) }, uniquingKeysWith: max)
        numbers.articles = Dictionary(numbers.articles.map { (folding.fold($0), $1) }, uniquingKeysWith: max)
        numbers.scales = Dictionary(numbers.scales.map { (folding.fold($0), $1) }, uniquingKeysWith: max)
        numbers.abbreviations = Set(numbers.abbreviations.map(folding.fold))
        numbers.halves = Set(numbers.halves.map(folding.fold))
        self.numbers = numbers
        self.calendar = calendar
        self.currencies = PhraseTable(currencies, folding: folding)
        self.currencyPrefixes = PhraseTable(currencyPrefixes, folding: folding)
        self.yes = Set(yes.map(Self.normalized))
        self.no = Set(no.map(Self.normalized))
        self.contrast = Set(contrast.map(Self.normalized))
        self.dontKnow = Set(dontKnow.map(Self.normalized))
        self.acknowledgements = Set(acknowledgements.map(Self.normalized))
        self.thanks = Set(thanks.map(Self.normalized))
        self.cancelPhrases = Set(cancelPhrases.map(Self.normalized))
        self.switchPhrases = switchPhrases.map(Self.normalized)
        self.leaveQueuePhrases = leaveQueuePhrases.map(Self.normalized)
        self.negation = negation
        self.goodbyePhrases = Set(goodbyePhrases.map(Self.normalized))
        self.sentiment = sentiment
        // A number written as a word says how many, which the entities read; it names no problem.
        // Chinese multipliers stay: "百" and "千" begin words ("百貨").
        let numberWords =
            numbers.values.keys
            + (numbers.grammar == .characters ? [] : Array(numbers.multipliers.keys) + Array(numbers.scales.keys))
        let skips = keyPhraseSkips.union(numberWords).map { TextNormalizer.normalize($0).words }
        self.keyPhraseSkips = Set(skips.filter { $0.count == 1 }.flatMap { $0 })
        self.keyPhraseLexicon = PhraseTable(
            Dictionary(
                skips.filter { $0.count > 1 }.map { ($0.joined(), false) }
                    + keyPhraseWords.map { (TextNormalizer.normalize($0).words.joined(), true) },
                uniquingKeysWith: { $0 || $1 }),
            folding: .none)
        self.messages = messages
    }

    /// A phrase as ``TextNormalizer`` leaves a message: lower-case, folded, words joined by one space.
    private static func normalized(_ phrase: String) -> String {
        TextNormalizer.normalize(phrase).words.joined(separator: " ")
    }
}
