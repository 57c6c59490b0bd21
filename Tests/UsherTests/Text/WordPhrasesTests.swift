import Foundation
import Testing

@testable import Usher

/// `WordPhrases` answers as Foundation's `contains` on padded words did, for ASCII and not, on
/// words as the normaliser leaves them (which is how every caller has them).
@Suite("WordPhrases")
struct WordPhrasesTests {
    private static func normalized(_ text: String) -> String {
        TextNormalizer.normalize(text).words.joined(separator: " ")
    }

    static let phrases = [
        "leave the queue", "no agent", "dont know", "but", "не хочу ждать", "不想等", "warteschlange verlassen",
        "zähler", "zähler", "\u{212A}elvin", "café", "cafe\u{301}",
    ]

    static let texts = [
        "", "but", "yes but no", "butter", "i want to leave the queue now", "leave the queues", "no agent",
        "no agents please", "i dont know", "dont knowing", "я не хочу ждать", "不想等", "我不想等了",
        "bitte warteschlange verlassen", "der zähler", "der za\u{308}hler", "kelvin", "Kelvin", "\u{212A}elvin",
        "a café", "a cafe\u{301}", "a cafe", "  no agent  ", "\tno agent", "no\tagent",
    ]

    @Test func answersAsFoundationDid() {
        let search = WordPhrases(Self.phrases)
        for text in Self.texts + Self.mixtures() {
            let words = Self.normalized(text)
            let padded = " " + words + " "
            let expected = Self.phrases.firstIndex { padded.contains(" " + Self.normalized($0) + " ") }
            #expect(search.firstIndex(in: words) == expected, "\(text)")
            #expect(search.occur(in: words) == (expected != nil), "\(text)")
        }
    }

    /// The phrase first in the order given wins, wherever each stands in the text, and every
    /// phrase that starts with a word's first letter is tried there.
    @Test func theFirstPhraseGivenWinsWhereverItStands() {
        let search = WordPhrases(["talk to a person", "agent", "a person", "talk"])
        #expect(search.firstIndex(in: "agent i want to talk to a person") == 0)
        #expect(search.firstIndex(in: "talk to an agent") == 1)
        #expect(search.firstIndex(in: "just a person") == 2)
        #expect(search.firstIndex(in: "talk") == 3)
        #expect(search.firstIndex(in: "talking to a persona") == nil)
        #expect(search.firstIndex(in: "") == nil)
    }

    /// A phrase with no words (punctuation only) is never found, as none of its words can be.
    @Test func aPhraseWithoutWordsIsNeverFound() {
        let search = WordPhrases(["?!", "no agent"])
        #expect(search.firstIndex(in: "") == nil)
        #expect(search.firstIndex(in: "no agent") == 1)
    }

    /// Messages made of the phrases' words in a seeded random order, with other scripts, accents
    /// in composed and decomposed form, and full-width letters around them.
    private static func mixtures() -> [String] {
        let pool = [
            "не", "хочу", "ждать", "ЖДАТЬ", "不", "想", "等", "不想等", "leave", "the", "queue", "Warteschlange",
            "verlassen", "zähler", "za\u{308}hler", "ｑｕｅｕｅ", "café", "cafe\u{301}", "no", "agent", "但是", "abc",
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        return (0..<400).map { _ in
            var words: [String] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(1 + Int(state >> 61)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                words.append(pool[Int(state >> 33) % pool.count])
            }
            return words.joined(separator: " ")
        }
    }

    @Test func trimsAsFoundationDid() {
        for text in Self.texts + [" ", "\t", " \t a b \t ", " x", "x ", " ä ", "\u{A0}a\u{A0}"] {
            #expect(WordPhrases.trimmed(text) == text.trimmingCharacters(in: .whitespaces), "\(text)")
        }
    }
}
