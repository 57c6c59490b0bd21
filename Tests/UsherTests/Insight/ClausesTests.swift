import Testing

@testable import Usher

@Suite("Clauses")
struct ClausesTests {
    /// The split by `Character`, which the byte path for ASCII text must agree with.
    private func reference(_ text: String) -> [Substring] {
        text.split { character in
            switch character {
            case ".", ",", ";", ":", "!", "?", "\n", "\r\n", "…", "(", ")", "\"", "“", "”": true
            default: false
            }
        }.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    @Test(arguments: [
        "", "   ", "hello", "Not sure, it's great", "a.b,c;d:e!f?g", "line one\r\nline two\rthree\n",
        "(aside) \"quoted\" ... !!", "\t , \t", "end.", ".start", "a\r\r\nb", "tab\there", "café, s'il vous plaît",
    ])
    func splitsAsCharactersWould(text: String) {
        #expect(Clauses.split(text) == reference(text))
    }

    @Test func capitalisedWordsAreReadTheSameFromBytesAndScalars() {
        let emphasis = Emphasis("I am VERY ANGRY about ORDER 12AB, don't IGNORE me")
        #expect(emphasis.capitalisedWords == ["very", "angry", "order", "ignore"])
        #expect(emphasis.isShouting)
        #expect(Emphasis("I need my PIN").capitalisedWords == ["pin"])
        #expect(!Emphasis("I need my PIN").isShouting)
    }
}
