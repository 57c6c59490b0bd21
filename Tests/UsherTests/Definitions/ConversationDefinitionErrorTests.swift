import Testing

@testable import Usher

/// Errors of the conversation sections: entities, slots, contexts and settings.
@Suite("BotLoader conversation errors")
struct ConversationDefinitionErrorTests {
    @Test(arguments: [
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"x\"], \"slots\": {\"p\": {\"entity\": \"policy_no\"}}}], \"entities\": {\"policy_number\": {\"regex\": \"PN\"}}}",
            "bot.json:1:62: intents[0].slots.p.entity: unknown entity type \"policy_no\" for slot \"p\"; use a built-in type (number, money, date, time, email, phone, text) or define it under \"entities\""
        ),
        (
            "{\"entities\": {\"p\": {\"regex\": \"(\"}}, \"intents\": [{\"name\": \"a\", \"examples\": [\"x\"]}]}",
            "bot.json:1:20: entities.p: invalid regular expression: \"(\": unclosed '(' at character 2"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"x\"], \"slots\": {\"d\": {\"entity\": \"date\", \"required\": true}}}]}",
            "bot.json:1:62: intents[0].slots.d: a required slot needs a \"prompt\" to ask for it"
        ),
        (
            "{\"entities\": {\"p\": {\"regex\": \"x\", \"values\": {\"a\": []}}}, \"intents\": [{\"name\": \"a\", \"examples\": [\"x\"]}]}",
            "bot.json:1:20: entities.p: an entity needs exactly one of \"regex\" and \"values\""
        ),
        (
            "{\"entities\": {\"p\": {\"values\": []}}, \"intents\": [{\"name\": \"a\", \"examples\": [\"x\"]}]}",
            "bot.json:1:31: entities.p.values: expected an object of values and their synonyms, such as {\"router\": [\"modem\"]}"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"x\"], \"contexts\": {\"set\": [\"c\"]}}]}",
            "bot.json:1:67: intents[0].contexts.set: expected an object of contexts and lifespans in turns, such as {\"confirming\": 2}"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"x\"], \"contexts\": {\"set\": {\"c\": 0}}}]}",
            "bot.json:1:73: intents[0].contexts.set.c: must be between 1 and 1000, found 0"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"x\"], \"contexts\": {\"require\": [\"bad name\"]}}]}",
            "bot.json:1:72: intents[0].contexts.require[0]: invalid context name \"bad name\": use letters, digits and _, starting with a letter"
        ),
        (
            "{\"settings\": {\"session_ttl\": 1.5}, \"intents\": [{\"name\": \"a\", \"examples\": [\"x\"]}]}",
            "bot.json:1:30: settings.session_ttl: expected a whole number, found 1.5"
        ),
        (
            "{\"intents\": [{\"name\": \"a\", \"examples\": [\"x\"], \"resume\": \"yes\"}]}",
            "bot.json:1:57: intents[0].resume: expected true or false, found a string"
        ),
        (
            "{\"entities\": {\"p\": {\"regex\": \"x\", \"case\": \"title\"}}, \"intents\": [{\"name\": \"a\", \"examples\": [\"x\"]}]}",
            "bot.json:1:43: entities.p.case: expected \"upper\" or \"lower\", found \"title\""
        ),
        (
            "{\"entities\": {\"p\": {\"values\": {\"a\": []}, \"case\": \"upper\"}}, \"intents\": [{\"name\": \"a\", \"examples\": [\"x\"]}]}",
            "bot.json:1:50: entities.p.case: \"case\" is for regex entities: values are given as their keys are written"
        ),
        (
            "{\"settings\": {\"handoff\": {\"after_form_failed\": \"no\"}}, \"intents\": [{\"name\": \"a\", \"examples\": [\"x\"]}]}",
            "bot.json:1:48: settings.handoff.after_form_failed: expected true or false, found a string"
        ),
    ])
    func reportsEachErrorClass(json: String, expected: String) {
        do {
            _ = try BotLoader.load(
                sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))], for: .matching)
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.description) == [expected])
        }
    }

    /// The new-user trial: `"entity": "Date"` with `"validate": {"min": "today"}` was told as
    /// an unknown type and again as a range on a slot of type "Date". The type's error is told;
    /// the range is checked once the type is right.
    @Test func aRangeOnASlotOfAnUnknownTypeIsNotToldTwice() {
        let json = """
            {"intents": [{"name": "a", "examples": ["x"],
              "slots": {"day": {"entity": "Date", "validate": {"min": "today"}},
                        "note": {"entity": "text", "validate": {"max": 3}}}}]}
            """
        do {
            _ = try BotLoader.load(
                sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))], for: .matching)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    #"bot.json:3:60: intents[0].slots.note.validate.max: a range needs a number, money or date slot; this slot's type is "text""#,
                    #"bot.json:2:20: intents[0].slots.day.entity: unknown entity type "Date" for slot "day"; did you mean "date"?"#,
                ])
        }
    }

    @Test func entitiesAreDefinedOnceAcrossFiles() {
        let entity = #"{"entities": {"p": {"regex": "x"}}}"#
        let intents = #"{"intents": [{"name": "a", "examples": ["x"]}]}"#
        do {
            _ = try BotLoader.load(
                sources: [
                    BotLoader.Source(name: "a.json", bytes: Array(entity.utf8)),
                    BotLoader.Source(name: "b.json", bytes: Array(entity.utf8)),
                    BotLoader.Source(name: "c.json", bytes: Array(intents.utf8)),
                ], for: .matching)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "b.json:1:20: entities.p: entity \"p\" is already defined (first at a.json:1)"
                ])
        }
    }

    @Test func loadsSlotsContextsAndSettings() throws {
        let bot = try BotLoader.load(
            sources: [BotLoader.Source(name: "bot.json", bytes: Array(claimBotJSON.utf8))], for: .matching)
        let claim = try #require(bot.intent(named: "file_claim"))
        #expect(claim.slots.map(\.name) == ["policy_number", "incident_date", "product"])
        #expect(
            claim.slots[0].required
                && claim.slots[0].reprompt?.description == "A policy number looks like PN-123456. What is yours?")
        #expect(
            bot.intent(named: "confirm_yes")?.contexts
                == ContextRules(require: ["confirm_cancel"], clear: ["confirm_cancel"]))
        #expect(bot.intent(named: "cancel_order")?.contexts.set == [ContextLifespan(name: "confirm_cancel", turns: 2)])
        #expect(bot.settings.maxReprompts == 1 && bot.settings.sessionTTL == 600 && bot.settings.historyTurns == 20)
        #expect(
            bot.entities["product"] == .values(["router": ["modem", "wifi box"], "phone": ["mobile", "handset"]]))
    }
}

/// `usher check` reported errors in rounds: five, then after fixing them four new ones (issue
/// 12). A load reports every error at once, the checks across files and sections included.
@Suite("Every error at once")
struct EveryErrorAtOnceTests {
    @Test func decodingAndCrossReferenceErrorsComeTogether() {
        let json = """
            {"entities": {"p": {"regex": "(x"}},
             "intents": [
              {"name": "a", "exampels": ["x"], "examples": ["x"]},
              {"name": "b", "examples": ["y"], "slots": {"s": {"entity": "nmber"}}},
              {"name": "c", "examples": ["z"], "handoff": {"queue": "sales"}}
             ]}
            """
        do {
            _ = try BotLoader.load(
                sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))], for: .matching)
            Issue.record("expected errors")
        } catch {
            let messages = error.errors.map(\.message)
            #expect(messages.contains { $0.hasPrefix("unknown key \"exampels\"") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("invalid regular expression") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("unknown entity type \"nmber\"") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("unknown queue \"sales\"") }, "\(messages)")
        }
    }
}
