import Testing

@testable import Usher

private func csv(_ text: String) throws(DatasetError) -> [LabelledUtterance] {
    try DatasetReader.readCSV(Array(text.utf8), file: "data.csv")
}

private func jsonl(_ text: String) throws(DatasetError) -> [LabelledUtterance] {
    try DatasetReader.readJSONLines(Array(text.utf8), file: "data.jsonl")
}

@Suite("DatasetReader")
struct DatasetReaderTests {
    @Test func readsQuotedCSVWithTheLabelColumnAnywhere() throws {
        let rows = try csv("category,text\r\ncard_arrival,\"Where is it, \"\"please\"\"?\"\noos,\"two\nlines\"\n")
        #expect(
            rows == [
                LabelledUtterance(text: "Where is it, \"please\"?", intent: "card_arrival", line: 2),
                LabelledUtterance(text: "two\nlines", intent: nil, line: 3),
            ])
    }

    @Test func readsJSONLinesWithNullAndOOSLabels() throws {
        let rows = try jsonl(
            "{\"text\": \"hi\", \"intent\": \"greet\"}\n\n{\"text\": \"weather?\", \"intent\": null}\n{\"text\": \"x\", \"intent\": \"oos\"}\n"
        )
        #expect(
            rows == [
                LabelledUtterance(text: "hi", intent: "greet", line: 1),
                LabelledUtterance(text: "weather?", intent: nil, line: 3),
                LabelledUtterance(text: "x", intent: nil, line: 4),
            ])
    }

    @Test func readsEachLinesPartitionAndKeepsOnlyTheOneAsked() throws {
        let rows = try jsonl(
            "{\"id\": 1, \"text\": \"hi\", \"intent\": \"greet\", \"split\": \"train\"}\n"
                + "{\"id\": 2, \"text\": \"hello\", \"intent\": \"greet\", \"split\": \"val\"}\n"
                + "{\"text\": \"hey\", \"intent\": \"greet\"}\n")
        #expect(rows.map(\.split) == ["train", "val", nil])
        #expect(try DatasetReader.only(split: "val", of: rows, file: "m.jsonl").map(\.text) == ["hello"])
        #expect(try csv("text,intent,split\nhi,greet,test\n").map(\.split) == ["test"])
    }

    /// A line's own language, as `usher serve` requests carry it; empty or null is none.
    @Test func readsEachLinesLanguage() throws {
        let rows = try jsonl(
            "{\"text\": \"hallo\", \"intent\": \"greet\", \"lang\": \"de\"}\n"
                + "{\"text\": \"hi\", \"intent\": \"greet\", \"lang\": null}\n"
                + "{\"text\": \"hey\", \"intent\": \"greet\", \"lang\": \"\"}\n")
        #expect(rows.map(\.language) == ["de", nil, nil])
        #expect(try csv("text,intent,lang\nhallo,greet,de\nhi,greet,\n").map(\.language) == ["de", nil])
        #expect(throws: DatasetError(file: "data.jsonl", line: 1, message: "needs \"lang\" as a string, if present")) {
            try jsonl("{\"text\": \"hi\", \"intent\": \"greet\", \"lang\": [\"de\"]}\n")
        }
    }

    @Test func aSplitNoLineHasIsAnErrorNamingTheSplitsThereAre() throws {
        let rows = try jsonl(
            "{\"text\": \"a\", \"intent\": \"x\", \"split\": \"val\"}\n{\"text\": \"b\", \"intent\": \"x\", \"split\": \"train\"}\n"
        )
        #expect(
            throws: DatasetError(
                file: "m.jsonl", message: "no line is in split \"dev\"; the file's splits are train, val")
        ) {
            try DatasetReader.only(split: "dev", of: rows, file: "m.jsonl")
        }
        #expect(
            throws: DatasetError(
                file: "m.jsonl", message: "no line has a \"split\"; --split needs a data set that names its partitions")
        ) {
            try DatasetReader.only(
                split: "val", of: try jsonl("{\"text\": \"a\", \"intent\": \"x\"}\n"), file: "m.jsonl")
        }
        #expect(throws: DatasetError(file: "data.jsonl", line: 1, message: "needs \"split\" as a string, if present")) {
            try jsonl("{\"text\": \"a\", \"intent\": \"x\", \"split\": 3}\n")
        }
    }

    @Test(arguments: [
        ("", "data.csv: error: the file is empty; expected a header such as text,category"),
        (
            "words,label2\nx,y\n",
            "data.csv:1: error: the header needs a \"text\" column and a \"category\" (or \"intent\") column"
        ),
        ("text,category\nhello,greet,extra\n", "data.csv:2: error: expected 2 fields as in the header, found 3"),
        ("text,category\n\"unterminated,greet\n", "data.csv:2: error: unterminated quoted field"),
    ])
    func reportsCSVErrorsWithTheirLine(input: String, message: String) {
        #expect(throws: DatasetError.self) { try csv(input) }
        do { _ = try csv(input) } catch { #expect(error.description == message) }
    }

    @Test(arguments: [
        ("{\"text\": \"a\", \"intent\": \"b\"}\n{\"text\": 1}\n", "data.jsonl:2: error: needs \"text\" as a string"),
        ("{\"text\": \"a\"}\n", "data.jsonl:1: error: needs \"intent\" as a string or null"),
        ("[1]\n", "data.jsonl:1: error: expected a JSON object, found an array"),
        (
            "{\"text\": \"a\", \"intent\": \"b\"}\n{oops}\n",
            "data.jsonl:2: error: invalid JSON at column 2: unexpected 'o'; expected a key in double quotes"
        ),
    ])
    func reportsJSONLinesErrorsWithTheirLine(input: String, message: String) {
        #expect(throws: DatasetError.self) { try jsonl(input) }
        do { _ = try jsonl(input) } catch { #expect(error.description == message) }
    }

    @Test func importsIntentsInOrderWithBracesEscaped() throws {
        let json = BotImporter.json(from: [
            LabelledUtterance(text: "b one", intent: "b"), LabelledUtterance(text: "use {braces}", intent: "a"),
            LabelledUtterance(text: "b one", intent: "b"), LabelledUtterance(text: "nothing", intent: nil),
            LabelledUtterance(text: "odd label", intent: "top up?"), LabelledUtterance(text: "kept", intent: "what?"),
        ])
        // What `usher import` writes is for matching until an author gives it responses.
        let bot = try BotLoader.load(
            sources: [BotLoader.Source(name: "imported.json", bytes: Array(json.utf8))], for: .matching)
        #expect(bot.intents.map(\.name) == ["b", "a", "top_up?", "what?"])
        #expect(bot.intents[0].examples.map(\.text) == ["b one"])
        #expect(bot.intents[1].examples[0].template.segments == [.text("use {braces}")])
    }
}
