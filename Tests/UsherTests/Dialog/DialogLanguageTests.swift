import Testing

@testable import Usher

/// What the dialog takes from `Language` until sessions carry their own: built-in replies and
/// entity words in the bot's language, cancel and yes/no phrases of every served language.
@Suite("Dialog in other languages")
struct DialogLanguageTests {
    static func engine(language: String) -> DialogEngine {
        var bot = claimBot
        bot.language = language
        return try! DialogEngine(bot: bot)
    }

    @Test func anEnglishBotStillSaysWhatItAlwaysSaid() {
        #expect(claimEngine.messages.cancelReply == "Okay, I have stopped that. What else can I help you with?")
        #expect(DialogEngine.cancelReply == claimEngine.messages.cancelReply)
        #expect(
            ActionDefinition.busyReply
                == "I am still working on your last request; one moment, please. Say cancel to stop it.")
        #expect(
            claimEngine.messages.confirmationDenied == "What should I change? Tell me the new value, or say cancel.")
    }

    @Test(arguments: [
        ("de", "abbrechen", "Okay, ich habe das abgebrochen. Wobei kann ich sonst helfen?"),
        ("ru", "отмена", "Хорошо, я это остановил. Чем ещё могу помочь?"),
        ("zh-TW", "不用了", "好的，已經取消了。還有什麼可以幫您的嗎？"),
        ("en", "отмена", "Okay, I have stopped that. What else can I help you with?"),
        ("fr", "never mind", "Okay, I have stopped that. What else can I help you with?"),
    ])
    func aCancelIsAnsweredInTheBotsLanguage(language: String, cancel: String, reply: String) {
        let turns = converse(["I want to file a claim", cancel], engine: Self.engine(language: language))
        #expect(turns[1].intent == "cancel")
        #expect(turns[1].replies == [reply])
    }

    @Test func aGermanBotReadsGermanDates() {
        let turns = converse(
            ["I want to file a claim", "PN-123456", "vorgestern"], engine: Self.engine(language: "de"))
        #expect(turns[2].state.forms.isEmpty)
        // The slot keeps the ISO date; the German bot's reply writes it the German way.
        #expect(turns[2].state.slots["incident_date"] == "2026-11-21")
        #expect(turns[2].replies == ["Thanks. Claim for policy PN-123456, incident on 21.11.2026, is filed."])
    }

    /// The form asks for a date, so a day alone answers it: "5-го" and "пятого" (which outside
    /// a form are the fifth of anything) and "5 числа": the coming 5th, as this date has no "max".
    @Test(arguments: ["5-го", "пятого", "5 числа", "до 5-го"])
    func aDayAloneAnswersTheDateQuestion(answer: String) {
        let turns = converse(["I want to file a claim", "PN-123456", answer], engine: Self.engine(language: "ru"))
        #expect(turns[2].intent == "file_claim")
        #expect(turns[2].state.slots["incident_date"] == "2026-12-05")
    }

    /// Before a noun the ordinal is still the fifth of that, even when a date is asked.
    @Test func anOrdinalBeforeANounDoesNotAnswerTheDateQuestion() {
        let turns = converse(
            ["I want to file a claim", "PN-123456", "5-го этажа"], engine: Self.engine(language: "ru"))
        #expect(turns[2].state.slots["incident_date"] == nil)
    }

    @Test func theQueueIsAnnouncedInTheBotsLanguage() {
        let german = Language.german.messages
        #expect(
            Batch.announcement(position: 2, wait: 150, in: german)
                == "Sie sind Nummer 2 in der Warteschlange; die Wartezeit beträgt etwa 3 Minuten.")
        #expect(
            Batch.announcement(position: 2, wait: 150, in: Language.english.messages)
                == "You are number 2 in the queue; the estimated wait is about 3 minutes.")
        #expect(
            Batch.announcement(position: 1, wait: nil, in: Language.russian.messages)
                == "Ваш номер в очереди: 1. Сейчас нет свободных операторов; вы останетесь в очереди, пока кто-нибудь не освободится."
        )
    }

    @Test(arguments: ["да", "ja", "是", "yes", "passt", "可以", "沒錯", "да, всё верно", "yes please"])
    func yesInAnyServedLanguageConfirms(word: String) {
        #expect(FormConfirmation.answer(TextNormalizer.normalize(word).words.joined(separator: " ")) == .yes)
    }

    /// A yes that a "but" takes back is a no, in every language; "沒" alone is not a yes.
    @Test(arguments: [
        ("yes but the date is wrong", FormConfirmation.Answer.no), ("Ja, aber das Datum ist falsch", .no),
        ("да, но дата неправильная", .no), ("是，但是日期不對", .no), ("不是", .no), ("nein", .no),
        ("沒有", nil), ("maybe", nil),
    ])
    func aYesTakenBackIsANo(text: String, answer: FormConfirmation.Answer?) {
        #expect(FormConfirmation.answer(TextNormalizer.normalize(text).words.joined(separator: " ")) == answer)
    }
}
