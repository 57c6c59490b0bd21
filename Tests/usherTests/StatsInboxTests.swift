import Foundation
import Testing

/// `usher stats --unmatched` as a support lead runs the loop again and again on a copy of the
/// example bot (new-user trial: every run wiped the labels, and learned groups came back).
@Suite("usher stats --unmatched")
struct StatsInboxTests {
    private func serve(_ texts: [(session: String, text: String)], in folder: URL) throws {
        let input = texts.map { #"{"session": "\#($0.session)", "text": "\#($0.text)"}"# + "\n" }.joined()
        let served = try UsherBinary.run(["serve", "--state", "s.sqlite", "intents"], input: input, in: folder)
        #expect(served.status == 0, "\(served.stderr)")
    }

    /// Runs `usher stats --unmatched inbox.jsonl` in `folder`: what it said.
    private func writeInbox(in folder: URL) throws -> String {
        let output = try UsherBinary.run(["stats", "--state", "s.sqlite", "--unmatched", "inbox.jsonl"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "")
        return output.stderr
    }

    /// The line `usher stats` ends with, `notes` in brackets after the file's name.
    private func said(_ groups: String, _ notes: String = "") -> String {
        "usher stats: \(groups) the bot did not understand written to inbox.jsonl\(notes); "
            + "label each (an intent, new:NAME or ignore), then `usher learn inbox.jsonl`\n"
    }

    private func inbox(_ folder: URL) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent("inbox.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    /// Labels survive the next run; what is labelled does not come back as new, and what the
    /// bot has learned since leaves the inbox.
    @Test func labellingWorkIsNeverLost() throws {
        let folder = try UsherBinary.copyOfTheExampleBot()
        defer { try? FileManager.default.removeItem(at: folder) }
        try serve(
            [
                ("s1", "do you ship to canada"), ("s2", "shipping to canada?"),
                ("s3", "is there a student discount"),
            ], in: folder)
        #expect(try writeInbox(in: folder) == said("2 groups of 3 messages"))
        let lines = try inbox(folder)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"{"label": "", "count": 2, "text": "do you ship to canada""#), "\(lines)")
        let ignored = lines[1].replacingOccurrences(of: #""label": """#, with: #""label": "ignore""#)
        let labelled = [
            lines[0].replacingOccurrences(of: #""label": """#, with: #""label": "new:shipping_destinations""#),
            ignored,
        ]
        try (labelled.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("inbox.jsonl"), atomically: true, encoding: .utf8)

        // Before learning: a second run keeps both labels and adds only what is new.
        try serve([("s4", "is there a student discount"), ("s5", "blorp fizzle")], in: folder)
        #expect(try writeInbox(in: folder) == said("1 group of 1 message", " (kept its 2 labelled groups)"))
        let afterSecond = try inbox(folder)
        #expect(Array(afterSecond.prefix(2)) == labelled)
        #expect(
            afterSecond.count == 3 && afterSecond[2].hasPrefix(#"{"label": "", "count": 1, "text": "blorp fizzle""#))

        // After learning: the learned group leaves the inbox, and so do the messages the bot
        // now understands; the ignored group and the one not yet labelled stay.
        let learned = try UsherBinary.run(["learn", "inbox.jsonl", "--bot", "intents"], in: folder)
        #expect(learned.status == 0, "\(learned.stderr)")
        #expect(
            try writeInbox(in: folder)
                == said(
                    "1 group of 1 message", " (kept its 1 labelled group; left out 2 messages the bot understands now)")
        )
        let afterThird = try inbox(folder)
        #expect(afterThird.count == 2 && afterThird[0] == ignored, "\(afterThird)")
        #expect(afterThird[1].hasPrefix(#"{"label": "", "count": 1, "text": "blorp fizzle""#))
        // Every group labelled and nothing new since: said so, and the inbox stays as it is.
        let allLabelled = [
            ignored, afterThird[1].replacingOccurrences(of: #""label": """#, with: #""label": "ignore""#),
        ]
        try (allLabelled.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("inbox.jsonl"), atomically: true, encoding: .utf8)
        #expect(
            try writeInbox(in: folder)
                == "usher stats: no new message the bot did not understand for inbox.jsonl (kept its 2 labelled groups; left out 2 messages the bot understands now)\n"
        )
        #expect(try inbox(folder) == allLabelled)
        // Learning twice in a row is harmless: nothing left to learn.
        let again = try UsherBinary.run(["learn", "inbox.jsonl", "--bot", "intents"], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
    }

    /// An inbox that cannot be read is not overwritten: its labels could not be kept.
    @Test func aBrokenInboxIsNotOverwritten() throws {
        let folder = try UsherBinary.copyOfTheExampleBot()
        defer { try? FileManager.default.removeItem(at: folder) }
        try serve([("s1", "blorp fizzle")], in: folder)
        let broken = #"{"label": "ignore", "texts": ["x"]"# + "\n"
        try broken.write(to: folder.appendingPathComponent("inbox.jsonl"), atomically: true, encoding: .utf8)
        let output = try UsherBinary.run(["stats", "--state", "s.sqlite", "--unmatched", "inbox.jsonl"], in: folder)
        #expect(output.status == 1)
        #expect(
            output.stderr == """
                inbox.jsonl:1:35: error: unexpected end of input; expected ',' or '}' in an object
                usher stats: inbox.jsonl was not changed: its labels could not all be read; fix the line or give another file

                """)
        #expect(try String(contentsOf: folder.appendingPathComponent("inbox.jsonl"), encoding: .utf8) == broken)
    }

    /// A message in a language the bot does not serve reaches the inbox as that language, not
    /// as the bot's own, and `usher learn` refuses it unless the author names a language.
    @Test func unservedLanguagesAreNotTakenForEnglish() throws {
        let folder = try UsherBinary.copyOfTheExampleBot()
        defer { try? FileManager.default.removeItem(at: folder) }
        try serve([("f1", "Est-ce que je peux payer en plusieurs fois ?"), ("e1", "hello")], in: folder)
        // The French conversation is counted as French, not in English's fallback rate.
        let figures = try UsherBinary.run(["stats", "--state", "s.sqlite", "--json"], in: folder)
        let languages = try #require(
            (try JSONSerialization.jsonObject(with: Data(figures.stdout.utf8)) as? [String: Any])?["languages"]
                as? [[String: Any]])
        #expect(languages.map { $0["language"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["en", "fr"])
        _ = try writeInbox(in: folder)
        let line = try #require(try inbox(folder).first)
        #expect(line.hasSuffix(#", "language": "fr"}"#), "\(line)")
        try line.replacingOccurrences(of: #""label": """#, with: #""label": "payment_methods""#).write(
            to: folder.appendingPathComponent("inbox.jsonl"), atomically: true, encoding: .utf8)
        let learn = try UsherBinary.run(["learn", "inbox.jsonl", "--bot", "intents"], in: folder)
        #expect(learn.status == 1)
        #expect(
            learn.stderr == """
                inbox.jsonl:1:1: error: language: the bot does not serve "fr"; it serves en, de, ru, zh-TW
                usher learn: nothing was changed

                """)
        // Without the inbox's language, the text's own says the same.
        try #"{"label": "payment_methods", "texts": ["Est-ce que je peux payer en plusieurs fois ?"]}"#.write(
            to: folder.appendingPathComponent("inbox.jsonl"), atomically: true, encoding: .utf8)
        let detected = try UsherBinary.run(["learn", "inbox.jsonl", "--bot", "intents"], in: folder)
        #expect(detected.status == 1)
        #expect(
            detected.stderr.hasPrefix(
                #"inbox.jsonl:1:1: error: texts[0]: "Est-ce que je peux payer en plusieurs fois ?" reads as fr, which the bot does not serve"#
            ), "\(detected.stderr)")
    }

    @Test(arguments: [
        (["--low-confidence", "5"], "Error: --low-confidence 5 is out of range: give a confidence from 0 to 1\n"),
        (["--low-confidence", "-1"], "Error: --low-confidence -1 is out of range: give a confidence from 0 to 1\n"),
    ])
    func confidencesOutOfRangeAreRefused(arguments: [String], message: String) throws {
        let output = try UsherBinary.run(["stats", "--state", "x.sqlite"] + arguments)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix(message), "\(output.stderr)")
    }

    /// A file that cannot be written says why; the files asked for replace the tables, and each
    /// says where it went.
    @Test func filesSayWhereTheyWentOrWhyNot() throws {
        let folder = try UsherBinary.copyOfTheExampleBot()
        defer { try? FileManager.default.removeItem(at: folder) }
        try serve([("s1", "hello"), ("s2", "blorp fizzle")], in: folder)
        let missing = try UsherBinary.run(
            ["stats", "--state", "s.sqlite", "--unmatched", "/nope/u.jsonl"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr == "usher: error: /nope/u.jsonl: cannot write the file: there is no folder /nope\n")
        let report = try UsherBinary.run(["stats", "--state", "s.sqlite", "--html", "report.html"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout == "")
        #expect(report.stderr == "usher stats: the report is written to report.html\n")
        let noPlace = try UsherBinary.run(["stats", "--state", "s.sqlite", "--html", "/nope/r.html"], in: folder)
        #expect(noPlace.stderr == "usher: error: /nope/r.html: cannot write the report: there is no folder /nope\n")
        // No known customer: repeat contacts have nothing to count.
        let table = try UsherBinary.run(["stats", "--state", "s.sqlite"], in: folder)
        #expect(
            table.stdout.contains(
                "repeat contacts: nothing to count: no conversation named its customer (request metadata \"customer\")"),
            "\(table.stdout)")
        #expect(!table.stdout.contains("0 of 0"))
    }
}
