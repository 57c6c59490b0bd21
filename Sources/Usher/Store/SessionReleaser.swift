import Dispatch
import Synchronization

/// Frees sessions on a thread of its own, so that the thread that commits a batch does not
/// spend its time releasing what the batch replaced.
///
/// A turn in the in-memory store copies its session's history (the store keeps its own version
/// until the batch is committed), so every batch leaves behind the old version of every
/// session it changed: hundreds of histories, each turn's strings released one by one. On the
/// committing thread that was a quarter of the serial part of a batch, while the other cores
/// waited for the next one; here it overlaps with it.
final class SessionReleaser: Sendable {
    private let pending = Mutex<[[SessionState]]>([])
    private let queue = DispatchQueue(label: "usher.session-release", qos: .utility)

    /// Takes `sessions` (leaving it empty) and frees them on the releaser's thread. The handover
    /// is made under the lock, so that the last reference is never dropped here.
    func release(_ sessions: inout [SessionState]) {
        guard !sessions.isEmpty else { return }
        pending.withLock { pending in
            pending.append([])
            swap(&pending[pending.count - 1], &sessions)
        }
        queue.async { self.drain() }
    }

    private func drain() {
        var garbage: [[SessionState]] = []
        pending.withLock { swap(&$0, &garbage) }
        // Freed here, as `garbage` goes out of scope.
    }
}
