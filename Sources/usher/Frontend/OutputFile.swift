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

    /// Why `path` cannot be written, in a user's words ("there is no folder /nope"), when the
    /// file system says; else `fallback`.
    static func reason(cannotWrite path: String, otherwise fallback: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        if isDirectory(path) { return "it is a directory" }
        if !folder.isEmpty && !isDirectory(folder) { return "there is no folder \(folder)" }
        if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            return "the folder \(folder) is not writable"
        }
        if FileManager.default.fileExists(atPath: path) && !FileManager.default.isWritableFile(atPath: path) {
            return "permission denied"
        }
        return fallback
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
