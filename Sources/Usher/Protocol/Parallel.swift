import Dispatch
import Synchronization

/// Work spread over threads, results in order, with nothing shared but what a `Mutex` guards.
enum Parallel {
    /// Runs `body(0..<count)` on up to `count` threads at once.
    static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    /// `transform` applied to 0..<count on `workers` threads, results in order.
    static func map<T: Sendable>(_ count: Int, workers: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard workers > 1, count >= 64 else { return (0..<count).map(transform) }
        let parts = (0..<workers).map { worker in (count * worker / workers)..<(count * (worker + 1) / workers) }
        let results = Mutex<[[T]]>(Array(repeating: [], count: workers))
        forEach(workers) { worker in
            let part = parts[worker].map(transform)
            results.withLock { $0[worker] = part }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
