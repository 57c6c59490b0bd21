import Testing

@testable import Usher

@Suite("RegexExtractor")
struct RegexExtractorTests {
    @Test func matchesThePatternAndKeepsTheText() throws {
        let orders = try RegexExtractor(type: "order_id", pattern: "\\b[A-Z]{2}\\d{6}\\b")
        let text = "😀 orders AB123456, cd654321 and CD654321"
        let matches = orders.extract(from: text, context: mondayContext)
        #expect(matches.map(\.value) == ["AB123456", "CD654321"])
        #expect(matches.map(\.range) == [12..<20, 35..<43])
        #expect(matches.allSatisfy { slice(text, $0.range) == $0.text && $0.type == "order_id" })
    }

    /// Full-width letters and digits, as Chinese keyboards type them, match an ASCII pattern;
    /// the value is in ASCII, the text as typed.
    @Test func readsFullWidthFormsAsASCII() throws {
        let order = try RegexExtractor(type: "order_id", pattern: #"\b[A-Z]{2}\d{6}\b"#)
        let text = "我的訂單ＡＢ１２３４５６到哪了"
        let matches = order.extract(from: text, context: mondayContext)
        #expect(matches.map(\.value) == ["AB123456"])
        #expect(matches.map(\.text) == ["ＡＢ１２３４５６"])
        #expect(matches.allSatisfy { slice(text, $0.range) == $0.text })
        let policy = try RegexExtractor(type: "policy", pattern: #"\bPN-\d{6}\b"#)
        #expect(policy.values(in: "保單號碼ＰＮ－１２３４５６") == ["PN-123456"])
    }

    @Test func isCaseInsensitiveWhenThePatternSaysSo() throws {
        let orders = try RegexExtractor(type: "order_id", pattern: "(?i)\\b[a-z]{2}\\d{6}\\b")
        #expect(orders.values(in: "ab123456 or CD654321") == ["ab123456", "CD654321"])
    }

    /// "ab123456" reached the order system as typed, which answered "not found".
    @Test func givesTheValueInTheCaseTheBotAsksFor() throws {
        let orders = try RegexExtractor(type: "order_id", pattern: "(?i)\\b[a-z]{2}\\d{6}\\b", letterCase: .upper)
        #expect(orders.values(in: "ab123456 or Cd654321") == ["AB123456", "CD654321"])
        let matches = orders.extract(from: "order ab123456", context: mondayContext)
        #expect(matches.map(\.text) == ["ab123456"], "the text stays as the customer typed it")
        let codes = try RegexExtractor(type: "code", pattern: "(?i)\\bX[0-9]+\\b", letterCase: .lower)
        #expect(codes.values(in: "X12") == ["x12"])
    }

    @Test func ignoresEmptyMatches() throws {
        let letters = try RegexExtractor(type: "letters", pattern: "é*")
        #expect(letters.values(in: "café ééé x") == ["é", "ééé"])
    }

    @Test(arguments: [
        ("(abc", ": unclosed '(' at character 5"), ("[a-", ": unclosed '[' at character 4"),
        ("*", ": nothing to repeat at character 2"), ("", ""),
        ("(a)\\1", ": back-references need backtracking and are not supported at character 6"),
        ("(?=a)", ": look-around needs backtracking and is not supported at character 3"),
        ("a{2,1}", ": {2,1} counts down at character 7"),
        ("a{5000}", ": a count above 1000 at character 8"),
    ])
    func rejectsInvalidPatterns(pattern: String, reason: String) {
        #expect(
            throws: EntityDefinitionError(type: "ref", message: "invalid regular expression: \"\(pattern)\"\(reason)")
        ) {
            try RegexExtractor(type: "ref", pattern: pattern)
        }
    }
}
