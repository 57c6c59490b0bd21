import Foundation
import Usher
import UsherStorage

/// The durable store's benchmarks: the serve load through a SQLite state file (requests per
/// second, file size per 100,000 logged turns), and what loading a session costs after 10 and
/// after 10,000 turns.
struct StateBench {
    let name: String
    let bot: String

    func run(rounds: Int) throws -> BenchResult {
        let engine = try DialogEngine(bot: BotLoader.load(path: bot))
        return name == "state" ? try serve(engine, rounds: rounds) : try sessionLoad(engine)
    }

    private func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "usher-bench-\(name)-\(getpid())-\(UUID()).sqlite"
        )
        .path
    }

    private func remove(_ file: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }

    /// `usher serve --state`'s work in process: batches of 1,024 lines, one shard per core.
    private func serve(_ engine: DialogEngine, rounds: Int) throws -> BenchResult {
        let lines = ConversationBench.load(requests: ConversationBench.requests, sessions: ConversationBench.sessions)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        var throughputs: [Double] = []
        var bytesPerTurn = 0.0
        for _ in 0..<max(1, rounds) {
            let file = temporaryFile()
            defer { remove(file) }
            let store = try SQLiteConversationStore(path: file)
            let server = ConversationServer(engine: engine, store: store, shards: workers)
            let start = ContinuousClock.now
            for batch in stride(from: 0, to: lines.count, by: ConversationBench.batchSize) {
                _ = server.respond(
                    toBatch: Array(lines[batch..<min(batch + ConversationBench.batchSize, lines.count)]),
                    now: 1_767_603_600)
            }
            throughputs.append(Double(lines.count) / (ContinuousClock.now - start).seconds)
            // Every line of the load is a customer message: one logged turn each.
            try store.checkpoint()
            bytesPerTurn = Double(try fileSize(file)) / Double(lines.count)
        }
        return BenchResult(
            scenario: name, intents: engine.bot.intents.count, examples: ConversationBench.sessions,
            model: "sqlite, \(workers) workers", loadSeconds: 0, parseSeconds: 0, messages: lines.count,
            messagesPerSecond: throughputs.sorted()[throughputs.count / 2], p50Microseconds: 0, p99Microseconds: 0,
            peakMemoryMB: PeakMemory.megabytes(),
            notes: String(format: "%.1f MB per 100,000 logged turns (sessions included)", bytesPerTurn * 1e5 / 1e6))
    }

    /// One session after 10 turns and one after 10,000, each read back cold (a store freshly
    /// opened, so nothing is cached) 200 times; medians.
    private func sessionLoad(_ engine: DialogEngine) throws -> BenchResult {
        let file = temporaryFile()
        defer { remove(file) }
        let server = ConversationServer(engine: engine, store: try SQLiteConversationStore(path: file))
        let texts = ["hello", "where is my order", "AB123456", "what are your opening hours", "thanks"]
        for turn in 0..<10_000 {
            let now = 1_767_603_600 + Double(turn)
            if turn >= 9_990 {
                _ = try server.converse(CustomerMessage(session: "short", text: texts[turn % texts.count]), now: now)
            }
            _ = try server.converse(CustomerMessage(session: "long", text: texts[turn % texts.count]), now: now)
        }
        func median(_ session: String) throws -> Double {
            var times: [Double] = []
            for _ in 0..<200 {
                let store = try SQLiteConversationStore(path: file)
                let start = ContinuousClock.now
                let found = try store.transact { transaction in
                    let found = try transaction.sessions([session])
                    var changes = StoreChanges()
                    changes.unchanged = Array(found.values)
                    return (changes, found)
                }
                times.append((ContinuousClock.now - start).seconds)
                precondition(found[session] != nil)
            }
            return times.sorted()[times.count / 2]
        }
        let short = try median("short")
        let long = try median("long")
        return BenchResult(
            scenario: name, intents: engine.bot.intents.count, examples: 10_010, model: "sqlite", loadSeconds: 0,
            parseSeconds: 0, messages: 400, messagesPerSecond: 0, p50Microseconds: short * 1e6,
            p99Microseconds: long * 1e6, peakMemoryMB: PeakMemory.megabytes(),
            notes: String(
                format:
                    "a session's load (one transaction, cold) takes %.0f µs after 10 turns and %.0f µs after 10,000",
                short * 1e6, long * 1e6))
    }

    private func fileSize(_ file: String) throws -> Int {
        var total = 0
        for suffix in ["", "-wal"] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: file + suffix)
            total += (attributes?[.size] as? Int) ?? 0
        }
        return total
    }
}
