import Testing

@testable import Usher

@Suite("PhoneExtractor")
struct PhoneExtractorTests {
    let phones = PhoneExtractor()

    @Test(arguments: [
        ("call +1 800 555 0199 now", "+18005550199", "+1 800 555 0199"),
        ("(800) 555-0199", "8005550199", "(800) 555-0199"), ("0800 123 456", "0800123456", "0800 123 456"),
        ("+44 (0)20 7946 0958", "+4402079460958", "+44 (0)20 7946 0958"),
        ("800.555.0199", "8005550199", "800.555.0199"), ("+33 1 23 45 67 89", "+33123456789", "+33 1 23 45 67 89"),
        ("07700900123", "07700900123", "07700900123"), ("+3212345", "+3212345", "+3212345"),
        ("555-0199.", "5550199", "555-0199"), ("+1-800-555-0199", "+18005550199", "+1-800-555-0199"),
        ("tel:0800 123 456", "0800123456", "0800 123 456"),
        ("(+44) 20 7946 0958", "+442079460958", "(+44) 20 7946 0958"),
        ("tel: +49 (30) 123456", "+4930123456", "+49 (30) 123456"),
        ("800 - 555 - 0199", "8005550199", "800 - 555 - 0199"),
    ])
    func readsPhoneNumbers(text: String, value: String, matched: String) {
        let matches = phones.extract(from: text, context: mondayContext)
        #expect(matches.map(\.value) == [value])
        #expect(matches.map(\.text) == [matched])
        #expect(matches.allSatisfy { slice(text, $0.range) == $0.text })
    }

    @Test(arguments: [
        "2026-03-03", "03.03.2026", "3-3-2026", "12345678", "123", "3.14159265", "2019-2026", "1234567890123456",
        "+1 234 567 890 123 456", "15:30", "AB1234567890", "555 0199abc", "1,234,567", "$1 200", "1 2 3 4 5 6 7 8",
        "5550199/2", "", "30.02.2026", "29.02.2027", "31.04.2026", "2026-02-30", "30-02-2026", "2027.02.29",
    ])
    func ignoresDatesAndShortOrLongNumbers(text: String) {
        #expect(phones.values(in: text) == [])
    }

    @Test func findsAPhoneNumberAfterADate() {
        #expect(phones.values(in: "2026-03-03 0800 123 456") == ["0800123456"])
        #expect(phones.values(in: "call 555 0199 or 555 0188") == ["5550199", "5550188"])
    }

    /// Each date used to send the scanner over the rest of the run again: minutes for this text.
    @Test func readsARunOfSpacedDatesOnce() {
        let text = String(repeating: "2026 - 03 - 03 - ", count: 10_000) + "0800 123 456"
        #expect(phones.values(in: text) == ["0800123456"])
    }
}
