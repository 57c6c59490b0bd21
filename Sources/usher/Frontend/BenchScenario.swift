import Foundation
import Usher

/// One benchmark scenario: a bot and the messages to match against it.
struct BenchScenario {
    /// Every scenario, in the order they run, with what it measures in one line (`usher bench --help`).
    static let all: [(name: String, measures: String)] = [
        ("example", "--bot matching evals/desk.jsonl; accuracy as usher eval counts it"),
        ("banking77", "a bot from --data/banking77/train.csv matching test.csv"),
        ("synthetic-1k", "a generated bot of 1,000 intents x 20 examples"),
        ("synthetic-10k", "the same with 10,000 intents"),
        ("realistic-1k", "BANKING77's texts in 1,000 intents told apart by made-up names"),
        ("realistic-10k", "the same with 10,000 intents"),
        ("realistic-100k", "the same with 100,000 (slow, large: runs only when named)"),
        ("serve", "the line protocol in process, 200,000 requests: requests/s, latency"),
        ("idle-sessions", "the peak memory of 100,000 idle sessions held in memory"),
        ("state", "serve's load into a SQLite file: requests/s, MB per 100,000 turns"),
        ("session-load", "one session read cold from SQLite after 10 and 10,000 turns"),
    ]
    static let allNames = all.map(\.name)
    /// What runs without --scenarios: all but the 100,000-intent bot, which takes minutes and gigabytes.
    static let defaultNames = allNames.filter { $0 != "realistic-100k" }

    let name: String
    let bot: String
    let data: String
    /// The generated bot's file, when the parent process wrote it (see ``writeBot()``).
    var prepared: String?

    func run(rounds: Int) throws -> BenchResult {
        if name == "serve" || name == "idle-sessions" {
            return try ConversationBench(name: name, bot: bot).run(rounds: rounds)
        }
        if name == "state" || name == "session-load" {
            return try StateBench(name: name, bot: bot).run(rounds: rounds)
        }
        let (path, messages, labelled, skip) = try prepare()
        if let skip { return BenchResult(scenario: name, skipped: skip) }
        var loads: [Double] = []
        var parses: [Double] = []
        var matcher: Matcher?
        var intents = 0
        var examples = 0
        for _ in 0..<max(1, rounds) {
            matcher = nil  // so that peak memory is one bot's, not two
            let start = ContinuousClock.now
            let definition = try BotLoader.load(path: path, for: .matching)
            parses.append((ContinuousClock.now - start).seconds)
            matcher = Matcher(bot: definition)
            loads.append((ContinuousClock.now - start).seconds)
            intents = definition.intents.count
            examples = definition.intents.reduce(0) { $0 + $1.examples.count }
        }
        guard let matcher else { return BenchResult(scenario: name, skipped: "no rounds") }
        var throughputs: [Double] = []
        var latencies: [Double] = []
        latencies.reserveCapacity(messages.count * rounds)
        let texts = messages.map(\.text)
        for _ in 0..<rounds {
            let roundStart = ContinuousClock.now
            for message in texts {
                let start = ContinuousClock.now
                _ = matcher.match(message)
                latencies.append((ContinuousClock.now - start).seconds)
            }
            throughputs.append(Double(texts.count) / (ContinuousClock.now - roundStart).seconds)
        }
        // Scored as `usher eval` scores: an out-of-scope message (`nil`) is right when rejected.
        let accuracy =
            labelled
            ? EvaluationReport(pairs: messages.map { ($0.intent, matcher.match($0.text, explain: false).intent) })
                .accuracy : nil
        latencies.sort()
        return BenchResult(
            scenario: name, intents: intents, examples: examples, model: matcher.modelKind.rawValue,
            loadSeconds: median(loads), parseSeconds: median(parses), messages: messages.count,
            messagesPerSecond: median(throughputs),
            p50Microseconds: percentile(latencies, 0.50) * 1e6, p99Microseconds: percentile(latencies, 0.99) * 1e6,
            peakMemoryMB: PeakMemory.megabytes(),
            accuracy: accuracy)
    }

    /// The bot's path and the messages, and whether the messages carry labels (`nil` then means
    /// out of scope), writing generated bots to a temporary file first.
    private func prepare() throws -> (path: String, messages: [LabelledUtterance], labelled: Bool, skip: String?) {
        switch name {
        case "example":
            // evals/desk.jsonl is labelled; without it, the bot's own examples are matched for
            // speed alone, since scoring a bot on what it was built from says nothing.
            if let evals = try? DatasetReader.read(path: "evals/desk.jsonl"), !evals.isEmpty {
                return (bot, evals, true, nil)
            }
            let examples = try BotLoader.load(path: bot, for: .matching).intents.flatMap {
                $0.examples.map { LabelledUtterance(text: $0.text, intent: nil) }
            }
            return (bot, examples, false, nil)
        case "banking77":
            let train = "\(data)/banking77/train.csv"
            guard FileManager.default.fileExists(atPath: train) else { return ("", [], false, "no \(train)") }
            let path = try prepared ?? writeBot() ?? ""
            return (path, try DatasetReader.read(path: "\(data)/banking77/test.csv"), true, nil)
        case "realistic-1k", "realistic-10k", "realistic-100k":
            guard let generator = try realisticBot() else {
                return ("", [], false, "no \(data)/banking77/train.csv")
            }
            return (try prepared ?? writeBot() ?? "", generator.messages(5_000), true, nil)
        default:
            return (try prepared ?? writeBot() ?? "", syntheticBot().messages(5_000), true, nil)
        }
    }

    /// Writes the scenario's generated or imported bot to a temporary file and returns its path
    /// (`nil` for scenarios that read a bot as it is, or whose data is missing). The parent
    /// process calls it, so that generating the bot does not count towards the peak memory of
    /// the child that loads it.
    func writeBot() throws -> String? {
        switch name {
        case "banking77":
            let train = "\(data)/banking77/train.csv"
            guard FileManager.default.fileExists(atPath: train) else { return nil }
            return try temporaryBot(BotImporter.json(from: DatasetReader.read(path: train)))
        case "realistic-1k", "realistic-10k", "realistic-100k":
            guard let generator = try realisticBot() else { return nil }
            return try temporaryBot(BotImporter.json(for: generator.bot()))
        case "synthetic-1k", "synthetic-10k":
            return try temporaryBot(BotImporter.json(for: syntheticBot().bot()))
        default:
            return nil
        }
    }

    private func realisticBot() throws -> RealisticBot? {
        let train = "\(data)/banking77/train.csv"
        guard FileManager.default.fileExists(atPath: train) else { return nil }
        let intents = ["realistic-1k": 1_000, "realistic-10k": 10_000][name] ?? 100_000
        return RealisticBot(utterances: try DatasetReader.read(path: train), intents: intents, examplesPerIntent: 20)
    }

    private func syntheticBot() -> SyntheticBot {
        SyntheticBot(intents: name == "synthetic-1k" ? 1_000 : 10_000, examplesPerIntent: 20)
    }

    private func temporaryBot(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("usher-bench-\(name)-\(getpid()).json")
            .path
        guard FileManager.default.createFile(atPath: path, contents: Data(json.utf8)) else {
            throw BenchError(message: "cannot write \(path)")
        }
        return path
    }

    private func median(_ values: [Double]) -> Double { percentile(values.sorted(), 0.5) }

    private func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
    }
}

struct BenchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The process's peak resident memory, from Linux's /proc (0 where that is not available).
enum PeakMemory {
    static func megabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
