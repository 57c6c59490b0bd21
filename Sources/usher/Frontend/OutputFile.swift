import Foundation
import Glibc

/// A file the user named on the command line (`--misses`, `--junit`, `--html`, `-o`).
enum OutputFile {
    /// Writes `data` to `path`. A regular file, or a new one, is replaced whole through a
    /// temporary file and a rename, so that no reader ever sees half of it. Anything else the
    /// path names (`/dev/null`, `/dev/stdout`, a pipe) is written to in place: a rename over it
    /// would put a plain file where the device was, and as root that breaks `/dev/null` for
    /// every program on the machine (it did, with `usher eval --misses /dev/null`).
    static func write(_ data: Data, to path: String) -> Bool {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            guard info.st_mode & S_IFMT != S_IFDIR, let handle = FileHandle(forWritingAtPath: path) else {
                return false
            }
            defer { try? handle.close() }
            do {
                try handle.write(contentsOf: data)
                return true
            } catch {
                return false
            }
        }
        return FileManager.default.createFile(atPath: path, contents: data)
    }
}
