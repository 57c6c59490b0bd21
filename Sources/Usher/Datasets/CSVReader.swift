/// An RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line breaks.
struct CSVReader {
    struct Record {
        var fields: [String]
        /// The line the record starts on.
        var line: Int
    }

    struct Failure: Error {
        var line: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func next() throws(Failure) -> Record? {
        guard index < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        while true {
            let (field, endOfRecord) = try readField()
            fields.append(field)
            if endOfRecord { return Record(fields: fields, line: startLine) }
        }
    }

    private mutating func readField() throws(Failure) -> (String, Bool) {
        var field: [UInt8] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            let quoteLine = line
            index += 1
            while true {
                guard index < bytes.count else { throw Failure(line: quoteLine, message: "unterminated quoted field") }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                        continue
                    }
                    break
                }
                if byte == UInt8(ascii: "\n") { line += 1 }
                field.append(byte)
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: ","): return (try decode(field), false)
            case UInt8(ascii: "\n"):
                line += 1
                return (try decode(field), true)
            case UInt8(ascii: "\r"): continue
            default: field.append(byte)
            }
        }
        return (try decode(field), true)
    }

    private func decode(_ field: [UInt8]) throws(Failure) -> String {
        guard let text = String(validating: field, as: UTF8.self) else {
            throw Failure(line: line, message: "invalid UTF-8 in a field")
        }
        return text
    }
}
