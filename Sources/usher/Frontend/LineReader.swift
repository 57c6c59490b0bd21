import Foundation

/// Reads newline-separated lines from a file descriptor as raw bytes, never holding more than
/// one over-long line's worth: a line past the limit is skipped up to its newline and reported
/// by its length alone.
final class LineReader {
    enum Line {
        case line([UInt8])
        /// A line past the limit: its length, and its first bytes (enough to find its `id`).
        case tooLong(Int, head: [UInt8])
    }

    private let fileDescriptor: Int32
    private let maximumLength: Int
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var skipping: Int?
    /// The first bytes of the over-long line being skipped.
    private var head: [UInt8] = []
    /// How much of an over-long line is kept to look for its `id`.
    static let headLength = 1_024
    private var ended = false
    /// Seconds to keep reading while more input arrives, so that lines sent one at a time share
    /// a batch (and a commit); 0 answers whatever one read gave.
    private let window: Double
    /// The most lines one batch gathers while the window is open.
    static let batchLimit = 4_096

    init(fileDescriptor: Int32, maximumLength: Int, window: Double = 0) {
        self.fileDescriptor = fileDescriptor
        self.maximumLength = maximumLength
        self.window = window
    }

    /// Every line complete after the next read (and, with a window, the reads that follow it
    /// closely); `nil` at end of input once all are returned.
    func nextBatch() -> [Line]? {
        guard var lines = nextRead() else { return nil }
        guard window > 0 else { return lines }
        let deadline = ContinuousClock.now + .seconds(window)
        while !ended && lines.count < Self.batchLimit {
            let left = deadline - ContinuousClock.now
            let milliseconds = Int32(max(0, (left / .milliseconds(1)).rounded(.up)))
            var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard milliseconds > 0, poll(&descriptor, 1, milliseconds) > 0, let more = readOnce() else { break }
            lines += more
        }
        return lines
    }

    private func nextRead() -> [Line]? {
        while true {
            if ended { return finalLine() }
            if let lines = readOnce(), !lines.isEmpty { return lines }
        }
    }

    /// The lines one read completed (perhaps none); `nil` when the read ended the input.
    private func readOnce() -> [Line]? {
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                ended = true
                return nil
            }
            return split(chunk[0..<count])
        }
    }

    private func split(_ bytes: ArraySlice<UInt8>) -> [Line] {
        var lines: [Line] = []
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let piece = bytes[start..<newline]
            if let skipped = skipping {
                lines.append(.tooLong(skipped + piece.count, head: head))
                skipping = nil
                head = []
            } else if buffer.count + piece.count > maximumLength {
                lines.append(
                    .tooLong(buffer.count + piece.count, head: Array((buffer + piece).prefix(Self.headLength))))
            } else {
                buffer.append(contentsOf: piece)
                if buffer.last == UInt8(ascii: "\r") { buffer.removeLast() }
                lines.append(.line(buffer))
            }
            buffer.removeAll(keepingCapacity: true)
            start = newline + 1
        }
        let rest = bytes[start...]
        if let skipped = skipping {
            skipping = skipped + rest.count
        } else if buffer.count + rest.count > maximumLength {
            skipping = buffer.count + rest.count
            head = Array((buffer + rest).prefix(Self.headLength))
            buffer.removeAll()
        } else {
            buffer.append(contentsOf: rest)
        }
        return lines
    }

    /// A last line without a newline still gets its answer.
    private func finalLine() -> [Line]? {
        if let skipped = skipping {
            skipping = nil
            defer { head = [] }
            return [.tooLong(skipped, head: head)]
        }
        guard !buffer.isEmpty else { return nil }
        defer { buffer.removeAll() }
        return [.line(buffer)]
    }
}

/// Buffers output lines and writes them with one system call per flush.
final class LineWriter {
    private let fileDescriptor: Int32
    private var pending: [UInt8] = []

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    func write(_ line: String) {
        pending.append(contentsOf: line.utf8)
        pending.append(UInt8(ascii: "\n"))
        if pending.count >= 1 << 16 { flush() }
    }

    func flush() {
        var offset = 0
        while offset < pending.count {
            let written = pending[offset...].withUnsafeBytes {
                Foundation.write(fileDescriptor, $0.baseAddress, $0.count)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { break }
            offset += written
        }
        pending.removeAll(keepingCapacity: true)
    }
}
