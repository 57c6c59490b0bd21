import Foundation
import GRDB
import Testing

/// `usher stats` on a scripted two days of conversations with known outcomes, served by the
/// real `usher serve --state --replay-clock`: every figure is checked against what the script
/// makes happen, worked out by hand in the comments.
@Suite("usher stats")
struct StatsCommandTests {
    /// 2026-11-30 09:00 UTC.
    static let start = 1_796_029_200.0
    static let bot = UsherBinary.root.appendingPathComponent("intents").path

    /// (seconds after `start`, request) in order.
    static let script: [(Double, String)] = [
        // c1, customer cust-1: contained, 3 turns (greeting, order_status, thanks) and the result
        // of the order lookup.
        (0, #"{"session": "c1", "text": "hello", "meta": {"customer": "cust-1"}}"#),
        (10, #"{"session": "c1", "text": "where is my order AB123456"}"#),
        // The order system answers the lookup: not a customer turn.
        (
            12,
            #"{"type": "action.result", "session": "c1", "call": "c1/1796029200/2", "values": {"status": "shipped"}}"#
        ),
        (20, #"{"session": "c1", "text": "thank you so much"}"#),
        (30, #"{"type": "agent.join", "agent": "ann", "queues": ["general", "billing"], "capacity": 2}"#),
        // c2: asks for a person (intent), waits 120 s, ann holds it 300 s and closes it.
        (40, #"{"session": "c2", "text": "I want to speak to a human"}"#),
        // c3: a legal keyword; waits, then the customer leaves (reset): abandoned in the queue.
        (100, #"{"session": "c3", "text": "I will contact my lawyer about this order"}"#),
        (160, #"{"type": "agent.claim", "agent": "ann", "session": "c2"}"#),
        (200, #"{"type": "agent.say", "agent": "ann", "session": "c2", "text": "Hello, how can I help?"}"#),
        (460, #"{"type": "agent.close", "agent": "ann", "session": "c2"}"#),
        // c4: two fallbacks hand off at 510; ann takes it at 800 (waited 290 s), transfers it to
        // billing at 900; bob takes it at 1000 (waited 100 s) and releases it at 1300 (300 s).
        (500, #"{"session": "c4", "text": "blorp fizzle"}"#),
        (510, #"{"session": "c4", "text": "wibble wobble"}"#),
        (700, #"{"type": "reset", "session": "c3"}"#),
        (800, #"{"type": "agent.claim", "agent": "ann", "session": "c4"}"#),
        (900, #"{"type": "agent.transfer", "agent": "ann", "session": "c4", "queue": "billing"}"#),
        (950, #"{"type": "agent.join", "agent": "bob", "queues": ["billing"], "capacity": 1}"#),
        (1_000, #"{"type": "agent.claim", "agent": "bob"}"#),
        (1_300, #"{"type": "agent.release", "agent": "bob", "session": "c4"}"#),
        // c5: starts a claim and goes silent: abandoned in the form at policy_number.
        (1_400, #"{"session": "c5", "text": "I want to file a claim"}"#),
        // c6: completes the claim (confirming it); c7: cancels it at policy_number.
        (1_500, #"{"session": "c6", "text": "I want to file a claim"}"#),
        (1_510, #"{"session": "c6", "text": "PN-123456"}"#),
        (1_520, #"{"session": "c6", "text": "yesterday"}"#),
        (1_530, #"{"session": "c6", "text": "yes"}"#),
        (1_600, #"{"session": "c7", "text": "I want to file a claim"}"#),
        (1_610, #"{"session": "c7", "text": "never mind"}"#),
        // Later that day: the sweep ends every idle session (c5 with its form open).
        (5_000, #"{"type": "ping"}"#),
        // The next day, 08:00: cust-1 is back within 24 hours about the order; cust-2 says hello.
        (82_800, #"{"session": "c8", "text": "where is my order AB123456", "meta": {"customer": "cust-1"}}"#),
        (82_900, #"{"session": "c9", "text": "hello", "meta": {"customer": "cust-2"}}"#),
    ]

    /// Serves the script one line at a time and returns the state file.
    static func serveScript(_ script: [(Double, String)] = script, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent("day.sqlite").path
        let server = try ServeProcess(["--state", file, "--replay-clock", "--commit-window", "0", bot])
        for (offset, line) in script {
            let timed = String(line.dropLast()) + ", \"at\": \(start + offset)}"
            server.send([timed])
            let answer = try server.readLines(1)[0]
            #expect(!answer.contains(#""error""#), "\(line) → \(answer)")
        }
        #expect(server.finish() == 0)
        return file
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func everyFigureOfAScriptedDay() throws {
        let folder = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.serveScript(in: folder)
        let output = try UsherBinary.run(["stats", "--state", file, "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let stats = try json(output.stdout)
        let summary = try #require(stats["summary"] as? [String: Any])
        // c1…c9; 3+1+1+2+1+4+2+1+1 customer turns.
        #expect(summary["conversations"] as? Int == 9)
        #expect(summary["turns"] as? Int == 16)
        // c2, c3, c4 went to people; the other six never did.
        #expect(summary["escalated"] as? Int == 3)
        #expect(summary["contained"] as? Int == 6)
        #expect(summary["containment_rate"] as? Double == 0.6667)
        #expect(stats["escalation_reasons"] as? [String: Int] == ["intent": 1, "keyword": 1, "fallbacks": 1])
        #expect(stats["escalation_queues"] as? [String: Int] == ["general": 3])
        // c3 left the queue, c5 left its form.
        #expect(summary["abandoned"] as? Int == 2)
        #expect(stats["abandoned"] as? [String: Int] == ["in_queue": 1, "in_form": 1])
        // Two of sixteen bot turns were fallbacks (c4's).
        #expect(summary["bot_turns"] as? Int == 16)
        #expect(summary["fallbacks"] as? Int == 2)
        let decided = try #require(stats["decided_by"] as? [String: Int])
        #expect(decided["fallback"] == 2 && decided["keyword"] == 1 && decided["form"] == 4)
        #expect((decided["pattern"] ?? 0) + (decided["similarity"] ?? 0) == 9)
        let intents = try #require(stats["intents"] as? [[String: Any]])
        let volumes = Dictionary(uniqueKeysWithValues: intents.map { ($0["intent"] as! String, $0["turns"] as! Int) })
        #expect(volumes == ["file_claim": 3, "order_status": 2, "greeting": 2, "thanks": 1, "talk_to_human": 1])
        let forms = try #require(stats["forms"] as? [[String: Any]])
        // An order number in the first message starts and completes the order form at once.
        #expect(forms.map { $0["form"] as? String } == ["file_claim", "order_status"])
        #expect(forms[1]["started"] as? Int == 2 && forms[1]["completed"] as? Int == 2)
        let claim = forms[0]
        #expect(claim["form"] as? String == "file_claim")
        #expect(claim["started"] as? Int == 3 && claim["completed"] as? Int == 1 && claim["cancelled"] as? Int == 1)
        #expect(claim["abandoned"] as? Int == 1 && claim["failed"] as? Int == 0 && claim["dropped"] as? Int == 0)
        #expect(claim["stopped_at"] as? [String: Int] == ["policy_number": 2])
        let queues = try #require(stats["queues"] as? [[String: Any]])
        let general = try #require(queues.first { $0["queue"] as? String == "general" })
        let billing = try #require(queues.first { $0["queue"] as? String == "billing" })
        #expect(general["queued"] as? Int == 3 && general["transfers_out"] as? Int == 1)
        // c2 waited 120 s, c4 290 s; ann closed c2 after 300 s.
        #expect(general["wait"] as? [String: Double] == ["count": 2, "mean": 205, "p50": 120, "p90": 290, "max": 290])
        #expect(
            general["handle"] as? [String: Double] == ["count": 1, "mean": 300, "p50": 300, "p90": 300, "max": 300])
        #expect(billing["queued"] as? Int == 1 && billing["transfers_in"] as? Int == 1)
        #expect(billing["wait"] as? [String: Double] == ["count": 1, "mean": 100, "p50": 100, "p90": 100, "max": 100])
        let agents = try #require(stats["agents"] as? [[String: Any]])
        #expect(agents.map { $0["agent"] as? String } == ["ann", "bob"])
        #expect(agents[0]["claimed"] as? Int == 2 && agents[0]["transfers"] as? Int == 1)
        #expect(agents[1]["claimed"] as? Int == 1)
        #expect((agents[1]["handle"] as? [String: Double])?["mean"] == 300)
        #expect(stats["transfers"] as? Int == 1)
        // cust-1 came back the next morning about the order; cust-2 was new.
        let repeats = try #require(stats["repeat_contacts"] as? [String: Any])
        #expect(repeats["identified"] as? Int == 3 && repeats["repeats"] as? Int == 1)
        #expect(repeats["intents"] as? [String: Int] == ["order_status": 1])
        let days = try #require(stats["days"] as? [[String: Any]])
        #expect(days.map { $0["date"] as? String } == ["2026-11-30", "2026-12-01"])
        let first = try #require(days[0]["summary"] as? [String: Any])
        #expect(
            first["conversations"] as? Int == 7 && first["contained"] as? Int == 4 && first["abandoned"] as? Int == 2)
        #expect(first["bot_turns"] as? Int == 14 && first["fallbacks"] as? Int == 2)
        let second = try #require(days[1]["summary"] as? [String: Any])
        #expect(second["conversations"] as? Int == 2 && second["containment_rate"] as? Double == 1)

        // The same period cut to the second day.
        let day2 = try json(try UsherBinary.run(["stats", "--state", file, "--json", "--since", "2026-12-01"]).stdout)
        #expect((day2["summary"] as? [String: Any])?["conversations"] as? Int == 2)
        // cust-1's first contact, the day before, is not counted, but makes the second a repeat.
        let repeatsDay2 = try #require(day2["repeat_contacts"] as? [String: Any])
        #expect(repeatsDay2["identified"] as? Int == 2 && repeatsDay2["repeats"] as? Int == 1)
        // And as tables for people.
        let table = try UsherBinary.run(["stats", "--state", file])
        #expect(table.stdout.contains("containment    66.7%"), "\(table.stdout)")
        #expect(table.stdout.contains("file_claim"))
    }

    /// The new-user trial: a conversation from 23:50 handed to a person at 00:10 was contained
    /// in one day's report and escalated in the next's. Each conversation counts whole, in the
    /// day it began: its handoff, its wait (queued 23:58, claimed 00:05) and the agent's handle
    /// time, and the two days add up to the uncut report.
    @Test func eachDayCountsTheConversationsThatBeganInIt() throws {
        let folder = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        // 2026-12-01 00:00 is 54,000 s after the script's start.
        let file = try Self.serveScript(
            [
                (53_000, #"{"type": "agent.join", "agent": "ann", "queues": ["general"], "capacity": 2}"#),
                (53_400, #"{"session": "late", "text": "hello"}"#),
                (53_880, #"{"session": "waiting", "text": "I want to speak to a human"}"#),
                (54_300, #"{"type": "agent.claim", "agent": "ann", "session": "waiting"}"#),
                (54_600, #"{"session": "late", "text": "I want to speak to a human"}"#),
                (55_200, #"{"type": "agent.release", "agent": "ann", "session": "waiting"}"#),
                (57_000, #"{"session": "next", "text": "hello"}"#),
            ], in: folder)
        func summary(_ stats: [String: Any]) throws -> [String: Any] {
            try #require(stats["summary"] as? [String: Any])
        }
        func general(_ stats: [String: Any]) -> [String: Any]? {
            (stats["queues"] as? [[String: Any]])?.first { $0["queue"] as? String == "general" }
        }
        let first = try UsherBinary.run([
            "stats", "--state", file, "--json", "--since", "2026-11-30", "--until", "2026-11-30",
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let day1 = try json(first.stdout)
        #expect(try summary(day1)["conversations"] as? Int == 2)
        #expect(try summary(day1)["escalated"] as? Int == 2)
        #expect(try summary(day1)["contained"] as? Int == 0)
        #expect(general(day1)?["queued"] as? Int == 2)
        #expect(
            general(day1)?["wait"] as? [String: Double] == [
                "count": 1, "mean": 420, "p50": 420, "p90": 420, "max": 420,
            ])
        #expect((general(day1)?["handle"] as? [String: Double])?["count"] == 1)
        let day2 = try json(
            try UsherBinary.run(["stats", "--state", file, "--json", "--since", "2026-12-01", "--until", "2026-12-01"])
                .stdout)
        #expect(try summary(day2)["conversations"] as? Int == 1)
        #expect(try summary(day2)["escalated"] as? Int == 0)
        #expect(try summary(day2)["contained"] as? Int == 1)
        #expect(general(day2) == nil)
        let whole = try json(try UsherBinary.run(["stats", "--state", file, "--json"]).stdout)
        #expect(try summary(whole)["conversations"] as? Int == 3)
        #expect(try summary(whole)["escalated"] as? Int == 2)
        let empty = try UsherBinary.run(["stats", "--state", file, "--since", "2026-12-02"])
        #expect(empty.status == 1)
        #expect(empty.stderr == "usher: error: \(file): no conversation began since 2026-12-02 00:00\n")
    }

    /// A team serving several languages sees which one trails: figures per session language,
    /// as the turns logged it (given by the request or detected from the first message).
    @Test func figuresPerLanguage() throws {
        let folder = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.serveScript(
            [
                (0, #"{"session": "e1", "text": "hello"}"#),
                (10, #"{"session": "e1", "text": "thank you so much"}"#),
                (20, #"{"session": "d1", "text": "Ich möchte mit einem Menschen sprechen", "lang": "de"}"#),
                (30, #"{"session": "d2", "text": "Guten Tag, wo ist meine Bestellung?"}"#),
                (40, #"{"session": "r1", "text": "Здравствуйте", "lang": "ru"}"#),
            ], in: folder)
        let stats = try json(try UsherBinary.run(["stats", "--state", file, "--json"]).stdout)
        let languages = try #require(stats["languages"] as? [[String: Any]])
        #expect(languages.map { $0["language"] as? String } == ["de", "en", "ru"])
        let summaries = try languages.map { try #require($0["summary"] as? [String: Any]) }
        #expect(summaries.map { $0["conversations"] as? Int } == [2, 1, 1])
        #expect(summaries.map { $0["escalated"] as? Int } == [1, 0, 0])
        #expect(summaries.map { $0["turns"] as? Int } == [2, 2, 1])
        let table = try UsherBinary.run(["stats", "--state", file]).stdout
        #expect(table.contains("language  conversations"), "\(table)")
        #expect(table.contains("de                    2        50.0%       50.0%"), "\(table)")
        let page = folder.appendingPathComponent("report.html")
        #expect(try UsherBinary.run(["stats", "--state", file, "--html", page.path]).status == 0)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<h2>Per language</h2>"))
        #expect(html.contains("<tr><td>de</td><td class=\"n\">2</td><td class=\"n\">50.0%</td>"), "\(html)")
    }

    /// Counts a PNG's pixels of each given colour (within a small tolerance), by decoding the
    /// file in Python's standard library: a screenshot proves what the browser drew.
    static let pixelCounter = #"""
        import struct, sys, zlib
        data = open(sys.argv[1], "rb").read()
        pos, idat, width, height = 8, b"", 0, 0
        while pos < len(data):
            length, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b"IHDR":
                width, height, depth, colour = struct.unpack(">IIBB", body[:10])
                channels = {2: 3, 6: 4}[colour]
            elif kind == b"IDAT":
                idat += body
            pos += 12 + length
        raw, stride = zlib.decompress(idat), width * channels
        rows, previous, i = [], bytearray(stride), 0
        for _ in range(height):
            kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
            i += 1 + stride
            for x in range(stride):
                a = line[x - channels] if x >= channels else 0
                b, c = previous[x], previous[x - channels] if x >= channels else 0
                if kind == 1: line[x] = (line[x] + a) & 255
                elif kind == 2: line[x] = (line[x] + b) & 255
                elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            rows.append(line)
            previous = line
        for target in sys.argv[2:]:
            r, g, b = (int(target[k:k + 2], 16) for k in (0, 2, 4))
            count = sum(1 for row in rows for x in range(0, stride, channels)
                        if abs(row[x] - r) < 12 and abs(row[x + 1] - g) < 12 and abs(row[x + 2] - b) < 12)
            print(count)
        """#

    /// The HTML report, opened in headless Chromium: its bars and lines are drawn (pixels of
    /// their colours in a screenshot), and it needs nothing from outside the file.
    /// A queue and an agent with nobody finished were shown a handle time of 0 s, which a
    /// dashboard averages in as instant: no figure is null in JSON and "—" in the table.
    @Test func durationsWithNoDataAreNotZero() throws {
        let folder = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.serveScript(
            [
                (0, #"{"session": "c1", "text": "I want to speak to a human"}"#),
                (10, #"{"type": "agent.join", "agent": "ann", "queues": ["general"], "capacity": 1}"#),
                (70, #"{"type": "agent.claim", "agent": "ann"}"#),
            ], in: folder)
        let stats = try json(try UsherBinary.run(["stats", "--state", file, "--json"]).stdout)
        let queue = try #require((stats["queues"] as? [[String: Any]])?.first)
        let wait = try #require(queue["wait"] as? [String: Any])
        #expect(wait["count"] as? Int == 1 && wait["mean"] as? Double == 70, "\(wait)")
        let handle = try #require(queue["handle"] as? [String: Any])
        #expect(handle["count"] as? Int == 0)
        #expect(["mean", "p50", "p90", "max"].allSatisfy { handle[$0] is NSNull }, "\(handle)")
        let agent = try #require((stats["agents"] as? [[String: Any]])?.first)
        #expect((agent["handle"] as? [String: Any])?["mean"] is NSNull)
        let text = try UsherBinary.run(["stats", "--state", file]).stdout
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("ann ") }, "\(text)")
        #expect(
            line.split(separator: " ", omittingEmptySubsequences: true) == ["ann", "1", "0", "—", "—", "—", "—", "0"])
    }

    /// A log where nobody was handed to a person lists no reasons and no queues: no "0:" with
    /// nothing after it, no empty "by queue" line.
    @Test func noEscalationsListNoReasonsOrQueues() throws {
        let folder = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.serveScript(
            [
                (0, #"{"session": "c1", "text": "hello"}"#),
                (10, #"{"session": "c1", "text": "thank you so much"}"#),
            ], in: folder)
        let text = try UsherBinary.run(["stats", "--state", file]).stdout
        let lines = text.split(separator: "\n").map(String.init)
        #expect(
            lines.filter { $0.hasPrefix("escalation") } == ["escalation       0.0%  0 handed to a person"], "\(text)")
        #expect(!lines.contains { $0.contains("by queue") }, "\(text)")
    }

    @Test func theReportIsDrawnInARealBrowser() throws {
        let folder = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.serveScript(in: folder)
        let page = folder.appendingPathComponent("report.html")
        let output = try UsherBinary.run(["stats", "--state", file, "--html", page.path])
        #expect(output.status == 0, "\(output.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 5)
        guard
            let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(
                where: FileManager.default.isExecutableFile)
        else {
            Issue.record("headless Chromium is needed for this test: apt-get install chromium (.ci/run installs it)")
            return
        }
        let screenshot = folder.appendingPathComponent("report.png")
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: chromium)
        browser.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(screenshot.path)",
            "--window-size=900,1900", page.absoluteString,
        ]
        browser.standardOutput = FileHandle.nullDevice
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        browser.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: screenshot.path))
        let counter = Process()
        let counted = Pipe()
        counter.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Bars (#2b6cb0), the escalation line (#c05621), the fallback line (#2f855a).
        counter.arguments = ["python3", "-c", Self.pixelCounter, screenshot.path, "2b6cb0", "c05621", "2f855a"]
        counter.standardOutput = counted
        try counter.run()
        let numbers = String(decoding: counted.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").compactMap { Int($0) }
        counter.waitUntilExit()
        #expect(numbers.count == 3)
        #expect((numbers.first ?? 0) > 20_000, "bar pixels: \(numbers)")
        #expect(numbers.dropFirst().allSatisfy { $0 > 300 }, "line pixels: \(numbers)")
    }

    @Test(arguments: [
        (
            ["--since", "2026-12-02", "--until", "2026-12-01"],
            "Error: --since 2026-12-02 is not before --until 2026-12-01"
        ),
        (
            ["--since", "yesterday"],
            "Error: --since \"yesterday\" is not a date; write 2026-11-30 or 2026-11-30T14:00 (UTC)"
        ),
        (
            ["--until", "2026-02-30"],
            "Error: --until \"2026-02-30\" is not a date; write 2026-11-30 or 2026-11-30T14:00 (UTC)"
        ),
    ])
    func badDatesAreUsageErrors(arguments: [String], message: String) throws {
        let output = try UsherBinary.run(["stats", "--state", "x.sqlite"] + arguments)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix(message), "\(output.stderr)")
    }

    /// Figures while the server is still writing the file: WAL readers never wait for it, and it
    /// never waits for them.
    @Test func statsReadAFileAServerIsWriting() throws {
        let folder = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("live.sqlite").path
        let server = try ServeProcess(["--state", file, Self.bot])
        server.send((0..<20).map { #"{"session": "s\#($0)", "text": "hello"}"# })
        _ = try server.readLines(20)
        let stats = try UsherBinary.run(["stats", "--state", file, "--json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(try json(stats.stdout)["summary"].flatMap { $0 as? [String: Any] }?["conversations"] as? Int == 20)
        server.send([#"{"session": "s20", "text": "hello"}"#])
        #expect(try server.readLines(1)[0].contains(#""intent": "greeting""#))
        #expect(server.finish() == 0)
    }

    @Test func filesThatHoldNoLogAreRefused() throws {
        let folder = try UsherBinary.directory(["notes.txt": "not a database\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("missing.sqlite").path
        let text = folder.appendingPathComponent("notes.txt").path
        #expect(
            try UsherBinary.run(["stats", "--state", missing]).stderr
                == "usher: error: \(missing): no such file; give the state file `usher serve --state` writes\n")
        #expect(
            try UsherBinary.run(["stats", "--state", text]).stderr
                == "usher: error: \(text): not a SQLite database (it starts with \"not a database\\n\"); the file was not changed\n"
        )
        // A state file whose log is empty.
        let empty = folder.appendingPathComponent("empty.sqlite").path
        _ = try UsherBinary.run(["serve", "--state", empty, Self.bot], input: #"{"type": "ping"}"# + "\n")
        let output = try UsherBinary.run(["stats", "--state", empty])
        #expect(output.status == 1)
        #expect(output.stderr == "usher: error: \(empty): no conversation is logged\n")
    }

    /// The new-user trial: one damaged row stopped the report with "DecodingError.dataCorrupted",
    /// naming no file, table or row. Now the report comes without the row, says it left one out,
    /// and stderr names it.
    @Test func aDamagedRowIsLeftOutAndNamed() throws {
        let folder = try UsherBinary.directory([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.serveScript(in: folder)
        try DatabaseQueue(path: file).write {
            try $0.execute(sql: "UPDATE turns SET handoff = '{broken' WHERE seq = 13")
        }
        let output = try UsherBinary.run(["stats", "--state", file])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            output.stderr
                == #"usher stats: warning: \#(file): table turns, row seq 13, column handoff: not valid JSON: "{broken"; the row is left out"#
                + "\n")
        #expect(
            output.stdout.split(separator: "\n")[1]
                == "left out: 1 damaged row (turns 1), named on stderr; the figures do not count it")
        let json = try UsherBinary.run(["stats", "--state", file, "--json"])
        #expect(json.stdout.contains(#""damaged_rows": {"turns": 1}"#), "\(json.stdout)")
        let html = try UsherBinary.run(["stats", "--state", file, "--html", "report.html"], in: folder)
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("left out: 1 damaged row (turns 1)"))
    }
}
