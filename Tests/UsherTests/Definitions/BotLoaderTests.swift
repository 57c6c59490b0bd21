import Foundation
import Testing

@testable import Usher

/// Loads in-memory files and returns every error line, or an empty list when the bot loaded.
/// Loaded for matching: these bots have no responses, which is another check's business
/// (``BotValidatorTests``).
private func errors(_ files: [(String, String)]) -> [String] {
    do {
        _ = try BotLoader.load(
            sources: files.map { BotLoader.Source(name: $0.0, bytes: Array($0.1.utf8)) }, for: .matching)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

private func errors(_ json: String) -> [String] { errors([("bot.json", json)]) }

private let validIntent = #"{"name": "greet", "examples": ["hello there"]}"#

@Suite("BotLoader")
struct BotLoaderTests {
    @Test func loadsTheCoreFormatExactlyAsDocumented() throws {
        let json = """
            {
              "language": "en",
              "settings": { "threshold": 0.5 },
              "intents": [
                { "name": "order_status",
                  "examples": ["where is my order", "has my parcel shipped yet", "track order {order_id}"],
                  "patterns": ["* where * my order *"],
                  "slots": { "order_id": { "entity": "order_id", "required": true, "prompt": "What is your order number?" } },
                  "responses": ["Let me check order {order_id} for you."] }
              ],
              "entities": { "order_id": { "regex": "\\\\b[A-Z]{2}[0-9]{6}\\\\b" } },
              "fallback": { "responses": ["Sorry, I did not understand that. Could you rephrase?"] }
            }
            """
        let bot = try BotLoader.load(sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))])
        #expect(bot.language == "en")
        #expect(bot.settings.threshold == 0.5)
        let intent = try #require(bot.intent(named: "order_status"))
        #expect(
            intent.examples.map(\.text) == ["where is my order", "has my parcel shipped yet", "track order {order_id}"])
        #expect(intent.examples[2].template.slotNames == ["order_id"])
        #expect(
            intent.examples[2].origin
                == DefinitionOrigin(
                    file: "bot.json", path: "intents[0].examples[2]", location: SourceLocation(line: 6, column: 70)))
        #expect(intent.patterns.map(\.source) == ["* where * my order *"])
        #expect(intent.responses[0].render(["order_id": "AB1"]) == "Let me check order AB1 for you.")
        #expect(bot.fallback.responses.map(\.description) == ["Sorry, I did not understand that. Could you rephrase?"])
    }

    @Test func appliesDefaultsWhenOptionalSectionsAreMissing() throws {
        let bot = try BotLoader.load(
            sources: [
                BotLoader.Source(name: "a.json", bytes: Array("{\"intents\": [\(validIntent)]}".utf8))
            ], for: .matching)
        #expect(bot.settings.threshold == BotSettings.defaultThreshold)
        #expect(bot.language == "en")
        #expect(bot.fallback.responses.map(\.description) == FallbackDefinition.defaultResponses)
    }

    @Test func mergesFilesAndKeepsIntentOrder() throws {
        let bot = try BotLoader.load(
            sources: [
                BotLoader.Source(
                    name: "a.json",
                    bytes: Array(#"{"language": "de", "intents": [{"name": "a", "examples": ["x y"]}]}"#.utf8)),
                BotLoader.Source(
                    name: "b.json",
                    bytes: Array(
                        #"{"settings": {"threshold": 0.2}, "intents": [{"name": "b", "examples": ["z"]}]}"#.utf8)),
            ], for: .matching)
        #expect(bot.intents.map(\.name) == ["a", "b"])
        #expect(bot.language == "de")
        #expect(bot.settings.threshold == 0.2)
        #expect(bot.files == ["a.json", "b.json"])
    }

    @Test(arguments: [
        ("", "bot.json:1:1: the file is empty; expected a JSON value"),
        ("{\"intents\": [}", "bot.json:1:14: unexpected '}'; expected a value"),
        ("[]", "bot.json:1:1: expected an object, found an array"),
        ("{\"intent\": []}", "bot.json:1:2: intent: unknown key \"intent\"; did you mean \"intents\"?"),
        (
            "{\"colour\": 1, \"intents\": [\(validIntent)]}",
            "bot.json:1:2: colour: unknown key \"colour\"; expected one of \"language\", \"settings\", \"entities\", \"intents\", \"fallback\", \"translations\", \"queue_names\", \"synonyms\""
        ),
        ("{\"intents\": {}}", "bot.json:1:13: intents: expected an array, found an object"),
        ("{\"intents\": [1]}", "bot.json:1:14: intents[0]: expected an object, found a number"),
        ("{\"intents\": [{\"examples\": [\"hi\"]}]}", "bot.json:1:14: intents[0]: an intent needs a \"name\""),
        (
            "{\"intents\": [{\"name\": \" \", \"examples\": [\"hi\"]}]}",
            "bot.json:1:23: intents[0].name: must not be empty"
        ),
        (
            "{\"intents\": [{\"name\": 7, \"examples\": [\"hi\"]}]}",
            "bot.json:1:23: intents[0].name: expected a string, found a number"
        ),
        (
            "{\"intents\": [{\"name\": \"a b\", \"examples\": [\"hi\"]}]}",
            "bot.json:1:23: intents[0].name: invalid intent name \"a b\": no spaces, control characters or braces"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"example\": [\"hi\"]}]}",
            "bot.json:1:28: intents[0].example: unknown key \"example\"; did you mean \"examples\"?"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": []}]}",
            "bot.json:1:14: intents[0]: intent \"a\" has no examples and no patterns, so nothing can match it"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": \"hi\"}]}",
            "bot.json:1:40: intents[0].examples: expected an array, found a string"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"hi\", null]}]}",
            "bot.json:1:47: intents[0].examples[1]: expected a string, found null"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"?!\"]}]}",
            "bot.json:1:41: intents[0].examples[0]: an example needs at least one word"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"track {order\"]}]}",
            "bot.json:1:41: intents[0].examples[0]: unclosed '{' (write {{ for a literal brace)"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"a } b\"]}]}",
            "bot.json:1:41: intents[0].examples[0]: unmatched '}' (write }} for a literal brace)"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"a {} b\"]}]}",
            "bot.json:1:41: intents[0].examples[0]: empty slot marker {}"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"a {order id} b\"]}]}",
            "bot.json:1:41: intents[0].examples[0]: invalid slot name \"order id\" in {order id}: use letters, digits and _, starting with a letter"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"patterns\": [\"* *\"]}]}",
            "bot.json:1:41: intents[0].patterns[0]: a pattern needs at least one word besides * and {slot} markers"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"patterns\": [\"from {a}{b} to\"]}]}",
            "bot.json:1:41: intents[0].patterns[0]: captures {b} and the one before it need words between them"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"hi\"], \"responses\": [\"{x\"]}]}",
            "bot.json:1:62: intents[0].responses[0]: unclosed '{' (write {{ for a literal brace)"
        ),
        (
            "{\"settings\": {\"threshold\": 2}, \"intents\": [\(validIntent)]}",
            "bot.json:1:28: settings.threshold: must be between 0 and 1, found 2"
        ),
        (
            "{\"settings\": {\"threshold\": \"high\"}, \"intents\": [\(validIntent)]}",
            "bot.json:1:28: settings.threshold: expected a number, found a string"
        ),
        (
            "{\"settings\": {\"treshold\": 0.3}, \"intents\": [\(validIntent)]}",
            "bot.json:1:15: settings.treshold: unknown key \"treshold\"; did you mean \"threshold\"?"
        ),
        ("{\"language\": \"\", \"intents\": [\(validIntent)]}", "bot.json:1:14: language: must not be empty"),
        (
            "{\"fallback\": {}, \"intents\": [\(validIntent)]}",
            "bot.json:1:14: fallback: the fallback needs \"responses\" (or out-of-scope \"examples\")"
        ),
        (
            "{\"fallback\": {\"responses\": []}, \"intents\": [\(validIntent)]}",
            "bot.json:1:28: fallback.responses: the fallback needs at least one response"
        ),
        ("{\"language\": \"en\"}", "bot.json: the bot has no intents"),
    ])
    func reportsEachErrorClassWithFileLineAndPath(json: String, expected: String) {
        #expect(errors(json) == [expected])
    }

    @Test func reportsDuplicatesAcrossFilesWithBothPlaces() {
        let second =
            "{\n  \"language\": \"fr\",\n  \"settings\": {\"threshold\": 0.1},\n  \"intents\": [\(validIntent)],\n  \"fallback\": {\"responses\": [\"?\"]}\n}"
        let first =
            "{\"language\": \"en\", \"settings\": {\"threshold\": 0.2}, \"fallback\": {\"responses\": [\"!\"]}, \"intents\": [\(validIntent)]}"
        #expect(
            errors([("a.json", first), ("b.json", second)]) == [
                "b.json:2:15: language: \"language\" is already set (first at a.json:1)",
                "b.json:3:29: settings.threshold: settings.threshold is already set (first at a.json:1)",
                "b.json:5:15: fallback: \"fallback\" is already set (first at a.json:1)",
                "b.json:4:15: intents[0]: duplicate intent name \"greet\" (first at a.json:1)",
            ])
    }

    @Test func reportsEveryErrorOfEveryFileTogether() {
        let result = errors([
            ("a.json", "{\"intents\": [{\"name\": 1}, {\"name\": \"b\", \"examples\": [2]}]}"),
            ("b.json", "{"),
        ])
        #expect(
            result == [
                "a.json:1:23: intents[0].name: expected a string, found a number",
                "a.json:1:54: intents[1].examples[0]: expected a string, found a number",
                "b.json:1:2: unexpected end of input; expected a key in double quotes",
            ])
    }

    @Test func reportsInvalidUTF8WithItsPlace() {
        let bytes = Array("{\"intents\": [{\"name\": \"a\", \"examples\": [\"caf".utf8) + [0xE9] + Array("\"]}]}".utf8)
        do {
            _ = try BotLoader.load(sources: [BotLoader.Source(name: "bot.json", bytes: bytes)])
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.description) == ["bot.json:1:45: invalid UTF-8 byte 0xE9"])
        }
    }

    @Test func loadsAFiftyMegabyteFileWithoutTrouble() throws {
        let big = String(repeating: "word ", count: 10_000_000)
        let json = "{\"intents\": [{\"name\": \"big\", \"examples\": [\"\(big)\"]}]}"
        let bot = try BotLoader.load(
            sources: [BotLoader.Source(name: "big.json", bytes: Array(json.utf8))], for: .matching)
        #expect(bot.intents[0].examples[0].text.utf8.count == 50_000_000)
    }

    @Test func reportsMissingPathsAndEmptyDirectories() throws {
        #expect(throws: DefinitionErrors([DefinitionError(file: "/no/such/bot", message: "no such file or directory")]))
        {
            try BotLoader.load(path: "/no/such/bot")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "usher-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(
            throws: DefinitionErrors([
                DefinitionError(file: directory.path, message: "the directory holds no .json files")
            ])
        ) {
            try BotLoader.load(path: directory.path, for: .matching)
        }
    }

    @Test func loadsADirectoryInNameOrder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("usher-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try #"{"intents": [{"name": "second", "examples": ["b"]}]}"#.write(
            to: directory.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        try #"{"intents": [{"name": "first", "examples": ["a"]}]}"#.write(
            to: directory.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try "not json".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let bot = try BotLoader.load(path: directory.path, for: .matching)
        #expect(bot.intents.map(\.name) == ["first", "second"])
    }
}
