import Testing

@testable import Usher

@Suite("SyntheticBot")
struct SyntheticBotTests {
    @Test func generatesTheSameBotEveryTime() {
        let first = SyntheticBot(intents: 50, examplesPerIntent: 5).bot()
        let second = SyntheticBot(intents: 50, examplesPerIntent: 5).bot()
        #expect(first.intents.count == 50)
        #expect(first.intents.allSatisfy { $0.examples.count == 5 })
        #expect(first.intents.map { $0.examples.map(\.text) } == second.intents.map { $0.examples.map(\.text) })
        #expect(
            SyntheticBot(intents: 50, examplesPerIntent: 5, seed: 1).bot().intents[0].examples.map(\.text)
                != first.intents[0].examples.map(\.text))
    }

    @Test func messagesNameRealIntents() {
        let generator = SyntheticBot(intents: 20, examplesPerIntent: 3)
        let names = Set(generator.bot().intents.map(\.name))
        let messages = generator.messages(100)
        #expect(messages.count == 100)
        #expect(messages.allSatisfy { names.contains($0.intent ?? "") })
    }
}
