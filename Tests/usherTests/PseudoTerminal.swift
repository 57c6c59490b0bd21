import Foundation
import Glibc

/// Drives a program through a pseudo-terminal, the way a person at a terminal would.
///
/// `UsherBinary.run` feeds stdin through a pipe, so the program sees no terminal: GNU readline then neither
/// echoes, edits lines nor turns Ctrl-C into SIGINT. End-to-end tests of the interactive REPL need the real
/// thing, so this class opens a pty, starts the program as the leader of a new session whose controlling
/// terminal is the pty's slave side (so Ctrl-C, Ctrl-D and the window size work as in a terminal), and lets
/// the test type with `send` and read the raw output, escape sequences included, with `expect`.
///
/// Linux only (glibc ≥ 2.34). Not thread-safe: use one instance from one test.
final class PseudoTerminal {
    /// Why a step failed; the description includes everything the program printed so far.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The window size the program sees.
    static let columns: UInt16 = 80
    static let rows: UInt16 = 24

    /// The master side of the pty: what the program writes arrives here, what is written here is typed.
    private let master: Int32
    private let pid: pid_t
    /// The program's process id, for sending it signals.
    var processID: pid_t { pid }
    /// Everything read from the master so far.
    private var output: [UInt8] = []
    /// Where the next `expect` starts looking: just past the previous match.
    private var mark = 0
    /// The slave side was closed by everyone (Linux reports EIO): no more output will come.
    private var ended = false
    /// The child's exit status, once reaped.
    private var exitStatus: Int32?

    /// Everything the program printed so far, undecoded escape sequences included.
    var transcript: String { String(decoding: output, as: UTF8.self) }

    /// Starts the built `usher` executable with `arguments`.
    convenience init(arguments: [String], environment: [String: String], directory: URL? = nil) throws {
        try self.init(
            executable: UsherBinary.url.path, arguments: arguments, environment: environment, directory: directory)
    }

    /// Starts `executable` with `arguments` and exactly `environment` on a new pty, in `directory` if given.
    init(executable: String, arguments: [String], environment: [String: String], directory: URL? = nil) throws {
        guard let openpt = LibC.posixOpenpt, let grantpt = LibC.grantpt, let unlockpt = LibC.unlockpt,
            let ptsname = LibC.ptsnameR, let addchdir = LibC.addchdir, let addclosefrom = LibC.addclosefrom
        else { throw Failure(description: "PseudoTerminal needs glibc 2.34 or later") }

        // O_CLOEXEC keeps the master out of programs other tests start at the same time.
        let master = openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failure(description: "posix_openpt: \(String(cString: strerror(errno)))") }
        var name = [CChar](repeating: 0, count: 256)
        var size = winsize(ws_row: Self.rows, ws_col: Self.columns, ws_xpixel: 0, ws_ypixel: 0)
        guard grantpt(master) == 0, unlockpt(master) == 0, ptsname(master, &name, name.count) == 0,
            ioctl(master, UInt(TIOCSWINSZ), &size) == 0,
            fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK) == 0
        else {
            let message = String(cString: strerror(errno))
            close(master)
            throw Failure(description: "setting up the pty: \(message)")
        }
        let slave = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The child is a session leader by now (glibc applies POSIX_SPAWN_SETSID before the file actions), so
        // opening the slave without O_NOCTTY makes it the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        // Close what else this process has open: a pipe another test is waiting on must not stay open here.
        _ = addclosefrom(&actions, 3)
        if let directory { _ = addchdir(&actions, directory.path) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(LibC.spawnSetsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let error = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard error == 0 else {
            close(master)
            throw Failure(description: "posix_spawn \(executable): \(String(cString: strerror(error)))")
        }
        self.master = master
        self.pid = pid
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        close(master)
    }

    /// Types `text`: writes all its bytes to the master, reading output meanwhile so neither side can block
    /// the other. Gives up silently after 10 seconds or once the program has gone; `expect` then reports.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        let deadline = ContinuousClock.now + .seconds(10)
        var written = 0
        while written < bytes.count, ContinuousClock.now < deadline {
            let count = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count > 0 {
                written += count
            } else if count < 0 && errno != EAGAIN && errno != EINTR {
                return
            } else {
                var descriptor = pollfd(fd: master, events: Int16(POLLOUT | POLLIN), revents: 0)
                _ = poll(&descriptor, 1, 100)
                if descriptor.revents & Int16(POLLIN) != 0 { drain() }
            }
        }
    }

    /// Reads until the output since the previous successful `expect` contains `needle`, and returns that
    /// output up to and including `needle`. Throws, with the transcript, if it does not come within `timeout`
    /// seconds or the output ends first.
    @discardableResult
    func expect(_ needle: String, timeout: Double = 10) throws -> String {
        let pattern = Array(needle.utf8)
        let deadline = ContinuousClock.now + .seconds(timeout)
        var searched = mark
        while true {
            if let end = find(pattern, from: searched) {
                let chunk = String(decoding: output[mark..<end], as: UTF8.self)
                mark = end
                return chunk
            }
            // A match may straddle what was searched and what is read next.
            searched = max(mark, output.count - pattern.count + 1)
            if ended {
                throw failure("the output ended before \(String(reflecting: needle)) appeared")
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else {
                throw failure("\(String(reflecting: needle)) did not appear within \(timeout) seconds")
            }
            wait(atMost: remaining)
        }
    }

    /// Reads output until the program exits, and returns its exit status (128 + the signal if killed by one).
    /// Throws, with the transcript, and kills the program if it does not exit within `timeout` seconds.
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while exitStatus == nil {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            } else if result < 0 && errno != EINTR {
                throw failure("waitpid: \(String(cString: strerror(errno)))")
            } else {
                let remaining = deadline - ContinuousClock.now
                guard remaining > .zero else {
                    kill(pid, SIGKILL)
                    throw failure("the program did not exit within \(timeout) seconds; killed it")
                }
                if ended {
                    usleep(10_000)  // The master reports EIO without blocking: poll would spin.
                } else {
                    wait(atMost: min(remaining, .milliseconds(50)))
                }
            }
        }
        drain()  // What the program wrote just before exiting.
        return exitStatus!
    }

    /// Waits up to `duration` for output, then reads what there is.
    private func wait(atMost duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, milliseconds) > 0 { drain() }
    }

    /// Reads everything available now, without blocking.
    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !ended {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                output += buffer[..<count]
            } else if count == 0 || errno == EIO {
                ended = true  // Linux: every slave descriptor is closed.
            } else if errno != EINTR {
                return  // EAGAIN: nothing more for now.
            }
        }
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty else { return start }
        guard output.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= output.count {
            if output[index..<index + pattern.count].elementsEqual(pattern) { return index + pattern.count }
            index += 1
        }
        return nil
    }

    /// A failure showing the transcript with its control characters other than line ends made visible, so
    /// escape sequences read as `\u{1B}[1m` instead of restyling the test report.
    private func failure(_ message: String) -> Failure {
        let visible = transcript.unicodeScalars.map { scalar in
            scalar == "\n" || scalar == "\r" || scalar.properties.generalCategory != .control
                ? String(scalar) : scalar.escaped(asASCII: true)
        }
        return Failure(description: "\(message); transcript so far:\n\(visible.joined())")
    }
}

/// glibc functions and constants Swift's Glibc module leaves out (they need _GNU_SOURCE or _XOPEN_SOURCE).
private enum LibC {
    typealias Descriptor = @convention(c) (Int32) -> Int32
    typealias Ptsname = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
    typealias AddChdir =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) ->
        Int32
    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    static let posixOpenpt = symbol("posix_openpt", as: Descriptor.self)
    static let grantpt = symbol("grantpt", as: Descriptor.self)
    static let unlockpt = symbol("unlockpt", as: Descriptor.self)
    /// `ptsname` returns a static buffer, which tests running in parallel would share.
    static let ptsnameR = symbol("ptsname_r", as: Ptsname.self)
    static let addchdir = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
    static let addclosefrom = symbol("posix_spawn_file_actions_addclosefrom_np", as: AddClosefrom.self)
    /// `POSIX_SPAWN_SETSID` in glibc's spawn.h.
    static let spawnSetsid: Int32 = 0x80

    private static func symbol<Function>(_ name: String, as type: Function.Type) -> Function? {
        dlsym(nil, name).map { unsafeBitCast($0, to: type) }
    }
}
