import Testing

@testable import Usher

@Suite("NumberExtractor")
struct NumberExtractorTests {
    let numbers = NumberExtractor()

    @Test(arguments: [
        ("I want 3", ["3"]), ("3.5 kilos", ["3.5"]), ("1,200 points", ["1200"]), ("1,234,567.50", ["1234567.5"]),
        ("it is -4 outside", ["-4"]), ("−4", ["-4"]), ("3.50", ["3.5"]), ("007", ["7"]), ("-0", ["0"]),
        ("0.0", ["0"]), ("pages 3-4", ["3", "4"]), ("1,5", []), ("1,2,3", []), ("1, 2, 3", ["1", "2", "3"]),
        ("2 or 3, maybe 10.", ["2", "3", "10"]),
        ("(42)", ["42"]), ("order #123", ["123"]), ("50%", ["50"]), ("“12”", ["12"]),
    ])
    func readsDigits(text: String, values: [String]) {
        #expect(numbers.values(in: text) == values)
    }

    @Test(arguments: [
        ("three", ["3"]), ("Zero", ["0"]), ("twenty", ["20"]), ("twenty five", ["25"]), ("twenty-five", ["25"]),
        ("hundred", ["100"]), ("three hundred and twelve", ["312"]), ("two hundred five", ["205"]),
        ("nineteen and ninety", ["19", "90"]), ("one or two", ["1", "2"]), ("someone", []),
    ])
    func readsEnglishWords(text: String, values: [String]) {
        #expect(numbers.values(in: text) == values)
    }

    /// A scale word multiplies the number before it; a decimal comma is read only before one
    /// ("1,5" alone stays no number), and an article is a number only before one ("a dog").
    @Test(arguments: [
        ("two thousand", ["2000"]), ("2 thousand", ["2000"]), ("2k", ["2000"]), ("1,5 thousand", ["1500"]),
        ("a million", ["1000000"]), ("three thousand twelve", ["3012"]), ("2.5 billion", ["2500000000"]),
        ("5km", []), ("a dog", []), ("1,5", []), ("2 thousand 3 days ago", ["2000", "3"]),
        ("3 hundred", ["300"]), ("2.5 hundred", ["250"]), ("3 hundred thousand", ["300000"]),
        ("two hundred thousand", ["200000"]), ("hundreds", []),
    ])
    func readsScaleWords(text: String, values: [String]) {
        #expect(numbers.values(in: text) == values)
    }

    @Test(arguments: [
        "AB123456", "3pm", "5kg", "v2", "1.2.3", "10.0.0.1", "x_12", "12abc", "ab-12cd", "٣", "",
    ])
    func ignoresDigitsGluedToOtherCharacters(text: String) {
        #expect(numbers.values(in: text) == [])
    }

    @Test func reportsTheCustomersWordsAndWhereTheyStand() {
        let text = "Café 😀: twenty-five or 1,200"
        let matches = numbers.extract(from: text, context: mondayContext)
        #expect(matches.map(\.text) == ["twenty-five", "1,200"])
        #expect(matches.allSatisfy { slice(text, $0.range) == $0.text && $0.type == "number" })
    }

    @Test func keepsVeryLongNumbersWhole() {
        let digits = String(repeating: "9", count: 100_000)
        #expect(numbers.values(in: digits) == [digits])
    }
}
