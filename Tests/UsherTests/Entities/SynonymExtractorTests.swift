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
}
