import Foundation
import Usher

/// The conversation benchmarks: the line protocol end to end in one process (JSON bytes in,
/// response line out, sessions in memory), and the memory of many idle sessions.
struct ConversationBench {
    static let requests = 200_000
    static let sessions = 10_000
    static let idleSessions = 100_000

    let name: String
    let bot: String

    func run(rounds: Int) throws -> BenchResult {
        let engine = try DialogEngine(bot: BotLoader.load(path: bot))
        return name == "serve" ? serve(engine, rounds: rounds) : idle(engine)
    }

    /// Interleaved conversations as `usher serve` runs them: batches of lines on one shard per
    /// core. Latency comes from a separate single-threaded pass, one request at a time.
    private func serve(_ engine: DialogEngine, rounds: Int) -> BenchResult {
        let lines = Self.load(requests: Self.requests, sessions: Self.sessions)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        var throughputs: [Double] = []
        for _ in 0..<rounds {
            let server = ConversationServer(engine: engine, store: InMemoryConversationStore(), shards: workers)
            let start = ContinuousClock.now
            for batch in stride(from: 0, to: lines.count, by: Self.batchSize) {
                _ = server.respond(
                    toBatch: Array(lines[batch..<min(batch + Self.batchSize, lines.count)]), now: 1_767_603_600)
            }
            throughputs.append(Double(lines.count) / (ContinuousClock.now - start).seconds)
        }
        var latencies: [Double] = []
        let single = ConversationServer(engine: engine, store: InMemoryConversationStore())
        for line in lines {
            let before = ContinuousClock.now
            _ = single.respond(toBatch: [line], now: 1_767_603_600)
            latencies.append((ContinuousClock.now - before).seconds)
        }
        latencies.sort()
        return BenchResult(
            scenario: name, intents: engine.bot.intents.count, examples: Self.sessions, model: "\(workers) workers",
            loadSeconds: 0, parseSeconds: 0, messages: lines.count,
            messagesPerSecond: throughputs.sorted()[throughputs.count / 2],
            p50Microseconds: latencies[latencies.count / 2] * 1e6,
            p99Microseconds: latencies[latencies.count * 99 / 100] * 1e6,
            peakMemoryMB: PeakMemory.megabytes())
    }

    /// Lines per batch: what one 64 KiB read of `usher serve`'s input holds, roughly.
    static let batchSize = 1_024

    /// 100,000 sessions that each said one thing, then nothing: what an idle session costs.
    /// The peak includes the loaded bot (the `example` scenario's peak).
    private func idle(_ engine: DialogEngine) -> BenchResult {
        let server = ConversationServer(engine: engine, store: InMemoryConversationStore(logLimit: 0))
        let start = ContinuousClock.now
        for session in 0..<Self.idleSessions {
            let line = "{\"session\": \"idle-\(session)\", \"text\": \"where is my order AB\(100_000 + session)\"}"
            _ = server.respond(toBatch: [Array(line.utf8)], now: 1_767_603_600)
        }
        let seconds = (ContinuousClock.now - start).seconds
        precondition((try? server.sessionCount()) == Self.idleSessions)
        return BenchResult(
            scenario: name, intents: engine.bot.intents.count, examples: Self.idleSessions, model: "sessions",
            loadSeconds: 0, parseSeconds: 0, messages: Self.idleSessions,
            messagesPerSecond: Double(Self.idleSessions) / seconds, p50Microseconds: 0, p99Microseconds: 0,
            peakMemoryMB: PeakMemory.megabytes())
    }

    /// The same deterministic load as scripts/serve-load.py describes, generated in process.
    static func load(requests: Int, sessions: Int) -> [[UInt8]] {
        let texts = [
            "hello", "where is my order", "AB123456", "I want to file a claim", "PN-123456", "yesterday",
            "what are your opening hours", "thanks", "cancel my order", "yes", "I was charged twice", "xyzzy",
            "my phone was stolen on 3 March, policy PN-654321", "can I pay with paypal", "bye",
        ]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<requests).map { request in
            let session = next(sessions)
            let text = texts[next(texts.count)]
            return Array("{\"id\": \(request), \"session\": \"c-\(session)\", \"text\": \"\(text)\"}".utf8)
        }
    }
}
