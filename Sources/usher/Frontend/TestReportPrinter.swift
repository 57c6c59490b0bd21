import Usher

/// Renders conversation test results: a line (and a readable diff) per conversation, and JUnit XML.
struct TestReportPrinter {
    func line(_ result: ConversationTestResult) -> String {
        guard !result.passed else { return "✔ \(result.name) (\(result.turns) turn\(result.turns == 1 ? "" : "s"))" }
        var lines = ["✘ \(result.name)"]
        for failure in result.failures {
            lines.append(
                "    turn \(failure.turn + 1) \(JSONWriter.string(failure.say)) (\(failure.origin)): \(failure.field)")
            lines.append("      expected \(failure.expected)")
            lines.append("      actual   \(failure.actual)")
        }
        return lines.joined(separator: "\n")
    }

    /// The results as JUnit XML; a test file with mistakes, which ran no test, is a test case
    /// in error whose text lists them, so that a CI dashboard shows why nothing ran.
    func junit(
        _ suites: [(file: String, results: [ConversationTestResult])], mistakes: [(file: String, errors: [String])] = []
    ) -> String {
        let total = suites.reduce(0) { $0 + $1.results.count } + mistakes.count
        let failed = suites.reduce(0) { $0 + $1.results.filter { !$0.passed }.count }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites tests=\"\(total)\" failures=\"\(failed)\" errors=\"\(mistakes.count)\">\n"
        for (file, errors) in mistakes {
            let count = "\(errors.count) mistake\(errors.count == 1 ? "" : "s")"
            xml += "  <testsuite name=\"\(escape(file))\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
            xml += "    <testcase classname=\"\(escape(file))\" name=\"\(escape(file))\">\n"
            xml += "      <error message=\"\(count) in the test file; no test ran\" type=\"test file\">"
            xml += escape(errors.joined(separator: "\n")) + "</error>\n    </testcase>\n  </testsuite>\n"
        }
        for (file, results) in suites {
            let failures = results.filter { !$0.passed }.count
            xml += "  <testsuite name=\"\(escape(file))\" tests=\"\(results.count)\" failures=\"\(failures)\">\n"
            for result in results {
                xml += "    <testcase classname=\"\(escape(file))\" name=\"\(escape(result.name))\""
                guard !result.passed else {
                    xml += "/>\n"
                    continue
                }
                let detail = result.failures.map {
                    "turn \($0.turn + 1) \($0.say): \($0.field): expected \($0.expected), actual \($0.actual)"
                }.joined(separator: "\n")
                xml +=
                    ">\n      <failure message=\"\(escape(result.failures[0].field)) differs\">\(escape(detail))</failure>\n    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default:
                // XML 1.0 allows no control characters but tab, newline and carriage return.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
