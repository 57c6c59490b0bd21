import Testing

@testable import Usher

/// A session is served in one language: the one the request names, else the one it had, else the
/// bot's own; its matcher learned that language's examples and its replies are in it.
@Suite("Languages in a conversation")
struct SessionLanguageTests {
    static let engine = try! DialogEngine(
        bot: BotTranslationTests.load([
            ("bot.json", BotTranslationTests.english), ("de.json", BotTranslationTests.german),
        ]))

    @Test func theRequestsLanguageServesTheSessionAndSticks() throws {
        let start = mondayMorning
        let first = Self.engine.respond(
            to: CustomerMessage(session: "s", text: "wo ist meine Bestellung", language: "de"), state: nil, now: start)
        #expect(first.intent == "order_status")
        #expect(first.replies == ["Wie lautet Ihre Bestellnummer?"])
        #expect(first.state.language == "de")
        // No language named: the session keeps German.
        let second = Self.engine.respond(
            to: CustomerMessage(session: "s", text: "AB123456"), state: first.state, now: start + 1)
        #expect(second.replies == ["Ich suche Bestellung AB123456."])
        // The result is answered in the session's language; a reply the translation lacks comes
        // in the bot's own.
        let call = try #require(second.state.pendingAction?.call)
        let found = try Self.engine.respond(
            to: ActionResult(session: "s", call: call, outcome: "found", values: ["status": "unterwegs"]),
            state: second.state, now: start + 2)
        #expect(found.replies == ["Bestellung AB123456: unterwegs."])
        let hours = Self.engine.respond(
            to: CustomerMessage(session: "s", text: "hallo"), state: found.state, now: start + 3)
        #expect(hours.replies == ["Hallo!"])
    }

    @Test func theProtocolCarriesTheLanguage() {
        #expect(
            ProtocolCodec.decode(Array(#"{"session": "s", "text": "hallo", "lang": "de-AT"}"#.utf8))
                == .success(.message(id: nil, CustomerMessage(session: "s", text: "hallo", language: "de-AT"))))
        let server = ConversationServer(engine: Self.engine)
        let answer = server.respond(
            to: Array(#"{"session": "s", "text": "hallo", "lang": "de"}"#.utf8), now: mondayMorning)
        #expect(answer.contains(#""replies": ["Hallo!"]"#), "\(answer)")
    }

    /// A new session with no `"lang"` is served in the language its first message is written
    /// in, when the bot serves it; the session keeps it.
    @Test func aNewSessionIsServedInTheLanguageItWritesIn() {
        let german = Self.engine.respond(
            to: CustomerMessage(session: "g", text: "wo ist meine Bestellung?"), state: nil, now: mondayMorning)
        #expect(german.state.language == "de")
        #expect(german.replies == ["Wie lautet Ihre Bestellnummer?"])
        let next = Self.engine.respond(
            to: CustomerMessage(session: "g", text: "hello"), state: german.state, now: mondayMorning + 1)
        #expect(next.state.language == "de")
        // Russian is not served by this bot: the bot's own language answers.
        let russian = Self.engine.respond(
            to: CustomerMessage(session: "r", text: "где мой заказ"), state: nil, now: mondayMorning)
        #expect(russian.state.language == "en")
        // An expired session is new again.
        let later = Self.engine.respond(
            to: CustomerMessage(session: "g", text: "where is my order"), state: german.state,
            now: mondayMorning + 100_000)
        #expect(later.state.language == "en")
    }

    /// A customer who changes language mid-conversation is answered in the new one, but only
    /// when the message says so clearly: a word or a name moves no one.
    @Test func aSessionFollowsACustomerWhoClearlySwitchesLanguage() {
        let german = Self.engine.respond(
            to: CustomerMessage(session: "g", text: "wo ist meine Bestellung?"), state: nil, now: mondayMorning)
        #expect(german.state.language == "de")
        var state = german.state
        for (offset, text) in ["hello", "Müller", "ok"].enumerated() {
            let turn = Self.engine.respond(
                to: CustomerMessage(session: "g", text: text), state: state, now: mondayMorning + Double(offset + 1))
            #expect(turn.state.language == "de", "\(text)")
            state = turn.state
        }
        let english = Self.engine.respond(
            to: CustomerMessage(session: "g", text: "sorry, where is my order?"), state: state, now: mondayMorning + 9)
        #expect(english.state.language == "en")
        #expect(english.intent == "order_status")
        #expect(english.replies == ["What is your order number?"])
        // A language the bot does not serve keeps the session's.
        let russian = Self.engine.respond(
            to: CustomerMessage(session: "g", text: "где мой заказ"), state: english.state, now: mondayMorning + 10)
        #expect(russian.state.language == "en")
    }

    /// A first message whose words tell no language is served in the language whose matcher
    /// understands it; one that no language understands gets the bot's own.
    @Test func aFirstMessageWithoutCommonWordsIsServedInTheLanguageThatUnderstandsIt() {
        #expect(Language.detect("Sendung verfolgen") == nil)
        let german = Self.engine.respond(
            to: CustomerMessage(session: "n", text: "Sendung verfolgen"), state: nil, now: mondayMorning)
        #expect(german.state.language == "de")
        #expect(german.replies == ["Wie lautet Ihre Bestellnummer?"])
        for text in ["xyzzy", "hallo", "AB123456"] {
            let unknown = Self.engine.respond(
                to: CustomerMessage(session: "u", text: text), state: nil, now: mondayMorning)
            #expect(unknown.state.language == (text == "hallo" ? "de" : "en"), "\(text)")
        }
        let english = Self.engine.respond(
            to: CustomerMessage(session: "o", text: "opening hours"), state: nil, now: mondayMorning)
        #expect(english.state.language == "en")
    }

    /// A new user's German "Retoure" and "Zahlung" were answered in English: one word of five
    /// letters or more is long enough for the matchers to say its language; a short one is not.
    @Test func aFirstMessageOfOneLongWordIsServedInTheLanguageThatUnderstandsIt() {
        #expect(Language.detect("Sendung") == nil)
        let german = Self.engine.respond(
            to: CustomerMessage(session: "w", text: "Sendung"), state: nil, now: mondayMorning)
        #expect(german.state.language == "de")
        #expect(german.replies == ["Wie lautet Ihre Bestellnummer?"])
        let short = Self.engine.respond(to: CustomerMessage(session: "k", text: "ok"), state: nil, now: mondayMorning)
        #expect(short.state.language == "en")
    }

    @Test func tagsAreComparedWithoutCase() {
        #expect(LanguageTag.sameTag("zh-TW", "ZH-tw"))
        #expect(LanguageTag.sameTag("de", "DE"))
        #expect(!LanguageTag.sameTag("en", "en-GB"))
        #expect(!LanguageTag.sameTag("@", "`"))  // 0x40 and 0x60 differ by the case bit but are no letters
        #expect(!LanguageTag.sameTag("ru", "uk"))
    }

    @Test func tagsMatchOnTheirPrimarySubtagAndUnknownOnesGetTheBotsOwn() {
        #expect(Self.engine.engine(for: "de-AT")?.bot.language == "de")
        #expect(Self.engine.engine(for: "DE")?.bot.language == "de")
        #expect(Self.engine.engine(for: "en-GB")?.bot.language == "en")
        #expect(Self.engine.engine(for: "fr") == nil)
        let french = Self.engine.respond(
            to: CustomerMessage(session: "f", text: "hello", language: "fr"), state: nil, now: mondayMorning)
        #expect(french.replies == ["Hello!"])
        #expect(french.state.language == "en")
        // Each language's matcher knows only its own examples.
        let english = Self.engine.respond(
            to: CustomerMessage(session: "e", text: "wo ist meine Bestellung", language: "en"), state: nil,
            now: mondayMorning)
        #expect(english.intent != "order_status")
    }
}
