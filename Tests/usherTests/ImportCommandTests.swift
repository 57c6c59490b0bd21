import Foundation
import Testing

@Suite("usher import")
struct ImportCommandTests {
    /// The bot scores at once; it talks to customers only once its intents have responses, and
    /// `check` names each that has none.
    @Test func importsALabelledSetIntoABotThatScoresAndChecksOnceItCanReply() throws {
        let directory = try UsherBinary.directory([
            "train.csv":
                "text,category\nwhere is my card,card_arrival\n\"card not here, still waiting\",card_arrival\nwhat is the rate?,exchange_rate\nhow much is a euro,exchange_rate\nblah,oos\n"
        ])
        let imported = try UsherBinary.run(["import", "train.csv", "-o", "bot.json"], in: directory)
        #expect(imported.status == 0)
        #expect(
            imported.stderr == "train.csv: imported 4 examples into 2 intents and 1 out-of-scope examples\n"
                + Self.noResponses("bot.json"))
        // Out-of-scope lines become the fallback's out-of-scope examples.
        let written = try String(contentsOf: directory.appendingPathComponent("bot.json"), encoding: .utf8)
        #expect(written.contains(#""examples": ["#) && written.contains(#""blah""#))
        let eval = try UsherBinary.run(["eval", "bot.json", "--data", "train.csv", "--json"], in: directory)
        #expect(eval.stdout.contains("\"in_scope_accuracy\": 1,"))
        let check = try UsherBinary.run(["check", "bot.json"], in: directory)
        #expect(check.status == 1)
        #expect(
            check.stderr.split(separator: "\n").filter { $0.contains("has no responses") }.map {
                String($0.split(separator: "\"")[1])
            } == ["card_arrival", "exchange_rate"], "\(check.stderr)")
        try written.replacingOccurrences(
            of: #""name": "card_arrival","#, with: #""name": "card_arrival", "responses": ["Soon."],"#
        )
        .replacingOccurrences(
            of: #""name": "exchange_rate","#, with: #""name": "exchange_rate", "responses": ["1.08."],"#
        )
        .write(to: directory.appendingPathComponent("bot.json"), atomically: true, encoding: .utf8)
        let fixed = try UsherBinary.run(["check", "bot.json"], in: directory)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout == "bot.json: ok: 2 intents, 4 examples, 0 patterns, 2 warnings\n")
    }

    /// Several files are read as one: a training split and its out-of-scope split (CLINC150's
    /// train.jsonl and oos_train.jsonl).
    @Test func importsSeveralFilesAsOne() throws {
        let directory = try UsherBinary.directory([
            "train.jsonl": #"{"text": "hi", "intent": "greet"}"# + "\n" + #"{"text": "bye", "intent": "leave"}"# + "\n",
            "oos.jsonl": #"{"text": "tell me a joke", "intent": null}"# + "\n",
        ])
        let output = try UsherBinary.run(["import", "train.jsonl", "oos.jsonl", "-o", "bot.json"], in: directory)
        #expect(
            output.stderr == "train.jsonl, oos.jsonl: imported 2 examples into 2 intents and 1 out-of-scope examples\n"
                + Self.noResponses("bot.json"))
        let match = try UsherBinary.run(["match", "--bot", "bot.json", "tell me a joke please"], in: directory)
        #expect(match.stdout.contains("decided by  out-of-scope example \"tell me a joke\""), "\(match.stdout)")
    }

    /// The summary counted lines read, not examples written: repeats and lines without a word
    /// were dropped without a word said. A language named the way BCP 47 does not write it, or
    /// none, wrote a bot that `usher check` refused.
    @Test func saysWhatItLeftOutAndRefusesABadLanguage() throws {
        let directory = try UsherBinary.directory([
            "d.csv": "text,category\nhello,greet\nhello,greet\n!!!,greet\nbye,leave\n"
        ])
        let output = try UsherBinary.run(["import", "d.csv", "-o", "bot.json"], in: directory)
        #expect(
            output.stderr
                == "d.csv: imported 2 examples into 2 intents; 2 lines left out (repeated, or without a word)\n"
                + Self.noResponses("bot.json"))
        let german = try UsherBinary.run(["import", "d.csv", "-o", "bot.json", "--language", "ger"], in: directory)
        #expect(german.status == 2)
        #expect(german.stderr.hasPrefix(#"Error: --language "ger" is not a BCP 47 language tag; did you mean "de"?"#))
        let empty = try UsherBinary.run(["import", "d.csv", "-o", "bot.json", "--language", ""], in: directory)
        #expect(empty.stderr.hasPrefix("Error: --language must be a language tag such as en, de, ru or zh-TW"))
    }

    /// A data set carries no answers, so an imported bot could be matched but not served: a new
    /// user who imported BANKING77 and piped requests to `usher serve` got 77 errors. `--reply`
    /// gives every intent a placeholder answer naming it, and the bot serves at once.
    @Test func replyMakesABotThatServesAtOnce() throws {
        let directory = try UsherBinary.directory([
            "d.csv":
                "text,category\nwhere is my card,card_arrival\nmy card has not come,card_arrival\nhow much is a euro,exchange_rate\n"
        ])
        let imported = try UsherBinary.run(
            ["import", "d.csv", "-o", "bot.json", "--reply", "About {intent}: an agent will write this."], in: directory
        )
        #expect(imported.stderr == "d.csv: imported 3 examples into 2 intents\n")
        let empty = try UsherBinary.run(["import", "d.csv", "-o", "bot.json", "--reply", " "], in: directory)
        #expect(empty.status == 2)
        #expect(
            empty.stderr.hasPrefix(
                #"Error: --reply needs some text, such as "About {intent}: an agent will write this." ({intent} stands for the intent's name)"#
            ))
        let served = try UsherBinary.run(
            ["serve", "bot.json"], input: #"{"session": "s1", "text": "where is my card?"}"# + "\n", in: directory)
        #expect(served.status == 0, "\(served.stderr)")
        #expect(
            served.stdout.contains(#""replies": ["About card_arrival: an agent will write this."]"#), "\(served.stdout)"
        )
    }

    /// What `import` says after its summary when the intents cannot reply yet.
    static func noResponses(_ output: String) -> String {
        "\(output): its intents have no responses yet: usher match and eval take it as it is; give them responses (or import with --reply TEXT) before usher check, serve, chat and test\n"
    }

    @Test func writesToStandardOutput() throws {
        let directory = try UsherBinary.directory(["d.jsonl": "{\"text\": \"hi\", \"intent\": \"greet\"}\n"])
        let output = try UsherBinary.run(["import", "d.jsonl", "-o", "-"], in: directory)
        #expect(
            output.stdout == """
                {
                  "language": "en",
                  "intents": [
                    {
                      "name": "greet",
                      "examples": [
                        "hi"
                      ]
                    }
                  ]
                }

                """)
    }
}
