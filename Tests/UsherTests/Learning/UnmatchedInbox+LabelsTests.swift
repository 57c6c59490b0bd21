import Testing

@testable import Usher

/// What `usher stats --unmatched` keeps of an inbox an author has labelled (new-user trial:
/// every run wrote all labels back to "").
@Suite("UnmatchedInbox: labels")
struct UnmatchedInboxLabelsTests {
    static let inbox =
        [
            #"{"label": "new:gift_cards", "count": 2, "texts": ["do you sell gift cards", "Gift vouchers?"]}"#,
            #"{"label": "", "count": 1, "texts": ["blorp"]}"#,
            #"{"label": "ignore",   "count": 1, "texts": ["asdf"], "note": "kept as written"}"#,
            #"{"label": "order_status", "count": 1, "texts": ["where has my parcel got to"]}"#,
        ].joined(separator: "\n") + "\n"

    @Test func labelledLinesAreKeptAsWrittenAndLearnedOnesLeave() {
        let read = UnmatchedInbox.labelled(Array(Self.inbox.utf8), file: "inbox.jsonl") {
            $0.label == .intent("order_status")
        }
        #expect(read.errors.isEmpty)
        #expect(
            read.labels.lines == [
                #"{"label": "new:gift_cards", "count": 2, "texts": ["do you sell gift cards", "Gift vouchers?"]}"#,
                #"{"label": "ignore",   "count": 1, "texts": ["asdf"], "note": "kept as written"}"#,
            ])
        #expect(read.labels.learned == 1)
        #expect(read.labels.contains("gift vouchers?") && read.labels.contains("ASDF"))
        #expect(!read.labels.contains("blorp") && !read.labels.contains("where has my parcel got to"))
    }

    @Test func aLineThatCannotBeReadIsAnError() {
        let read = UnmatchedInbox.labelled(Array("{\"label\": \"ignore\"\n".utf8), file: "inbox.jsonl") { _ in false }
        #expect(
            read.errors.map { $0.description(severity: "error") } == [
                "inbox.jsonl:1:19: error: unexpected end of input; expected ',' or '}' in an object"
            ])
    }

    /// A group is learned when the bot has its label's intent and every text is an example.
    @Test func aGroupIsLearnedWhenEveryTextIsAnExample() throws {
        let bot = try BotLoader.load(
            sources: [
                BotLoader.Source(
                    name: "bot.json",
                    bytes: Array(
                        #"{"language": "en", "intents": [{"name": "gift_cards", "examples": ["do you sell gift cards", "gift vouchers?", "gift card"], "responses": ["Yes"]}]}"#
                            .utf8))
            ])
        func entry(_ label: UnmatchedInbox.Label, _ texts: [String]) -> UnmatchedInbox.Entry {
            UnmatchedInbox.Entry(line: 1, label: label, texts: texts)
        }
        #expect(BotLearner.isLearned(entry(.newIntent("gift_cards"), ["Gift vouchers?"]), by: bot))
        #expect(BotLearner.isLearned(entry(.intent("gift_cards"), ["do you sell gift cards"]), by: bot))
        #expect(!BotLearner.isLearned(entry(.intent("gift_cards"), ["do you sell gift cards", "new one"]), by: bot))
        #expect(!BotLearner.isLearned(entry(.newIntent("vouchers"), ["gift card"]), by: bot))
        #expect(!BotLearner.isLearned(entry(.ignore, ["gift card"]), by: bot))
    }
}
