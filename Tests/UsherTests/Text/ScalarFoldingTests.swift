import Testing

@testable import Usher

/// The folding table is a cache of the normaliser's slow path: every test here compares the two.
@Suite("ScalarFolding")
struct ScalarFoldingTests {
    @Test(arguments: [
        ("Ёлка и ЁЖИК", ["елка", "и", "ежик"]),
        ("ÄÖÜ Straße", ["aou", "strasse"]),
        ("Ελλάδα", ["ελλαδα"]),
        ("Ǆemal ĲSSEL", ["dzemal", "ijssel"]),
        ("Tiếng Việt", ["tieng", "viet"]),
        ("订单 訂單 ok", ["訂", "單", "訂", "單", "ok"]),
    ])
    func foldsTheAlphabetsOfCustomers(text: String, words: [String]) {
        #expect(TextNormalizer.normalize(text).words == words)
        #expect(TextNormalizer.normalizeWithUnicodeData(text).words == words)
    }

    /// Every character the table covers, alone and inside a word, reads as the slow path reads it.
    @Test func everyCoveredCharacterAgreesWithUnicodeData() {
        for range in ScalarFolding.ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                for text in [String(scalar), "a\(scalar)b", "\(scalar)\(scalar) 1"] {
                    let fast = TextNormalizer.normalize(text)
                    let slow = TextNormalizer.normalizeWithUnicodeData(text)
                    #expect(fast == slow, "U+\(String(value, radix: 16)) in \"\(text)\"")
                }
            }
        }
    }

    /// Mixtures, including what the table must refuse (combining accents after a letter,
    /// full-width forms, Hangul jamo that compose, Arabic), read as the slow path reads them.
    @Test func mixedTextAgreesWithUnicodeData() {
        let pool: [Unicode.Scalar] =
            Array(
                "aZ9 '-,.ßäÄéÉøÆœçñÑİıЁёйЙщЪєЇΆάΣςΩ訂订单單后们ｃＡ１，한글\u{1100}\u{1161}\u{11A8}مرحبا€\u{301}\u{308}\u{2019}"
                    .unicodeScalars)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5_000 {
            var text = String.UnicodeScalarView()
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(1 + Int(state >> 60)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(pool[Int(state >> 33) % pool.count])
            }
            let string = String(text)
            #expect(
                TextNormalizer.normalize(string) == TextNormalizer.normalizeWithUnicodeData(string), "\"\(string)\"")
        }
    }
}
