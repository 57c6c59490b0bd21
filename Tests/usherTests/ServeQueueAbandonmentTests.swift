import Foundation
import Testing

/// Customers who walk away from the queue, through the real `usher serve`: the gateway's
/// `queue.leave`, a goodbye, and the sweep's idle limit, each moving the next customer up.
@Suite("usher serve: leaving the queue")
struct ServeQueueAbandonmentTests {
    /// The protocol lines a request gets back, one per line.
    private func serve(_ lines: [String], arguments: [String] = []) throws -> [String] {
        let output = try UsherBinary.run(
            ["serve", "--replay-clock"] + arguments, input: lines.joined(separator: "\n") + "\n")
        #expect(output.status == 0)
        return output.stdout.split(separator: "\n").map(String.init)
    }

    private let human = "I want to talk to a human"

    @Test func theFirstLeavesAndTheSecondIsNumberOne() throws {
        let lines = try serve([
            #"{"id": 1, "session": "a", "text": "\#(human)", "at": 1795428000}"#,
            #"{"id": 2, "session": "b", "text": "\#(human)", "at": 1795428001}"#,
            #"{"id": 3, "type": "queue.leave", "session": "a", "at": 1795428045}"#,
            #"{"id": 4, "session": "b", "text": "how long still?", "at": 1795428046}"#,
            #"{"id": 5, "session": "c", "text": "\#(human)", "at": 1795428047}"#,
            #"{"id": 6, "session": "b", "text": "ok bye", "at": 1795428050}"#,
            #"{"id": 7, "type": "queue.list", "at": 1795428051}"#,
        ])
        #expect(lines.count == 7)
        #expect(lines[1].contains(#""position": 2"#))
        #expect(
            lines[2]
                == #"{"id": 3, "session": "a", "left_queue": true, "ticket": 1, "queue": "general", "waited_seconds": 45, "events": [{"type": "to_customer", "session": "a", "text": "You have left the queue. Write again if you still need help."}]}"#
        )
        #expect(lines[3].contains(#""replies": ["You are number 1 in the queue."#))
        #expect(lines[3].contains(#""position": 1"#))
        #expect(lines[4].contains(#""position": 2"#))
        #expect(
            lines[5]
                == #"{"id": 6, "session": "b", "intent": null, "confidence": 0, "slots": {}, "replies": ["You have left the queue. Write again if you still need help."], "state": "bot"}"#
        )
        #expect(lines[6].contains(#"{"queue": "general", "waiting": [{"session": "c", "ticket": 3, "position": 1,"#))
    }

    /// With the default limit of an hour: "a" is silent, "b" writes after 50 minutes; the sweep
    /// of a batch past the hour takes "a" out and "b" moves up; "a" is told when they come back.
    @Test func aSilentWaitingCustomerIsDroppedByTheSweep() throws {
        let lines = try serve([
            #"{"id": 1, "session": "a", "text": "\#(human)", "at": 1795428000}"#,
            #"{"id": 2, "session": "b", "text": "\#(human)", "at": 1795428001}"#,
            #"{"id": 3, "session": "b", "text": "still there?", "at": 1795431000}"#,
            #"{"id": 4, "type": "queue.list", "at": 1795431610}"#,
            #"{"id": 5, "session": "b", "text": "still there?", "at": 1795431611}"#,
            #"{"id": 6, "session": "a", "text": "hello", "at": 1795431700}"#,
        ])
        #expect(lines[2].contains(#""position": 2"#))
        #expect(lines[3].contains(#"{"queue": "general", "waiting": [{"session": "b", "ticket": 2, "position": 1,"#))
        #expect(lines[4].contains(#""position": 1"#))
        #expect(
            lines[5]
                == #"{"id": 6, "session": "a", "intent": "greeting", "confidence": 0.9997, "slots": {}, "replies": ["You were taken out of the queue because we had not heard from you for 60 minutes. If you still need a person, just ask again.", "Hello! How can I help you today?"], "state": "bot", "expired": {"idle_seconds": 3700, "session_ttl": 3600, "forms": [], "slots": [], "action": null, "queue": {"queue": "general", "ticket": 1}}}"#
        )
    }

    /// The log `usher stats` reads says who left and how: "a" says bye after 30 s, the gateway
    /// reports "b" gone after 60 s, sam takes "c" (waiting longest), "d" is dropped silent after
    /// an hour.
    @Test func statsCountWhoLeftAndHow() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("usher-leave-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("desk.sqlite").path
        _ = try serve(
            [
                #"{"id": 1, "session": "a", "text": "\#(human)", "at": 1795428000}"#,
                #"{"id": 2, "session": "b", "text": "\#(human)", "at": 1795428001}"#,
                #"{"id": 3, "session": "c", "text": "\#(human)", "at": 1795428002}"#,
                #"{"id": 4, "session": "d", "text": "\#(human)", "at": 1795428003}"#,
                #"{"id": 5, "session": "a", "text": "bye", "at": 1795428030}"#,
                #"{"id": 6, "type": "queue.leave", "session": "b", "at": 1795428061}"#,
                #"{"type": "agent.join", "agent": "sam", "queues": ["general"], "capacity": 1, "at": 1795428100}"#,
                #"{"type": "agent.claim", "agent": "sam", "at": 1795428102}"#,
                #"{"id": 7, "session": "e", "text": "hello", "at": 1795431700}"#,
            ], arguments: ["--state", state])
        let json = try UsherBinary.run(["stats", "--state", state, "--json"]).stdout
        #expect(
            json.contains(
                #""queue_abandonment": {"abandoned": 3, "taken": 1, "rate": 0.75, "by": {"goodbye": 1, "asked": 0, "request": 1, "idle": 1, "reset": 0}, "time_to_abandon": {"count": 3, "mean": 1230, "p50": 60, "p90": 3600, "max": 3600}, "still_waiting": 0}"#
            ))
        let page = directory.appendingPathComponent("report.html")
        _ = try UsherBinary.run(["stats", "--state", state, "--html", page.path])
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(
            html.contains(
                "<h3>Left before an agent took them</h3><p class=\"note\">3 of the 4 waits that ended were customers leaving (75.0%); 0 still waiting at the end.</p>"
            ))
        #expect(
            html.contains(
                #"<tr><td>general</td><td class="n">3 of 4</td><td class="n">75.0%</td><td class="n">60s</td><td class="n">60.0m</td><td class="n">0</td><td>goodbye 1, asked 0, request 1, idle 1, reset 0</td></tr>"#
            ))
        let text = try UsherBinary.run(["stats", "--state", state]).stdout
        #expect(text.contains("abandonment    60.0%  3: in a queue 3, in a form 0"))
        #expect(
            text.contains(
                "general  3 of 4            75.0%                  60s  60.0m              0  goodbye 1, asked 0, request 1, idle 1, reset 0"
            ))
    }
}
