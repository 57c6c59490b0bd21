import Foundation
import Usher

/// One benchmark scenario: a bot and the messages to match against it.
struct BenchScenario {
    static let allNames = [
        "example", "banking77", "synthetic-1k", "synthetic-10k", "realistic-1k", "realistic-10k", "realistic-100k",
        "serve", "idle-sessions", "state", "session-load",
    ]
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
        let (path, messages, skip) = try prepare()
        if let skip { return BenchResult(scenario: name, skipped: skip) }
        var loads: [Double] = []
        var parses: [Double] = []
        var matcher: Matcher?
        var intents = 0
        var examples = 0
        for _ in 0..<max(1, rounds) {
            matcher = nil  // so that peak memory is one bot's, not two
            let start = ContinuousClock.now
            let definition = try BotLoader.load(path: path)
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
        let labelled = messages.filter { $0.intent != nil }
        let correct = labelled.filter { matcher.match($0.text, explain: false).intent == $0.intent }.count
        latencies.sort()
        return BenchResult(
            scenario: name, intents: intents, examples: examples, model: matcher.modelKind.rawValue,
            loadSeconds: median(loads), parseSeconds: median(parses), messages: messages.count,
            messagesPerSecond: median(throughputs),
            p50Microseconds: percentile(latencies, 0.50) * 1e6, p99Microseconds: percentile(latencies, 0.99) * 1e6,
            peakMemoryMB: PeakMemory.megabytes(),
            accuracy: labelled.isEmpty ? nil : Double(correct) / Double(labelled.count))
    }

    /// The bot's path and the messages, writing generated bots to a temporary file first.
    private func prepare() throws -> (path: String, messages: [LabelledUtterance], skip: String?) {
        switch name {
        case "example":
            let evals = (try? DatasetReader.read(path: "evals/desk.jsonl")) ?? []
            let texts =
                evals.isEmpty
                ? try BotLoader.load(path: bot).intents.flatMap {
                    $0.examples.map { LabelledUtterance(text: $0.text, intent: nil) }
                } : evals.map { LabelledUtterance(text: $0.text, intent: nil) }
            return (bot, texts, nil)
        case "banking77":
            let train = "\(data)/banking77/train.csv"
            guard FileManager.default.fileExists(atPath: train) else { return ("", [], "no \(train)") }
            let path = try prepared ?? writeBot() ?? ""
            return (path, try DatasetReader.read(path: "\(data)/banking77/test.csv"), nil)
        case "realistic-1k", "realistic-10k", "realistic-100k":
            guard let generator = try realisticBot() else { return ("", [], "no \(data)/banking77/train.csv") }
            return (try prepared ?? writeBot() ?? "", generator.messages(5_000), nil)
        default:
            return (try prepared ?? writeBot() ?? "", syntheticBot().messages(5_000), nil)
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
