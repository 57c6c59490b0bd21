import Foundation

/// Where the CLI writes: results to stdout, diagnostics to stderr, each line flushed.
enum Console {
    static func out(_ line: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((line + terminator).utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
