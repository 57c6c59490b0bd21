import Testing

@testable import Usher

private func lint(_ json: String) throws -> [String] {
    let bot = try BotLoader.load(sources: [BotLoader.Source(name: "bot.json", bytes: Array(json.utf8))])
    return BotLinter.warnings(for: bot).map(\.description)
}

@Suite("BotLinter")
struct BotLinterTests {
    /// An intent without responses is no warning but an error of the load (``BotValidatorTests``).
    @Test func warnsAboutThinIntents() throws {
        let warnings = try lint(
            #"{"intents": [{"name": "a", "examples": ["one", "two"], "responses": ["x"]}, {"name": "b", "examples": ["c d", "e f", "g h"], "responses": ["y"]}]}"#
        )
        #expect(
            warnings == [
                "bot.json:1:14: warning: intents[0]: intent \"a\" has 2 examples; give it at least 3 varied ones"
            ])
    }

    @Test func warnsAboutExamplesSharedBetweenIntents() throws {
        let json = """
            {"intents": [
              {"name": "a", "examples": ["Where is my order?", "my card is stolen", "open an account today please"], "responses": ["x"]},
              {"name": "b", "examples": ["where is my order", "stolen card, my", "open the account today please"], "responses": ["y"]}
            ]}
            """
        #expect(
            try lint(json) == [
                "bot.json:3:30: warning: intents[1].examples[0]: \"where is my order\" is the same example of intent \"a\" (\"Where is my order?\" at bot.json:2); the matcher cannot tell them apart",
                "bot.json:3:51: warning: intents[1].examples[1]: \"stolen card, my\" is a near-duplicate of an example of intent \"a\" (\"my card is stolen\" at bot.json:2); the matcher cannot tell them apart",
                "bot.json:3:70: warning: intents[1].examples[2]: \"open the account today please\" is a near-duplicate of an example of intent \"a\" (\"open an account today please\" at bot.json:2); the matcher cannot tell them apart",
            ])
    }

    /// A slot that takes a regex entity is a word to the matcher (its placeholder), so
    /// "hello {order_id}" teaches something "hello" does not; a slot of any other entity is not.
    @Test func comparesExamplesAsTheMatcherLearnsThem() throws {
        let json = """
            {"entities": {"order_id": {"regex": "\\b[A-Z]{2}[0-9]{6}\\b"}, "colour": {"values": {"red": []}}},
             "intents": [
              {"name": "greeting", "examples": ["hello", "hi there", "good morning"], "responses": ["Hi!"]},
              {"name": "order", "examples": ["hello {order_id}", "track {order_id}", "where is order {order_id}"],
               "slots": {"order_id": {"entity": "order_id"}}, "responses": ["x"]},
              {"name": "paint", "examples": ["hello {colour}", "paint it {colour}", "a {colour} one"],
               "slots": {"colour": {"entity": "colour"}}, "responses": ["y"]}
            ]}
            """
        #expect(
            try lint(json) == [
                "bot.json:6:34: warning: intents[2].examples[0]: \"hello {colour}\" is the same example of intent \"greeting\" (\"hello\" at bot.json:3); the matcher cannot tell them apart"
            ])
    }

    @Test func warnsAboutInconsistentSlotMarkers() throws {
        let json = """
            {"intents": [
              {"name": "a", "examples": ["track {order_id}", "x y", "z w"], "responses": ["Order {order_id}"],
               "slots": {"order_id": {"entity": "number"}}},
              {"name": "b", "examples": ["find {orderId}", "p q", "r s"], "responses": ["ok"],
               "slots": {"orderId": {"entity": "number"}}}
            ]}
            """
        #expect(
            try lint(json) == [
                "bot.json:4:30: warning: intents[1].examples[0]: slot marker {orderId} differs from {order_id} used elsewhere; use one spelling"
            ])
    }

    /// `{ordr_id}` in an example stood for nothing and `usher check` said nothing; a marker names a
    /// slot of its intent or an entity type (built-in or the bot's).
    @Test func warnsAboutExampleMarkersThatNameNothing() throws {
        let json = """
            {"entities": {"order_id": {"regex": "[A-Z]{2}[0-9]{6}"}},
             "intents": [
              {"name": "a", "examples": ["track {ordr_id}", "on {date} for {money}", "order {order_id} or {ref}"],
               "slots": {"ref": {"entity": "order_id"}}, "responses": ["ok"]}
            ]}
            """
        #expect(
            try lint(json) == [
                "bot.json:3:30: warning: intents[0].examples[0]: example marks {ordr_id}, which is no slot of \"a\" and no entity type, so it teaches nothing; did you mean {order_id}?"
            ])
    }

    @Test func aCleanBotHasNoWarnings() throws {
        #expect(
            try lint(
                #"{"intents": [{"name": "a", "examples": ["one thing", "two things", "three"], "responses": ["x"]}]}"#)
                == [])
    }

    /// The near-duplicate keys of an example grow with its length, not its length squared
    /// (issue 11: a 10,000-word example used 601 MB, a 2-million-word one 24 GB): one key of a
    /// fixed size per word, and two more.
    @Test func nearDuplicateKeysAreLinearInTheExample() {
        let words = (0..<10_000).map { "w\($0 % 97)" }
        #expect(BotLinter.similarityKeys(words).count == words.count + 2)
        #expect(MemoryLayout<BotLinter.SimilarityKey>.size <= 24)
    }

    /// Sentences alike but for one word share a key at that place; others do not.
    @Test func theSameSentenceButForOneWordSharesAKey() {
        func keys(_ text: String) -> Set<BotLinter.SimilarityKey> {
            Set(BotLinter.similarityKeys(text.split(separator: " ").map(String.init)).map(\.0))
        }
        #expect(!keys("please cancel my order now").isDisjoint(with: keys("please cancel my order today")))
        #expect(keys("please cancel my order now").isDisjoint(with: keys("please track my parcel today")))
        // The same words in another order share the content key, not the exact one.
        let shared = keys("cancel my order now please").intersection(keys("please cancel my order now"))
        #expect(shared.map(\.kind) == [.content])
    }
}
