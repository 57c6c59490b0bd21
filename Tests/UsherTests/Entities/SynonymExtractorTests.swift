import Testing

@testable import Usher

@Suite("SynonymExtractor")
struct SynonymExtractorTests {
    let devices = try! SynonymExtractor(
        type: "device", values: ["router": ["wifi box", "modem", "Wi-Fi box"], "tv": ["television"], "box": []])

    @Test(arguments: [
        ("My WiFi box is dead", ["router"], ["WiFi box"]),
        ("the Modem and the TV", ["router", "tv"], ["Modem", "TV"]),
        ("my wi-fi BOX", ["router"], ["wi-fi BOX"]), ("a box", ["box"], ["box"]), ("ROUTER!", ["router"], ["ROUTER"]),
        ("modems and tvs", [], []), ("wifi", [], []), ("", [], []),
    ])
    func matchesWholeWordsLongestFirst(text: String, values: [String], matched: [String]) {
        let matches = devices.extract(from: text, context: mondayContext)
        #expect(matches.map(\.value) == values)
        #expect(matches.map(\.text) == matched)
        #expect(matches.allSatisfy { slice(text, $0.range) == $0.text && $0.type == "device" })
    }

    @Test func ignoresAccentsAndWidthAndKeepsOriginalOffsets() throws {
        let places = try SynonymExtractor(type: "place", values: ["cafe": ["coffee shop"], "street": ["straße"]])
        let text = "Die STRASSE, ein Café und ｃｏｆｆｅｅ ｓｈｏｐ"
        let matches = places.extract(from: text, context: mondayContext)
        #expect(matches.map(\.value) == ["street", "cafe", "cafe"])
        #expect(matches.map(\.text) == ["STRASSE", "Café", "ｃｏｆｆｅｅ ｓｈｏｐ"])
        #expect(matches.allSatisfy { slice(text, $0.range) == $0.text })
    }

    @Test func matchesCharactersOfUnspacedScripts() throws {
        let orders = try SynonymExtractor(type: "topic", values: ["order": ["订单"]])
        let matches = orders.extract(from: "我的订单在哪里", context: mondayContext)
        #expect(matches.map(\.text) == ["订单"])
        #expect(matches.map(\.range) == [6..<12])
    }

    @Test(arguments: [
        (["": ["x"]], "empty value"), (["router": ["modem", " "]], "empty synonym for \"router\""),
        (["router": ["?!"]], "empty synonym for \"router\""),
        (["router": ["Modem"], "hub": ["modem"]], "\"modem\" stands for both \"hub\" and \"router\""),
        (["tv": [], "screen": ["TV"]], "\"tv\" stands for both \"screen\" and \"tv\""),
    ])
    func rejectsEmptyAndAmbiguousPhrases(values: [String: [String]], message: String) {
        #expect(throws: EntityDefinitionError(type: "device", message: message)) {
            try SynonymExtractor(type: "device", values: values)
        }
    }

    /// An ASCII message's words are read from its bytes; they and their ranges are those the
    /// general path (Unicode's properties, and the normaliser for each piece) gives, for seeded
    /// random mixtures of words, apostrophes, digits, upper case and punctuation.
    @Test func asciiWordsAreTheGeneralPathsWords() {
        let pieces = [
            "don't", "Wi-Fi", "BOX", "it's", "'quoted'", "a1b2", "42", "x'", "'", "--", " ", ",", "O'Neil", "tv's",
            "\t", "ab'cd'ef", "''", "Z", "3.5", "@", "~", "e-mail", "[x]", "a''b",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(1 + Int(state >> 60)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let message = EntityMessage(text)
            let ascii = SynonymExtractor.asciiWords(of: message.utf8)
            let general = SynonymExtractor.scalarWords(of: message)
            #expect(ascii?.map(\.word) == general.map(\.word), "\(text)")
            #expect(ascii?.map(\.range) == general.map(\.range), "\(text)")
        }
        #expect(SynonymExtractor.asciiWords(of: Array("a café".utf8)) == nil)
    }
}
