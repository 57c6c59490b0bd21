import Foundation
import Glibc
import Testing

/// Files named on the command line: `usher eval --misses /dev/null` used to rename a temporary
/// file over the device, leaving a plain file where /dev/null was (as root, for every program on
/// the machine). Every option that writes a file is tried on a character device of the test's own
/// (made with mknod, which needs root, as CI has) and must leave it a device.
@Suite("Output files", .enabled(if: getuid() == 0, "mknod needs root"))
struct OutputFileTests {
    @Test func writingToADeviceLeavesTheDevice() throws {
        let folder = try UsherBinary.directory([
            "data.jsonl": #"{"text": "where is my order", "intent": "nothing"}"# + "\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = folder.appendingPathComponent("null").path
        // The same device as /dev/null: major 1, minor 3.
        #expect(mknod(device, S_IFCHR | 0o666, 0x103) == 0)
        let data = folder.appendingPathComponent("data.jsonl").path
        let state = folder.appendingPathComponent("state.sqlite").path
        #expect(
            try UsherBinary.run(["serve", "--state", state], input: #"{"session": "s", "text": "hi"}"# + "\n").status
                == 0)
        let commands: [[String]] = [
            ["eval", "--data", data, "--misses", device],
            ["test", "tests/desk.json", "--junit", device],
            ["import", data, "-o", device],
            ["stats", "--state", state, "--html", device],
            ["stats", "--state", state, "--unmatched", device],
        ]
        for command in commands {
            let output = try UsherBinary.run(command)
            #expect(output.status == 0, "\(command): \(output.stderr)")
            var info = stat()
            #expect(stat(device, &info) == 0)
            #expect(info.st_mode & S_IFMT == S_IFCHR, "\(command) replaced the device")
        }
    }
}
