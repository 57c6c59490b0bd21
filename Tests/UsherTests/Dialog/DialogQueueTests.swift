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
        ("en", "bye"), ("en", "OK, bye!"), ("en", "Thanks, bye."), ("en", "I have to go now"),
        ("de", "Tschüss!"), ("de", "ich muss los"), ("ru", "Пока"), ("ru", "мне пора"), ("zh-TW", "再見"),
        ("zh-TW", "我先走了"),
    ])
    func aGoodbyePhraseLeaves(language: String, text: String) {
        // The claims bot has no goodbye intent: the phrases alone decide.
        #expect(!claimEngine.endsConversations)
        #expect(claimEngine.leavesQueue(text, language: language) == .goodbye)
        #expect(Self.example.leavesQueue(text, language: language) == .goodbye)
    }

    /// The bot's own goodbye intent, as it would serve the message outside the queue: what its
    /// examples teach reaches further than Usher's phrases.
    @Test(arguments: [
        ("en", "that's all for today, have a nice evening"), ("de", "das war alles, schönen Tag noch"),
        ("ru", "на сегодня всё, хорошего дня"), ("zh-TW", "今天就先這樣，祝你有美好的一天"),
    ])
    func theBotsGoodbyeIntentLeaves(language: String, text: String) {
        #expect(claimEngine.leavesQueue(text, language: language) == nil)
        #expect(Self.example.leavesQueue(text, language: language) == .goodbye)
    }

    @Test(arguments: [
        ("en", "never mind, I do not want an agent"), ("de", "ich rufe später an"), ("ru", "перезвоню позже"),
        ("zh-TW", "不想等了"),
    ])
    func aWishToStopWaitingLeaves(language: String, text: String) {
        #expect(Self.example.leavesQueue(text, language: language) == .asked)
    }

    /// A waiting customer's other messages keep their place: questions about the wait, thanks,
    /// details for the agent.
    @Test(arguments: [
        ("en", "still there?"), ("en", "thanks, I'll wait"), ("en", "is an agent coming?"),
        ("en", "my order number is AB123456"), ("de", "wie lange dauert es noch?"), ("ru", "я подожду, спасибо"),
        ("zh-TW", "還要等多久？"), ("en", "hello"),
    ])
    func otherMessagesKeepTheirPlace(language: String, text: String) {
        #expect(Self.example.leavesQueue(text, language: language) == nil)
    }
}
