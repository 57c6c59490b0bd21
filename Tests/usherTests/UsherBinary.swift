import Foundation
import Synchronization

/// Runs the real `usher` executable, as a user or a script would.
struct UsherBinary {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let url: URL = {
        let beside = Bundle.main.bundleURL.appendingPathComponent("usher")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return root.appendingPathComponent(".build/debug/usher")
    }()

    /// Runs `usher` with `arguments` in `directory` (the package root by default), feeding `input` to stdin.
    static func run(_ arguments: [String], input: String = "", in directory: URL = root) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes while the process runs, so a full pipe never blocks it.
        nonisolated(unsafe) var errorData = Data()
        let errorReader = Thread { errorData = stderr.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorReader.isFinished { usleep(1_000) }
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }

    /// A fresh temporary directory holding `files` (name → contents).
    static func directory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("usher-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        TemporaryFolders.remember(directory)
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// A fresh temporary directory holding a copy of the example bot, as `intents`.
    static func copyOfTheExampleBot() throws -> URL {
        let folder = try directory([:])
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("intents"), to: folder.appendingPathComponent("intents"))
        return folder
    }
}

/// The folders the end-to-end tests made, removed when the test process exits: each run left a
/// few hundred `usher-e2e-*` folders in the temporary directory. (At exit, not per test: a test
/// hands its folder to the `usher` processes it starts, and a test's end is not its own to see.)
enum TemporaryFolders {
    private static let made = Mutex<[URL]>([])
    private static let removedAtExit: Void = {
        atexit {
            TemporaryFolders.made.withLock { folders in
                for folder in folders { try? FileManager.default.removeItem(at: folder) }
            }
        }
    }()

    static func remember(_ folder: URL) {
        _ = removedAtExit
        made.withLock { $0.append(folder) }
    }
}
