import Testing

@testable import Usher

/// `usher stats`' figures per language: each conversation counts under the language its last
/// recorded turn was in; turns logged before the log kept languages count under none.
@Suite("StatsBuilder: languages")
struct LanguageStatsTests {
    private func turn(_ at: Double, _ session: String, _ language: String?, fallback: Bool = false) -> LogRecord {
        .turn(
            TurnRecord(
                at: at, session: session, conversationStart: 0, text: "…", intent: fallback ? nil : "greeting",
                confidence: 1, decidedBy: fallback ? .fallback : .similarity, replies: ["…"], state: "bot",
                language: language, botVersion: "v"))
    }

    @Test func conversationsCountUnderTheirLastLanguage() {
        var builder = StatsBuilder()
        // a switched from English to German; b stayed Russian and had a fallback; c predates languages.
        for record in [
            turn(1, "a", "en"), turn(2, "b", "ru", fallback: true), turn(3, "a", "de"), turn(4, "b", "ru"),
            turn(5, "c", nil),
        ] {
            builder.add(record)
        }
        let stats = builder.report()
        #expect(stats.languages.map(\.language) == ["de", "ru"])
        #expect(stats.languages.map(\.summary.turns) == [2, 2])
        #expect(stats.languages.map(\.summary.fallbacks) == [0, 1])
        #expect(stats.languages.map(\.summary.botTurns) == [2, 2])
        #expect(stats.summary.conversations == 3)
        #expect(stats.summary.fallbacks == 1)
    }

    @Test func aLogWithoutLanguagesHasNoLanguageFigures() {
        var builder = StatsBuilder()
        builder.add(turn(1, "a", nil))
        #expect(builder.report().languages.isEmpty)
    }
}
