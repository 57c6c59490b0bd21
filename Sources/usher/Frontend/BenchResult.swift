import Usher

/// One scenario's figures, passed from the child process to the parent as a JSON line.
struct BenchResult {
    var scenario: String
    var skipped: String?
    var intents = 0
    var examples = 0
    var model = ""
    var loadSeconds = 0.0
    /// The part of loading spent reading and validating the JSON (the rest compiles the matcher).
    var parseSeconds = 0.0
    var messages = 0
    var messagesPerSecond = 0.0
    var p50Microseconds = 0.0
    var p99Microseconds = 0.0
    var peakMemoryMB = 0.0
    /// The share of labelled messages matched to their intent, when the scenario's messages have labels.
    var accuracy: Double?
    /// Figures a scenario measures beyond the table's columns, as one line for people.
    var notes = ""

    init(scenario: String, skipped: String) {
        self.scenario = scenario
        self.skipped = skipped
    }

    init(
        scenario: String, intents: Int, examples: Int, model: String, loadSeconds: Double, parseSeconds: Double,
        messages: Int,
        messagesPerSecond: Double, p50Microseconds: Double, p99Microseconds: Double, peakMemoryMB: Double,
        accuracy: Double? = nil, notes: String = ""
    ) {
        self.scenario = scenario
        self.intents = intents
        self.examples = examples
        self.model = model
        self.loadSeconds = loadSeconds
        self.parseSeconds = parseSeconds
        self.messages = messages
        self.messagesPerSecond = messagesPerSecond
        self.p50Microseconds = p50Microseconds
        self.p99Microseconds = p99Microseconds
        self.peakMemoryMB = peakMemoryMB
        self.accuracy = accuracy
        self.notes = notes
    }

    var json: String {
        if let skipped {
            return "{\"scenario\": \(JSONWriter.string(scenario)), \"skipped\": \(JSONWriter.string(skipped))}"
        }
        return "{\"scenario\": \(JSONWriter.string(scenario)), \"intents\": \(intents), \"examples\": \(examples), "
            + "\"model\": \(JSONWriter.string(model)), \"load_seconds\": \(JSONWriter.number(loadSeconds)), \"parse_seconds\": \(JSONWriter.number(parseSeconds)), "
            + "\"messages\": \(messages), \"messages_per_second\": \(JSONWriter.number(messagesPerSecond.rounded())), "
            + "\"p50_us\": \(JSONWriter.number(p50Microseconds, digits: 1)), \"p99_us\": \(JSONWriter.number(p99Microseconds, digits: 1)), "
            + "\"peak_memory_mb\": \(JSONWriter.number(peakMemoryMB, digits: 1)), "
            + (accuracy.map { "\"accuracy\": \(JSONWriter.number($0)), " } ?? "")
            + "\"notes\": \(JSONWriter.string(notes))}"
    }

    /// Reads the line a child printed; fields missing from it stay zero.
    init?(json: String) {
        guard
            case .object(let members)? = try? JSONParser.parse(json.trimmingCharacters(in: .whitespacesAndNewlines))
                .value
        else { return nil }
        var fields: [String: JSONValue] = [:]
        for member in members { fields[member.key] = member.value.value }
        func number(_ key: String) -> Double { if case .number(let value)? = fields[key] { value } else { 0 } }
        func string(_ key: String) -> String? { if case .string(let value)? = fields[key] { value } else { nil } }
        scenario = string("scenario") ?? "?"
        skipped = string("skipped")
        intents = Int(number("intents"))
        examples = Int(number("examples"))
        model = string("model") ?? ""
        loadSeconds = number("load_seconds")
        parseSeconds = number("parse_seconds")
        messages = Int(number("messages"))
        messagesPerSecond = number("messages_per_second")
        p50Microseconds = number("p50_us")
        p99Microseconds = number("p99_us")
        peakMemoryMB = number("peak_memory_mb")
        notes = string("notes") ?? ""
        if case .number(let value)? = fields["accuracy"] { accuracy = value }
    }

    static func table(_ results: [BenchResult]) -> String {
        let header = [
            "scenario", "intents", "examples", "model", "load s", "(parse s)", "msg/s", "p50 µs", "p99 µs", "peak MB",
            "accuracy",
        ]
        let rows = results.map { result -> [String] in
            if let skipped = result.skipped {
                return [result.scenario, "skipped: \(skipped)", "", "", "", "", "", "", "", "", ""]
            }
            return [
                result.scenario, String(result.intents), String(result.examples), result.model,
                String(format3: result.loadSeconds), String(format3: result.parseSeconds),
                String(Int(result.messagesPerSecond)),
                String(format1: result.p50Microseconds), String(format1: result.p99Microseconds),
                String(format1: result.peakMemoryMB), result.accuracy.map { String(format3: $0) } ?? "-",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let table = ([header] + rows).map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(
                separator: "  ")
        }
        let notes = results.filter { !$0.notes.isEmpty }.map { "\($0.scenario): \($0.notes)" }
        return (table + (notes.isEmpty ? [] : [""] + notes)).joined(separator: "\n")
    }
}
