import Foundation
import Testing

@testable import Usher

/// `WordPhrases` answers as Foundation's `contains` on padded words did, for ASCII and not.
@Suite("WordPhrases")
struct WordPhrasesTests {
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
        for text in Self.texts {
            let padded = " " + text + " "
            let expected = Self.phrases.firstIndex { padded.contains(" " + $0 + " ") }
            #expect(search.firstIndex(in: text) == expected, "\(text)")
            #expect(search.occur(in: text) == (expected != nil), "\(text)")
        }
    }

    @Test func trimsAsFoundationDid() {
        for text in Self.texts + [" ", "\t", " \t a b \t ", " x", "x ", " ä ", "\u{A0}a\u{A0}"] {
            #expect(WordPhrases.trimmed(text) == text.trimmingCharacters(in: .whitespaces), "\(text)")
        }
    }
}
