import Foundation
import Testing

@testable import usher

@Suite("ChatCompleter")
struct ChatCompleterTests {
    let completer = ChatCompleter(
        sessions: ["default", "c-2"], intents: ["track_order", "talk_to_human", "greeting"],
        queues: ["general", "claims"], waiting: ["c-2"])

    @Test(arguments: [
        (
            "/", 0,
            [
                "/help", "/debug", "/why", "/state", "/reset", "/session", "/reload", "/intent", "/meta", "/lang",
                "/advance",
                "/save", "/queue", "/leave", "/result", "/fail",
                "/agent",
                "/quit",
            ]
        ),
        ("/s", 0, ["/state", "/session", "/save"]),
        ("/session d", 9, ["default"]),
        ("/session  d", 10, ["default"]),
        ("/intent t", 8, ["track_order", "talk_to_human"]),
        ("/debug ", 7, ["on", "off"]),
        ("/help ag", 6, ["agent"]),
        ("/agent c", 7, ["claim", "close"]),
        ("/agent claim ", 13, ["c-2"]),
        ("/agent transfer cl", 16, ["claims"]),
        ("/agent transfer claims ", 23, ["default", "c-2"]),
        ("/agent join general c", 20, ["claims"]),
        ("where is my ord", 12, []),
        ("/quit ", 6, []),
    ])
    func completes(line: String, start: Int, expected: [String]) {
        #expect(completer.candidates(line: line, start: start) == expected)
    }

    @Test func saveCompletesPaths() throws {
        let directory = try UsherBinary.directory(["chat.json": "{}", "bot.json": "{}"])
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("tests"), withIntermediateDirectories: true)
        let prefix = directory.path + "/"
        #expect(
            completer.candidates(line: "/save " + prefix, start: 6)
                == [prefix + "bot.json", prefix + "chat.json", prefix + "tests/"])
        #expect(completer.candidates(line: "/save " + prefix + "c", start: 6) == [prefix + "chat.json"])
    }
}
