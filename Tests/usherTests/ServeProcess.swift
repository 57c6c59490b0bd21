import Foundation
import Glibc

/// A running `usher serve` that a test talks to line by line and may kill at any moment, as a
/// gateway would see it: requests written to its stdin, answers read from its stdout as they come.
///
/// Not thread-safe: use one instance from one test.
final class ServeProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let process = Process()
    private let input: FileHandle
    private let output: Int32
    private let errors: Pipe
    private var buffer: [UInt8] = []
    private(set) var ended = false

    init(_ arguments: [String], in directory: URL = UsherBinary.root) throws {
        // A write to a killed server must fail with EPIPE, not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        let stdin = Pipe()
        let stdout = Pipe()
        errors = Pipe()
        process.executableURL = UsherBinary.url
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = directory
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = errors
        try process.run()
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading.fileDescriptor
    }

    var processID: Int32 { process.processIdentifier }

    /// Writes request lines; returns false once the server is gone.
    @discardableResult
    func send(_ lines: [String]) -> Bool {
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(input.fileDescriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// The next answer line, waiting at most `timeout` seconds; `nil` on time-out or end of output.
    func readLine(timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            if ended { return nil }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(left, 1) * 1_000) + 1)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                ended = true
            } else {
                buffer += chunk[..<count]
            }
        }
    }

    /// Exactly `count` answers, or a failure naming what came.
    func readLines(_ count: Int, timeout: Double = 30) throws -> [String] {
        var lines: [String] = []
        while lines.count < count {
            guard let line = readLine(timeout: timeout) else {
                throw Failure(
                    description: "expected \(count) answers, got \(lines.count): \(lines); stderr: \(stderrText())")
            }
            lines.append(line)
        }
        return lines
    }

    /// SIGKILL: no chance to flush, close or clean up.
    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? input.close()
    }

    /// Closes stdin and waits for the server to exit; its status.
    func finish() -> Int32 {
        try? input.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func stderrText() -> String {
        if process.isRunning { return "(still running)" }
        return String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}
