import Testing

@testable import Usher

/// Any text at all: no crash, ranges on the text, no overlaps, and big messages in linear time.
@Suite("Entity robustness")
struct EntityRobustnessTests {
    let recognizer = try! EntityRecognizer(custom: [
        "device": .values(["router": ["wifi box"]]), "ref": .regex("(?i)\\bref-\\d+"),
    ])

    private func check(_ text: String) {
        let matches = recognizer.entities(in: text, context: mondayContext)
        var end = 0
        for match in matches {
            #expect(match.range.lowerBound >= end, "overlap at \(match)")
            #expect(slice(text, match.range) == match.text)
            end = match.range.upperBound
        }
    }

    @Test(arguments: [
        "", " ", "😀", "👩‍👩‍👧‍👦 3 March", "e\u{301}3", "$", "+", "(", "@", "-", "1.", "1,", "$1.", "+(", "(1", "12:", "3/",
        "2026-", "3rd", "the day", "in", "next", "a@", "@b.c", "\u{0}", "٣/٣/٢٠٢٦", "三月三日", "3\u{A0}pm", "\u{FEFF}5",
    ])
    func survivesOddInputs(text: String) {
        check(text)
    }

    @Test func survivesRandomText() {
        var generator = SeededGenerator(seed: 42)
        let alphabet = Array("0123456789 +-./:,()$€£@aAmpMrchTtdoyinx_'é😀\u{A0}")
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...24, using: &generator)
            check(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
    }

    @Test(arguments: [
        String(repeating: "1", count: 100_000), String(repeating: "1 ", count: 50_000),
        String(repeating: "1.", count: 20_000), String(repeating: "1/", count: 20_000),
        String(repeating: "a@", count: 20_000), String(repeating: "$1 ", count: 10_000),
        String(repeating: "x.", count: 20_000) + "@", String(repeating: "+1 800 555 0199 ", count: 2_000),
        String(repeating: "3 March 2026 at 3pm in 2 days ", count: 1_000), String(repeating: "😀", count: 25_000),
    ])
    func handlesLongMessages(text: String) {
        let start = ContinuousClock.now
        check(text)
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func keepsAllOfAVeryLongNumber() {
        let digits = String(repeating: "7", count: 100_000)
        #expect(recognizer.entities(in: digits, context: mondayContext).map(\.type) == ["number"])
    }
}

/// SplitMix64, so the random texts are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
