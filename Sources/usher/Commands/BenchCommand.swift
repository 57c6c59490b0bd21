import ArgumentParser
import Foundation
import Usher

/// `usher bench`: the engine's reproducible benchmark.
///
/// Each scenario runs in a child process of its own, so that its peak memory is its own.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark loading and matching (build with: swift build -c release).",
        discussion: """
            Load = read, validate and compile the JSON. Matching throughput and latency are single-threaded; \
            each figure is the median of --rounds rounds. The conversation scenarios (serve to session-load) \
            talk to the bot at --bot. Scenarios:

            """ + BenchScenario.all.map { "  \($0.name): \($0.measures)" }.joined(separator: "\n")
    )

    @Option(help: "The example bot.")
    var bot = "intents"

    @Option(help: "The folder holding banking77/ (skipped when missing).")
    var data = "../shared/data"

    @Option(help: "Run only these scenarios (comma-separated).")
    var scenarios = BenchScenario.defaultNames.joined(separator: ",")

    @Option(help: "Rounds per scenario; medians are reported.")
    var rounds = 5

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: .hidden)
    var child: String?

    @Option(help: .hidden)
    var prepared: String?

    func validate() throws {
        let unknown = scenarioNames.filter { !BenchScenario.allNames.contains($0) }
        if !unknown.isEmpty {
            throw ValidationError(
                "unknown scenario \(unknown.joined(separator: ", ")); choose from \(BenchScenario.allNames.joined(separator: ", "))"
            )
        }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
    }

    private var scenarioNames: [String] {
        scenarios.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    }

    func run() throws {
        if let child {
            let scenario = BenchScenario(name: child, bot: bot, data: data, prepared: prepared)
            Console.out(try scenario.run(rounds: rounds).json)
            return
        }
        var results: [BenchResult] = []
        for name in scenarioNames {
            if let result = try runChild(name) { results.append(result) }
        }
        Console.out(json ? "[" + results.map(\.json).joined(separator: ",\n ") + "]" : BenchResult.table(results))
    }

    private func runChild(_ name: String) throws -> BenchResult? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["bench", "--child", name, "--bot", bot, "--data", data, "--rounds", String(rounds)]
        let prepared = try BenchScenario(name: name, bot: bot, data: data).writeBot()
        defer { if let prepared { try? FileManager.default.removeItem(atPath: prepared) } }
        if let prepared { process.arguments? += ["--prepared", prepared] }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Console.error("bench: scenario \(name) failed (exit \(process.terminationStatus)); skipped")
            return nil
        }
        return BenchResult(json: String(decoding: bytes, as: UTF8.self))
    }
}
