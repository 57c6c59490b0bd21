import Foundation

/// A small tmpfs of its own, for real full-disk and read-only-filesystem faults. Mounting needs
/// root, which CI and the developers' machines have; elsewhere `make` returns nil.
final class TemporaryMount {
    let folder: String

    private init(folder: String) {
        self.folder = folder
    }

    static func make(kilobytes: Int) -> TemporaryMount? {
        let folder = NSTemporaryDirectory() + "usher-mount-" + UUID().uuidString
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
            run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder])
        else { return nil }
        return TemporaryMount(folder: folder)
    }

    /// Remounts read-only (`true`) or read-write.
    func setReadOnly(_ readOnly: Bool) -> Bool {
        Self.run("/bin/mount", ["-o", "remount,\(readOnly ? "ro" : "rw")", folder])
    }

    deinit {
        _ = Self.run("/bin/umount", ["-l", folder])
        try? FileManager.default.removeItem(atPath: folder)
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
