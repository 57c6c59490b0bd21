import Usher

/// Renders an ``EvaluationReport`` as tables for people or one JSON object for scripts.
struct EvaluationPrinter {
    let report: EvaluationReport
    let seconds: Double
    let loadSeconds: Double
    let threshold: Double
    let model: String
    /// Each language's own figures, when the data set mixes several (empty otherwise).
    var languages: [(language: String, report: EvaluationReport)] = []
    /// What stderr says besides the figures; `--json` carries them as `"warnings"`.
    var warnings: [EvaluationWarning] = []

    var throughput: Double { seconds > 0 ? Double(report.messages) / seconds : 0 }

    func text() -> String {
        var lines = [
            "messages            \(report.messages)",
            "accuracy            \(format(report.accuracy))",
            "in-scope accuracy   \(format(report.inScopeAccuracy))",
            "out-of-scope recall \(report.outOfScopeRecall.map(format) ?? "n/a (no out-of-scope utterances)")",
            "out-of-scope prec.  \(report.outOfScopePrecision.map(format) ?? "n/a (nothing rejected)")",
            "macro F1            \(format(report.macroF1))",
            "threshold           \(format(threshold))",
            "model               \(model)",
            "load                \(String(format3: loadSeconds)) s",
            "matching            \(String(format3: seconds)) s, \(Int(throughput.rounded())) messages/s",
            "",
        ]
        if !languages.isEmpty {
            lines.append(
                pad("language", 10) + pad("messages", 10) + pad("accuracy", 10) + pad("in-scope", 10)
                    + pad("oos recall", 12)
                    + "macro F1")
            for (language, figures) in languages {
                lines.append(
                    pad(language, 10) + pad(String(figures.messages), 10) + pad(format(figures.accuracy), 10)
                        + pad(format(figures.inScopeAccuracy), 10)
                        + pad(figures.outOfScopeRecall.map(format) ?? "n/a", 12)
                        + format(figures.macroF1))
            }
            lines.append("")
        }
        lines += [
            pad("intent", 32) + pad("precision", 11) + pad("recall", 9) + pad("F1", 9) + "support"
        ]
        for score in report.intents.sorted(by: { ($0.f1, $0.intent) < ($1.f1, $1.intent) }) {
            lines.append(
                pad(score.intent, 32) + pad(format(score.precision), 11) + pad(format(score.recall), 9)
                    + pad(format(score.f1), 9) + String(score.support))
        }
        if !report.confusions.isEmpty {
            lines += ["", "most confused (expected -> predicted: count)"]
            for confusion in report.confusions {
                lines.append("  \(label(confusion.expected)) -> \(label(confusion.predicted)): \(confusion.count)")
            }
        }
        return lines.joined(separator: "\n")
    }

    func json() -> String {
        var fields = [
            "\"messages\": \(report.messages)",
            "\"accuracy\": \(JSONWriter.number(report.accuracy))",
            "\"in_scope_accuracy\": \(JSONWriter.number(report.inScopeAccuracy))",
            "\"oos_recall\": \(report.outOfScopeRecall.map { JSONWriter.number($0) } ?? "null")",
            "\"oos_precision\": \(report.outOfScopePrecision.map { JSONWriter.number($0) } ?? "null")",
            "\"macro_f1\": \(JSONWriter.number(report.macroF1))",
            "\"threshold\": \(JSONWriter.number(threshold))",
            "\"seconds\": \(JSONWriter.number(seconds, digits: 6))",
            "\"load_seconds\": \(JSONWriter.number(loadSeconds, digits: 6))",
            "\"messages_per_second\": \(JSONWriter.number(throughput.rounded()))",
        ]
        if !languages.isEmpty {
            let each = languages.map { language, figures in
                "{\"language\": \(JSONWriter.string(language)), \"messages\": \(figures.messages), "
                    + "\"accuracy\": \(JSONWriter.number(figures.accuracy)), "
                    + "\"in_scope_accuracy\": \(JSONWriter.number(figures.inScopeAccuracy)), "
                    + "\"oos_recall\": \(figures.outOfScopeRecall.map { JSONWriter.number($0) } ?? "null"), "
                    + "\"macro_f1\": \(JSONWriter.number(figures.macroF1))}"
            }
            fields.append("\"languages\": [\(each.joined(separator: ", "))]")
        }
        let intents = report.intents.map {
            "{\"intent\": \(JSONWriter.string($0.intent)), \"precision\": \(JSONWriter.number($0.precision)), "
                + "\"recall\": \(JSONWriter.number($0.recall)), \"f1\": \(JSONWriter.number($0.f1)), \"support\": \($0.support)}"
        }
        fields.append("\"intents\": [\(intents.joined(separator: ", "))]")
        let confusions = report.confusions.map {
            "{\"expected\": \($0.expected.map(JSONWriter.string) ?? "null"), "
                + "\"predicted\": \($0.predicted.map(JSONWriter.string) ?? "null"), \"count\": \($0.count)}"
        }
        fields.append("\"confusions\": [\(confusions.joined(separator: ", "))]")
        fields.append("\"warnings\": [\(warnings.map(\.json).joined(separator: ", "))]")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private func label(_ intent: String?) -> String { intent ?? "(out of scope)" }

    private func format(_ value: Double) -> String { String(format4: value) }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

extension String {
    /// A number with exactly four decimals, without Foundation's locale-dependent formatting.
    init(format4 value: Double) { self = Self.fixed(value, digits: 4) }
    init(format3 value: Double) { self = Self.fixed(value, digits: 3) }
    init(format1 value: Double) { self = Self.fixed(value, digits: 1) }

    private static func fixed(_ value: Double, digits: Int) -> String {
        let scale = (0..<digits).reduce(1.0) { value, _ in value * 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return (value < 0 && scaled > 0 ? "-" : "") + "\(whole)."
            + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
