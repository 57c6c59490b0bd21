import Testing

@testable import Usher

private let english = Array(repeating: "where is my order", count: 40)
private let german = Array(repeating: "wo ist meine Bestellung bitte", count: 5)

@Suite("EvaluationCheck")
struct EvaluationCheckTests {
    /// 5 German lines of 45 (11 %) are enough to say so; 5 of 60 (8 %) and 4 of 10 (40 %) are not.
    @Test func aShareOfLinesInAnotherLanguageIsCountedFromATenthAndFiveLines() throws {
        let found = try #require(
            EvaluationCheck.otherLanguages(english + german, scoredIn: "en", served: ["en", "de"]))
        #expect(found.counts == [EvaluationCheck.OtherLanguages.Count(language: .german, lines: 5)])
        #expect(
            found.description
                == "5 of 45 lines read as another language than en, which they are scored in (5 de): give each such "
                + "line its language as \"lang\", as usher serve requests do, or score each language's lines apart with --lang"
        )
        let more = english + Array(repeating: "where is my parcel", count: 15)
        #expect(EvaluationCheck.otherLanguages(more + german, scoredIn: "en", served: ["en", "de"]) == nil)
        let few = Array(english.prefix(6)) + german.prefix(4)
        #expect(EvaluationCheck.otherLanguages(few, scoredIn: "en", served: ["en", "de"]) == nil)
    }

    /// A file mostly in one other language needs only --lang; one the bot does not serve, no fix.
    @Test func aFileMostlyInAnotherLanguageIsToldToUseLang() throws {
        let russian = Array(repeating: "где мой заказ", count: 3)
        let served = try #require(
            EvaluationCheck.otherLanguages(russian + ["hello"], scoredIn: "en", served: ["en", "ru"]))
        #expect(served.description == "3 of 4 lines read as ru, the bot is scored in en: score them with --lang ru")
        let unserved = try #require(EvaluationCheck.otherLanguages(russian, scoredIn: "en", served: ["en"]))
        #expect(
            unserved.description
                == "3 of 3 lines read as ru, the bot is scored in en: the bot does not serve ru (it serves en)")
    }

    /// Lines in the language scored in, or in none the rules can tell ("ok"), are not counted.
    @Test func linesInTheScoredLanguageAreNotCounted() {
        #expect(EvaluationCheck.otherLanguages(german + ["ok", "AB123"], scoredIn: "de-AT", served: ["de"]) == nil)
    }
}
