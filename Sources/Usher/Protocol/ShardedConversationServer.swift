import Foundation

/// Serves batches of request lines on several cores at once while answering in input order.
///
/// Sessions are spread over shards by a stable hash of their id; each shard is a
/// ``ConversationServer`` with its own store, and one session always lands on the same shard,
/// so its turns run in the order they arrived. Sessions never share state, so the responses are
/// exactly those a single server would give, byte for byte. A batch is whatever complete lines
/// the input holds: an interactive client sending one line at a time gets one-line batches.
public final class ShardedConversationServer {
    public let shards: [ConversationServer]

    /// A server with `shardCount` shards, each with the store `makeStore` gives.
    public init(engine: DialogEngine, shardCount: Int, makeStore: () -> SessionStore) {
        shards = (0..<max(1, shardCount)).map { _ in ConversationServer(engine: engine, store: makeStore()) }
    }

    /// How many sessions all shards hold.
    public var sessionCount: Int { shards.reduce(0) { $0 + $1.store.count } }

    /// One response line per request line, in order.
    public func respond(toBatch lines: [[UInt8]], now: Double) -> [String] {
        let requests = Self.parallelMap(lines.count, workers: shards.count) { ProtocolCodec.decode(lines[$0]) }
        var byShard = Array(repeating: [Int](), count: shards.count)
        for (index, request) in requests.enumerated() {
            guard case .success(let decoded) = request else { continue }
            byShard[shard(of: decoded)].append(index)
        }
        let responses = UnsafeMutableBufferPointer<String>.allocate(capacity: lines.count)
        responses.initialize(repeating: "")
        defer { responses.deinitialize().deallocate() }
        for (index, request) in requests.enumerated() {
            if case .failure(let error) = request { responses[index] = ProtocolCodec.encode(error) }
        }
        // Each worker writes only the slots of its own shard's lines, and each shard server is
        // touched by one worker only.
        nonisolated(unsafe) let output = responses
        nonisolated(unsafe) let servers = shards
        let work = byShard
        DispatchQueue.concurrentPerform(iterations: shards.count) { shard in
            for index in work[shard] {
                if case .success(let request) = requests[index] {
                    output[index] = servers[shard].respond(to: request, now: now)
                }
            }
        }
        return Array(responses)
    }

    private func shard(of request: ProtocolRequest) -> Int {
        let session: String
        switch request {
        case .message(_, let message): session = message.session
        case .reset(_, let id), .get(_, let id): session = id
        case .ping: return 0
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in session.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(shards.count))
    }

    /// `transform` applied to 0..<count on `workers` threads, results in order.
    static func parallelMap<T: Sendable>(_ count: Int, workers: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard workers > 1, count >= 64 else { return (0..<count).map(transform) }
        let parts = (0..<workers).map { worker in (count * worker / workers)..<(count * (worker + 1) / workers) }
        let results = UnsafeMutableBufferPointer<[T]>.allocate(capacity: workers)
        results.initialize(repeating: [])
        defer { results.deinitialize().deallocate() }
        nonisolated(unsafe) let shared = results
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            shared[worker] = parts[worker].map(transform)
        }
        return results.flatMap { $0 }
    }
}
