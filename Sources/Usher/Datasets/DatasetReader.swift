import Foundation

/// Reads labelled utterances from CSV (`text,category` or `text,intent` with a header, as in
/// BANKING77) or JSON Lines (`{"text": …, "intent": …}`, as in CLINC150).
///
/// A `split` field (JSON) or column (CSV) names the partition each line belongs to, and a `lang`
/// field or column the language the line is written in.
/// The label `oos`, an empty label and JSON `null` all mean out of scope. Every malformed line is
/// an error naming its line; none is skipped silently, because a silently dropped line skews a score.
public enum DatasetReader {
    /// The format is chosen by the file's extension: `.csv`, or `.jsonl`/`.json`/`.ndjson`.
    public static func read(path: String) throws(DatasetError) -> [LabelledUtterance] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError(file: path, message: "cannot read the file")
        }
        let bytes = [UInt8](data)
        if path.lowercased().hasSuffix(".csv") { return try readCSV(bytes, file: path) }
        let jsonExtensions = [".jsonl", ".json", ".ndjson"]
        if jsonExtensions.contains(where: path.lowercased().hasSuffix) { return try readJSONLines(bytes, file: path) }
        throw DatasetError(file: path, message: "unknown data format; use a .csv or .jsonl file")
    }

    /// The utterances of one partition. A name no line carries is an error listing the names
    /// there are, so a typo (`dev` for `val`) never scores a bot on nothing.
    public static func only(split name: String, of utterances: [LabelledUtterance], file: String) throws(DatasetError)
        -> [LabelledUtterance]
    {
        let chosen = utterances.filter { $0.split == name }
        guard chosen.isEmpty else { return chosen }
        let names = Set(utterances.compactMap(\.split)).sorted()
        throw DatasetError(
            file: file,
            message: names.isEmpty
                ? "no line has a \"split\"; --split needs a data set that names its partitions"
                : "no line is in split \"\(name)\"; the file's splits are \(names.joined(separator: ", "))")
    }

    /// Whether a label stands for "out of scope".
    public static func isOutOfScope(_ label: String) -> Bool {
        let trimmed = label.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty || trimmed == "oos" || trimmed == "out_of_scope"
    }

    // MARK: - JSON Lines

    public static func readJSONLines(_ bytes: [UInt8], file: String) throws(DatasetError) -> [LabelledUtterance] {
        var result: [LabelledUtterance] = []
        for (offset, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        {
            let lineNumber = offset + 1
            guard
                line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }
                )
            else { continue }
            result.append(try utterance(fromJSON: Array(line), file: file, line: lineNumber))
        }
        return result
    }

    private static func utterance(fromJSON line: [UInt8], file: String, line number: Int) throws(DatasetError)
        -> LabelledUtterance
    {
        let node: JSONNode
        do {
            node = try JSONParser.parse(line)
        } catch {
            throw DatasetError(
                file: file, line: number, message: "invalid JSON at column \(error.location.column): \(error.message)")
        }
        guard case .object(let members) = node.value else {
            throw DatasetError(
                file: file, line: number, message: "expected a JSON object, found \(node.value.kindDescription)")
        }
        let fields = Dictionary(members.map { ($0.key, $0.value.value) }, uniquingKeysWith: { first, _ in first })
        guard case .string(let text)? = fields["text"] else {
            throw DatasetError(file: file, line: number, message: "needs \"text\" as a string")
        }
        let split = try optionalString(fields["split"], "split", file: file, line: number)
        let language = try optionalString(fields["lang"], "lang", file: file, line: number).flatMap {
            $0.isEmpty ? nil : $0
        }
        switch fields["intent"] ?? fields["label"] {
        case .string(let label)?:
            return LabelledUtterance(
                text: text, intent: isOutOfScope(label) ? nil : label, line: number, split: split, language: language)
        case .null?: return LabelledUtterance(text: text, intent: nil, line: number, split: split, language: language)
        default: throw DatasetError(file: file, line: number, message: "needs \"intent\" as a string or null")
        }
    }

    /// A string field that may be left out or `null`.
    private static func optionalString(_ value: JSONValue?, _ key: String, file: String, line: Int)
        throws(DatasetError) -> String?
    {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw DatasetError(file: file, line: line, message: "needs \"\(key)\" as a string, if present")
        }
    }

    // MARK: - CSV

    public static func readCSV(_ bytes: [UInt8], file: String) throws(DatasetError) -> [LabelledUtterance] {
        var reader = CSVReader(bytes: bytes)
        guard let header = try csvRecord(&reader, file: file) else {
            throw DatasetError(file: file, message: "the file is empty; expected a header such as text,category")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let textColumn = names.firstIndex(of: "text"),
            let labelColumn = names.firstIndex(where: { ["category", "intent", "label"].contains($0) })
        else {
            throw DatasetError(
                file: file, line: 1,
                message: "the header needs a \"text\" column and a \"category\" (or \"intent\") column")
        }
        let splitColumn = names.firstIndex(of: "split")
        let languageColumn = names.firstIndex(of: "lang")
        var result: [LabelledUtterance] = []
        while let record = try csvRecord(&reader, file: file) {
            if record.fields.count == 1 && record.fields[0].isEmpty { continue }
            guard record.fields.count == names.count else {
                throw DatasetError(
                    file: file, line: record.line,
                    message: "expected \(names.count) fields as in the header, found \(record.fields.count)")
            }
            let label = record.fields[labelColumn]
            result.append(
                LabelledUtterance(
                    text: record.fields[textColumn], intent: isOutOfScope(label) ? nil : label, line: record.line,
                    split: splitColumn.map { record.fields[$0] },
                    language: languageColumn.map { record.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return result
    }

    private static func csvRecord(_ reader: inout CSVReader, file: String) throws(DatasetError) -> CSVReader.Record? {
        do {
            return try reader.next()
        } catch {
            throw DatasetError(file: file, line: error.line, message: error.message)
        }
    }
}
