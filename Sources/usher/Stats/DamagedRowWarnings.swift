import Usher

/// Says on stderr which rows of the log `usher stats` left out because they could not be read:
/// each one once (the figures and the unmatched messages read the log apart), the first
/// ``limit`` of them by name, then how many more.
struct DamagedRowWarnings {
    static let limit = 20
    private var seen: Set<String> = []

    mutating func warn(_ record: LogRecord) {
        guard case .damaged(let row) = record, seen.insert(row.description).inserted else { return }
        if seen.count <= Self.limit { Console.error("usher stats: warning: \(row); the row is left out") }
    }

    func finish() {
        guard seen.count > Self.limit else { return }
        Console.error("usher stats: warning: \(seen.count - Self.limit) more damaged rows are left out")
    }
}
