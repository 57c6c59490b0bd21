import Foundation
import Testing

@Suite("usher check")
struct CheckCommandTests {
    /// The summary names the translations read and their files, so one missing from the
    /// folder shows.
    @Test func theExampleBotIsValidAndClean() throws {
        let output = try UsherBinary.run(["check", "--strict"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.isEmpty)
        #expect(output.stdout.hasPrefix("intents: ok: "))
        #expect(
            output.stdout.hasSuffix(
                " patterns, 0 warnings; translations: de (de.json), ru (ru.json), zh-TW (zh-TW.json)\n"))
    }

    @Test func errorsExitOneAndNameFileLineAndPath() throws {
        let directory = try UsherBinary.directory([
            "a.json":
                "{\n  \"intents\": [\n    {\"name\": \"a\", \"example\": [\"hi\"], \"responses\": [\"ok\"]}\n  ]\n}\n",
            "b.json": "{\"intents\": [{\"name\": \"b\", \"examples\": [\"x {y\"], \"responses\": [\"ok\"]}]}",
        ])
        let output = try UsherBinary.run(["check", directory.path])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(
            output.stderr == """
                \(directory.path)/a.json:3:19: error: intents[0].example: unknown key "example"; did you mean "examples"?
                \(directory.path)/b.json:1:41: error: intents[0].examples[0]: unclosed '{' (write {{ for a literal brace)
                \(directory.path): 2 errors; the bot was not loaded

                """)
    }

    @Test func warningsKeepExitZeroUnlessStrict() throws {
        let directory = try UsherBinary.directory([
            "bot.json": #"{"intents": [{"name": "a", "examples": ["one"], "responses": ["ok"]}]}"#
        ])
        let lenient = try UsherBinary.run(["check", directory.path])
        #expect(lenient.status == 0)
        #expect(
            lenient.stderr
                == "\(directory.path)/bot.json:1:14: warning: intents[0]: intent \"a\" has 1 example; give it at least 3 varied ones\n"
        )
        #expect(lenient.stdout.hasSuffix("1 warning\n"))
        #expect(lenient.stdout == "\(directory.path): ok: 1 intents, 1 examples, 0 patterns, 1 warning\n")
    }

    /// The new-user trial: `check --strict` printed "ok: … 2 warnings" and exited 1. It says
    /// that the warnings failed it.
    @Test func strictSaysWarningsFailedIt() throws {
        let directory = try Self.exampleBot(
            editing: "orders.json", #""intents": ["#,
            to:
                #""intents": [{"name": "gift_cards", "examples": ["do you sell gift cards", "can I buy a voucher", "gift card for my mum"], "responses": ["Our shop sells gift cards."]},"#
        )
        let output = try UsherBinary.run(["check", "--strict", directory.path])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(
            output.stderr == """
                \(directory.path)/de.json:2:15: warning: language: intent "gift_cards" has no translation into de, so customers writing de cannot reach it and get the fallback
                \(directory.path)/ru.json:2:15: warning: language: intent "gift_cards" has no translation into ru, so customers writing ru cannot reach it and get the fallback
                \(directory.path)/zh-TW.json:2:15: warning: language: intent "gift_cards" has no translation into zh-TW, so customers writing zh-TW cannot reach it and get the fallback
                \(directory.path): failed: 3 warnings, and --strict fails on warnings (23 intents, 890 examples, 5 patterns; translations: de (de.json), ru (ru.json), zh-TW (zh-TW.json))

                """)
        let lenient = try UsherBinary.run(["check", directory.path])
        #expect(lenient.status == 0)
        #expect(
            lenient.stdout
                == "\(directory.path): ok: 23 intents, 890 examples, 5 patterns, 3 warnings; translations: de (de.json), ru (ru.json), zh-TW (zh-TW.json)\n"
        )
    }

    /// A file of translations checked alone was 13 errors, one per intent it translates.
    @Test func aFileOfTranslationsAloneIsToldSo() throws {
        let output = try UsherBinary.run(["check", "intents/de.json"])
        #expect(output.status == 1)
        #expect(
            output.stderr == """
                intents/de.json: error: this is a file of translations (into de), which adds words to a bot and is no bot of its own: give the folder that holds it with the bot's own files (intents)
                intents/de.json: 1 error; the bot was not loaded

                """)
    }

    /// The user trial's mistake: the example bot's German file in "ger" left every German
    /// customer in English while `check --strict` said ok.
    @Test func aTranslationInAnUnknownTagIsAnError() throws {
        let directory = try Self.exampleBot(editing: "de.json", #""language": "de""#, to: #""language": "ger""#)
        let output = try UsherBinary.run(["check", "--strict", directory.path])
        #expect(output.status == 1)
        #expect(
            output.stderr == """
                \(directory.path)/de.json:2:15: error: language: "ger" is not a BCP 47 language tag; did you mean "de"?
                \(directory.path): 1 error; the bot was not loaded

                """)
    }

    /// A typo in a translated response was warned in English only; German customers read
    /// "Das tut uns leid wegen ." with no warning. Then it was a warning at the intent's line;
    /// now a marker nothing fills is an error at the text's own line, whatever the text.
    @Test func translatedResponsesAreChecked() throws {
        let directory = try Self.exampleBot(
            editing: "de.json", #""Es tut mir leid, dass bei Ihrer Lieferung"#,
            to: #""Das tut uns leid wegen {ordr_id}.", "Es tut mir leid, dass bei Ihrer Lieferung"#)
        let output = try UsherBinary.run(["check", directory.path])
        #expect(output.status == 1)
        #expect(
            output.stderr == """
                \(directory.path)/de.json:180:9: error: translations[1].responses[0]: {ordr_id} is no slot of intent "delivery_problem", so the customer would read a blank there; did you mean {order_id}?
                \(directory.path): 1 error; the bot was not loaded

                """)
    }

    /// The example bot's intents in a copy whose file `name` has `old` replaced by `new`.
    static func exampleBot(editing name: String, _ old: String, to new: String) throws -> URL {
        var files: [String: String] = [:]
        let intents = UsherBinary.root.appendingPathComponent("intents")
        for file in try FileManager.default.contentsOfDirectory(atPath: intents.path) {
            files[file] = try String(contentsOf: intents.appendingPathComponent(file), encoding: .utf8)
        }
        let edited = try #require(files[name]?.replacingOccurrences(of: old, with: new))
        #expect(edited != files[name], "\(name) does not hold \(old)")
        files[name] = edited
        return try UsherBinary.directory(files)
    }

    @Test func usageErrorsExitTwo() throws {
        let output = try UsherBinary.run(["check", "--no-such-flag"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("Unknown option '--no-such-flag'"))
        let unknown = try UsherBinary.run(["no-such-command"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("Error: \"no-such-command\" is neither a command nor a bot file or directory"))
        let typo = try UsherBinary.run(["chekc"])
        #expect(typo.status == 2)
        #expect(
            typo.stderr.hasPrefix(
                "Error: \"chekc\" is neither a command nor a bot file or directory; did you mean `usher check`? "
                    + "`usher --help` lists the commands"))
    }

    @Test func aMissingBotIsAnError() throws {
        let output = try UsherBinary.run(["check", "/no/such/bot"])
        #expect(output.status == 1)
        #expect(
            output.stderr
                == "/no/such/bot: error: no such file or directory\n/no/such/bot: 1 error; the bot was not loaded\n")
    }

    /// The new-user trial: a learned intent without responses passed `check` with a warning,
    /// and `serve` answered "do you ship to canada" with no reply. Now every command that talks
    /// to customers refuses the bot, naming the file, line and intent; matching alone still runs.
    @Test func anIntentThatCannotReplyIsAnErrorEverywhereItWouldTalk() throws {
        let directory = try UsherBinary.directory([
            "billing.json": """
            {
              "intents": [
                {"name": "hi", "examples": ["hello", "hi there", "good morning"], "responses": ["Hi!"]},
                {"name": "shipping_destinations", "examples": ["do you ship to canada", "shipping to canada?", "do you deliver abroad"]}
              ]
            }

            """
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let error =
            #"\#(directory.path)/billing.json:4:5: error: intents[1]: intent "shipping_destinations" has no responses: a customer it matches would get no reply; give it "responses" (or an "action" or a "handoff")"#
        for command in [["check"], ["serve"], ["test", "--bot"], ["chat"]] {
            let output = try UsherBinary.run(command + [directory.path], input: "do you ship to canada\n")
            // `usher test` tells tests that could not run (2) from a failing one (1).
            #expect(output.status == (command[0] == "test" ? 2 : 1), "\(command)")
            #expect(output.stdout.isEmpty, "\(command): \(output.stdout)")
            #expect(output.stderr.hasPrefix(error + "\n"), "\(command): \(output.stderr)")
        }
        let match = try UsherBinary.run(["match", "--bot", directory.path, "do you ship to canada"])
        #expect(match.status == 0, "\(match.stderr)")
        #expect(match.stdout.contains("shipping_destinations"))
    }
}
