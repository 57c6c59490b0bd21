import Testing

@testable import Usher

@Suite("JSONParser")
struct JSONParserTests {
    /// Every value's column used to be counted from the start of its line: a one-line file of
    /// n values cost n² (20,000 one-line intents never loaded). 400,000 values on one line, each
    /// with its location, take milliseconds when linear and hours when quadratic.
    @Test(.timeLimit(.minutes(1))) func longLinesCostTheirLengthOnce() throws {
        let count = 400_000
        let line = "[" + Array(repeating: "1", count: count).joined(separator: ",") + ",\"é\"]"
        let root = try JSONParser.parse(line)
        guard case .array(let items) = root.value else {
            Issue.record("expected an array")
            return
        }
        #expect(items.count == count + 1)
        #expect(items[count - 1].location == SourceLocation(line: 1, column: 2 * count))
        #expect(items[count].location == SourceLocation(line: 1, column: 2 * count + 2))
    }

    @Test func parsesNestedValuesWithLocations() throws {
        let root = try JSONParser.parse("{\n  \"a\": [1, -2.5e1, true, null],\n  \"b\": \"x\"\n}")
        guard case .object(let members) = root.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyLocation == SourceLocation(line: 2, column: 3))
        #expect(members[1].value == JSONNode(.string("x"), at: SourceLocation(line: 3, column: 8)))
        guard case .array(let elements) = members[0].value.value else { Issue.record("not an array"); return }
        #expect(elements.map(\.value) == [.number(1), .number(-25), .bool(true), .null])
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let root = try JSONParser.parse(#""a\"b\\c\/\n\u00e9\ud83d\ude00""#)
        #expect(root.value == .string("a\"b\\c/\né😀"))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        #expect(throws: JSONSyntaxError("unexpected 'x'; expected a value", at: SourceLocation(line: 1, column: 7))) {
            try JSONParser.parse("[\"é\", x]")
        }
    }

    @Test(arguments: [
        ("", "1:1: the file is empty; expected a JSON value"),
        ("   \n ", "2:2: the file is empty; expected a JSON value"),
        ("{\"a\": 1,}", "1:9: unexpected '}'; expected a key in double quotes"),
        ("[1 2]", "1:4: unexpected '2'; expected ',' or ']' in an array"),
        ("{\"a\" 1}", "1:6: unexpected '1'; expected ':' after the key"),
        ("{\"a\": 1, \"a\": 2}", "1:10: duplicate key \"a\" in the same object"),
        ("\"abc", "1:1: unterminated string"),
        ("\"ab\ncd\"", "1:4: unterminated string (a line break must be written \\n)"),
        ("\"a\\qb\"", "1:3: invalid escape sequence in a string"),
        ("\"\\ud800\"", "1:2: lone high surrogate \\uD800 in a string"),
        ("\"\\udc00\"", "1:2: lone low surrogate \\uDC00 in a string"),
        ("\"\\u12\"", "1:2: \\u must be followed by four hex digits"),
        ("01", "1:2: a number cannot have a leading zero"),
        ("1.", "1:3: unexpected end of input; expected a digit after '.'"),
        ("1e400", "1:1: the number 1e400 is out of range"),
        ("tru", "1:1: unexpected 't'; expected a value"),
        ("[1] 2", "1:5: unexpected '2' after the JSON value"),
        ("{\"a\": }", "1:7: unexpected '}'; expected a value"),
        ("[", "1:2: unexpected end of input; expected a value"),
    ])
    func reportsSyntaxErrors(input: String, expected: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(input) }
        do {
            _ = try JSONParser.parse(input)
        } catch {
            #expect(error.description == expected)
        }
    }

    /// Keys are compared one by one up to ``JSONParser/keysCompared`` and hashed past it: a
    /// repeat is found either way, where it stands.
    @Test(arguments: [2, 8, 9, 20])
    func findsDuplicateKeysInSmallAndLargeObjects(count: Int) throws {
        let keys = (0..<count).map { "\"k\($0)\": \($0)" }
        let unique = "{" + keys.joined(separator: ", ") + "}"
        guard case .object(let members) = try JSONParser.parse(unique).value else {
            Issue.record("expected an object")
            return
        }
        #expect(members.map(\.key) == (0..<count).map { "k\($0)" })
        for repeated in [0, count - 1] {
            let text = "{" + (keys + ["\"k\(repeated)\": 0"]).joined(separator: ", ") + "}"
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        }
    }

    /// Short integers are read without `Double(_:)`; every number must still get its value.
    @Test(arguments: [
        "0", "-0", "7", "-7", "123456789012345", "-123456789012345", "1234567890123456", "9007199254740993",
        "12345678901234567890", "1.5", "-0.0", "1e3", "10E-2", "0.1",
    ])
    func readsNumbersAsDoubleDoes(text: String) throws {
        guard case .number(let value) = try JSONParser.parse(text).value else {
            Issue.record("expected a number")
            return
        }
        let expected = try #require(Double(text))
        #expect(value == expected)
        #expect(value.sign == expected.sign)
    }

    @Test func rejectsInvalidUTF8InStrings() {
        let bytes: [UInt8] = Array("{\"a\": \"x".utf8) + [0xFF] + Array("\"}".utf8)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "1:9: invalid UTF-8 byte 0xFF")
        }
    }

    @Test func rejectsInvalidUTF8OutsideStrings() {
        do {
            _ = try JSONParser.parse([UInt8(ascii: "["), 0xC3])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "1:2: unexpected invalid UTF-8 byte 0xC3; expected a value")
        }
    }

    @Test func refusesExcessiveNestingWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try JSONParser.parse(deep)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "1:513: nesting is deeper than 512 levels")
        }
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8)).value == .array([]))
    }

    @Test func writerRoundTripsAwkwardStrings() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{07} line sep \u{2028} emoji 😀"
        let json = JSONWriter.string(text)
        #expect(try JSONParser.parse(json).value == .string(text))
        #expect(JSONWriter.string("\u{07}") == "\"\\u0007\"")
    }

    @Test(arguments: [(1.0, "1"), (0.5, "0.5"), (0.123456, "0.1235"), (-3.0, "-3"), (Double.nan, "null")])
    func writesNumbers(value: Double, expected: String) {
        #expect(JSONWriter.number(value) == expected)
    }
}

/// A seeded fuzzer over JSON-ish fragments: the parser never traps, reports errors with a
/// position inside the input, and whatever it accepts round-trips through the writer.
@Suite("JSONParser fuzz")
struct JSONParserFuzzTests {
    @Test func randomInputNeverTrapsAndRoundTrips() throws {
        var random = SeededRandom(seed: 11)
        let fragments = [
            "{", "}", "[", "]", ",", ":", "\"", "\"a\"", "\"é\\n\"", "\\u00e9", "\\ud83d", "1", "-0", "1e5", "1e999",
            "0.5",
            "true", "null", "fals", " ", "\n", "\u{0}", "\u{7F}", "😀", "\"k\": ", "[[[[", "]]]]",
        ]
        var accepted = 0
        for _ in 0..<20_000 {
            var bytes = Array(
                (0..<random.next(below: 14)).map { _ in fragments[random.next(below: fragments.count)] }.joined().utf8)
            if random.next(below: 8) == 0 { bytes.append(UInt8(0x80 + random.next(below: 0x7F))) }
            do {
                let node = try JSONParser.parse(bytes)
                accepted += 1
                let written = JSONWriter.value(node.value)
                // Values hold their positions, so compare what the writer makes of each.
                #expect(try JSONWriter.value(JSONParser.parse(written).value) == written, "\(written)")
            } catch {
                let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
                #expect(error.location.line >= 1 && error.location.line <= lines)
            }
        }
        #expect(accepted > 100)
    }
}
