import Testing

@testable import Usher

/// A JSON number's exact value, whatever its spelling: what tells whether an id comes back as sent.
@Suite("DecimalValue")
struct DecimalValueTests {
    @Test(arguments: [
        ("100", "1e2"), ("100", "100.0"), ("1e-07", "0.0000001"), ("-0", "0"), ("0.0", "0e5"), ("2500", "2.5E+3"),
        ("-1.25", "-125e-2"),
    ])
    func spellingsOfOneNumberAreEqual(one: String, other: String) {
        #expect(DecimalValue(Array(one.utf8)) == DecimalValue(Array(other.utf8)))
    }

    @Test(arguments: [
        ("1e-400", "0"), ("0.1000000000000000000001", "0.1"), ("-1", "1"), ("10", "1"),
    ])
    func differentNumbersAreNot(one: String, other: String) {
        #expect(DecimalValue(Array(one.utf8)) != DecimalValue(Array(other.utf8)))
    }

    @Test(arguments: ["", "-", "1e", "1x", "e5", "."])
    func whatIsNoNumberHasNoValue(text: String) {
        #expect(DecimalValue(Array(text.utf8)) == nil)
    }
}
