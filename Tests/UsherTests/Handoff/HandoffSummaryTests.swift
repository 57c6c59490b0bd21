import Testing

@testable import Usher

/// What the agent reads first about a customer handed over.
@Suite("HandoffSummary")
struct HandoffSummaryTests {
    /// Improving means the customer now writes something positive; a customer who is a little
    /// less angry, or who turns to a plain "give me an operator", has not calmed down.
    @Test(arguments: [
        ([-0.67, -0.72, -0.44], "steady"), ([-0.76, 0], "steady"), ([-0.6, 0.4], "improving"),
        ([0, -0.5], "worsening"), ([0.1], "steady"), ([], "steady"), ([-0.1, 0.05], "steady"),
    ])
    func theTrendSaysWhetherTheCustomerCalmedDown(scores: [Double], trend: String) {
        #expect(HandoffSummary.trend(scores) == trend)
    }

    /// The agent's notes come in the session's language, the language the agent will answer in;
    /// the slots are named as the bot names them.
    @Test(arguments: [
        ("en", "The bot did not understand the customer", "Use the details already given (order_id)"),
        ("de", "Der Bot hat das Anliegen nicht verstanden", "Vorhandene Angaben nutzen (order_id)"),
        ("ru", "Бот не понял клиента", "Используйте уже полученные данные (order_id)"),
        ("zh-TW", "機器人沒聽懂客戶的問題", "請使用客戶已提供的資料（order_id）"),
    ])
    func nextStepsAreInTheSessionsLanguage(language: String, reasonNote: String, slotsNote: String) {
        var state = SessionState(id: "s1", language: language, now: 0)
        state.slots["order_id"] = "AB123456"
        for text in ["???", "???"] {
            state.history.append(Turn(text: text, intent: nil, confidence: 0, replies: [], at: 0))
        }
        let ticket = Ticket(number: 1, session: "s1", queue: "general", priority: 0, reason: .fallbacks(2), queuedAt: 0)
        let summary = HandoffSummary(
            state: state, ticket: ticket, bot: BotDefinition(intents: []), analyzer: SentimentAnalyzer(),
            entities: [])
        #expect(summary.nextSteps.count == 3)
        #expect(summary.nextSteps[0].hasPrefix(reasonNote))
        #expect(summary.nextSteps[2].hasPrefix(slotsNote))
    }
}
