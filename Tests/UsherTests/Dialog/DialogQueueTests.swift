import Foundation
import Testing

@testable import Usher

/// A waiting customer who said "bye" was told their place again and stayed queued forever
/// (new-user trial): a goodbye now leaves the queue, in every served language, whether the
/// bot has a goodbye intent or only Usher's own goodbye phrases.
@Suite("Dialog: leaving the queue")
struct DialogQueueTests {
    /// The example bot of the repository: English, German, Russian and Traditional Chinese, with
    /// a `goodbye` intent that ends the conversation.
    static let example: DialogEngine = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try! DialogEngine(bot: BotLoader.load(path: root.appendingPathComponent("intents").path))
    }()

    /// Usher's own goodbye phrases: whole messages, any served language, any bot.
    @Test(arguments: [
        "bye", "OK, bye!", "Thanks, bye.", "I have to go now", "Tschüss!", "ich muss los", "Пока", "мне пора", "再見",
        "我先走了",
    ])
    func aGoodbyePhraseLeaves(text: String) {
        // The claims bot has no goodbye intent: the phrases alone decide.
        #expect(claimEngine.goodbyeExamples.isEmpty)
        #expect(claimEngine.leavesQueue(text) == .goodbye)
        #expect(Self.example.leavesQueue(text) == .goodbye)
    }

    /// The bot's own goodbye intent, in each language it serves: its examples reach further
    /// than Usher's phrases.
    @Test(arguments: [
        "that's all for today", "das war alles, auf Wiedersehen", "на сегодня всё", "今天就先這樣",
    ])
    func theBotsGoodbyeExamplesLeave(text: String) {
        #expect(claimEngine.leavesQueue(text) == nil)
        #expect(Self.example.leavesQueue(text) == .goodbye)
    }

    @Test(arguments: [
        "never mind, I do not want an agent", "ich rufe später an", "перезвоню позже", "不想等了", "nvm, thanks",
        "no thanks, I'm good", "actually I found it", "nicht mehr nötig", "уже не нужно, спасибо", "問題解決了，謝謝",
    ])
    func aWishToStopWaitingLeaves(text: String) {
        #expect(Self.example.leavesQueue(text) == .asked)
    }

    /// Clauses that each leave, or only acknowledge or thank beside one that leaves: "never
    /// mind, bye" and "算了，不用了" kept the customer queued while each part alone left.
    @Test(arguments: [
        ("never mind, bye", QueueExit.goodbye), ("算了，不用了", .asked), ("ok, thanks, bye!", .goodbye),
        ("ok... never mind.", .asked), ("danke, tschüss", .goodbye), ("спасибо, пока", .goodbye),
        ("Forget it. Bye!", .goodbye), ("好的，謝謝，再見", .goodbye),
        // Without punctuation, as chat customers write (new-user trial: these stayed queued).
        ("never mind bye", .goodbye), ("ok thanks bye", .goodbye), ("算了不用了", .asked), ("不用了謝謝", .asked),
        ("好的谢谢再见", .goodbye), ("never mind - bye", .goodbye),
    ])
    func clausesThatEachLeaveLeave(text: String, exit: QueueExit) {
        #expect(Self.example.leavesQueue(text) == exit)
        #expect(claimEngine.leavesQueue(text) == exit)
    }

    /// A waiting customer's other messages keep their place: questions about the wait, thanks,
    /// details for the agent, and a goodbye inside a longer message, which is not read as one.
    @Test(arguments: [
        "still there?", "thanks, I'll wait", "is an agent coming?", "my order number is AB123456",
        "wie lange dauert es noch?", "я подожду, спасибо", "還要等多久？", "hello",
        "bye the way, my order number is AB123456", "ok, I'll wait", "thanks.", "ok, thanks",
        "never mind, I'll wait", "bye, wait, one more thing: my order is AB123456", "好的，我等", "ok thanks",
        "thanks i'll wait", "好的我等", "never mind i'll wait",
    ])
    func otherMessagesKeepTheirPlace(text: String) {
        #expect(Self.example.leavesQueue(text) == nil)
    }
}
