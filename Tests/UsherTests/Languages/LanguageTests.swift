import Testing

@testable import Usher

@Suite("Language")
struct LanguageTests {
    @Test(arguments: [
        ("en", "en"), ("en-GB", "en"), ("EN_us", "en"), ("ru", "ru"), ("ru-RU", "ru"), ("de", "de"),
        ("de-AT", "de"), ("de-CH", "de"), ("zh-TW", "zh-TW"), ("zh", "zh-TW"), ("zh-Hant", "zh-TW"),
        ("zh-CN", "zh-TW"),
    ])
    func looksUpByBCP47Tag(tag: String, canonical: String) throws {
        #expect(try #require(Language.named(tag)).tag.rawValue == canonical)
    }

    @Test(arguments: ["fr", "", "x-klingon", "uk"])
    func unservedLanguagesAreNil(tag: String) {
        #expect(Language.named(tag) == nil)
    }

    @Test func everyServedLanguageHasItsData() {
        #expect(Language.all.map(\.tag) == LanguageTag.served)
        for language in Language.all {
            #expect(!language.yes.isEmpty && !language.no.isEmpty && !language.cancelPhrases.isEmpty)
            #expect(!language.calendar.relativeDays.contains("") && !language.numbers.values.isEmpty)
            #expect(language.yes.isDisjoint(with: language.no), "\(language.tag)")
        }
    }

    @Test func yesAndNoNeverShareAWordAcrossLanguages() {
        let yes = Set(Language.all.flatMap(\.yes))
        let no = Set(Language.all.flatMap(\.no))
        #expect(yes.isDisjoint(with: no), "\(yes.intersection(no))")
    }

    @Test func phrasesAreStoredAsTheNormaliserLeavesThem() {
        #expect(Language.chinese.cancelPhrases.contains("不 用 了"))
        #expect(Language.russian.cancelPhrases.contains("я передумал"))
        #expect(Language.chinese.no.contains("不"))
    }

    @Test(arguments: [
        (WordFolding.russian, "Ещё", "еще"), (.german, "Übermorgen", "ubermorgen"), (.german, "dreißig", "dreissig"),
        (.none, "März", "März"), (.german, "Tagen", "Tagen"),
    ])
    func foldsSpellingVariants(folding: WordFolding, word: String, folded: String) {
        #expect(folding.fold(word) == folded)
    }

    @Test func englishMessagesAreTheOnesTheEngineAlwaysSent() {
        let messages = Language.english.messages
        #expect(messages.cancelReply == "Okay, I have stopped that. What else can I help you with?")
        #expect(messages.queued(2, 3) == "You are number 2 in the queue; the estimated wait is about 3 minutes.")
        #expect(messages.queued(1, 1) == "You are number 1 in the queue; the estimated wait is about 1 minute.")
        #expect(messages.queued(4, 0) == "You are number 4 in the queue; an agent will be with you shortly.")
    }

    @Test(arguments: [(1, "минута"), (2, "минуты"), (5, "минут"), (11, "минут"), (21, "минута"), (24, "минуты")])
    func russianCountsInflect(count: Int, form: String) {
        #expect(Language.russianPlural(count, "минута", "минуты", "минут") == form)
    }

    @Test func everyLanguageAnnouncesTheQueue() {
        for language in Language.all {
            #expect(language.messages.queued(2, 5).contains("2"))
            #expect(language.messages.queued(2, 5).contains("5"))
            #expect(language.messages.queuedWithoutAgent(3).contains("3"))
            #expect(language.messages.transferred("billing").contains("billing"))
        }
    }

    @Test func phraseTablesMatchTheLongestPhraseCharacterByCharacter() {
        let table = PhraseTable(["天": 1, "天後": 2, "明天": 3], folding: .none)
        let tokens = ["明", "天", "後"]
        let token: (Int) -> String? = { tokens.indices.contains($0) ? tokens[$0] : nil }
        #expect(table.match(at: 0, token: token)! == (3, 2))
        #expect(table.match(at: 1, token: token)! == (2, 3))
        #expect(table.match(at: 2, token: token) == nil)
    }
}
