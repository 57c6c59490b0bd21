import Foundation

/// Turns Ctrl-C, window resizes and continuing after Ctrl-Z into something the main loop can wait for: the SIGINT and
/// SIGWINCH and SIGCONT handlers only write a byte to a pipe (all a signal handler may safely do), and
/// ``wait(for:)`` polls that pipe beside the terminal.
enum Interrupts {
    enum Wake: Equatable {
        case readable
        case interrupted
        /// The terminal changed size.
        case resized
        /// The program was stopped (Ctrl-Z) and continued: the shell has reset the terminal.
        case resumed
        /// The input is gone (hang-up or error).
        case closed
    }

    /// Installs the handler; later calls do nothing.
    static func install() {
        guard interruptPipe.read < 0 else { return }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        interruptPipe = (ends[0], ends[1])
        signal(SIGINT) { _ in
            var byte = Interrupts.interruptByte
            _ = write(interruptPipe.write, &byte, 1)
        }
        signal(SIGWINCH) { _ in
            var byte = Interrupts.resizeByte
            _ = write(interruptPipe.write, &byte, 1)
        }
        signal(SIGCONT) { _ in
            var byte = Interrupts.resumeByte
            _ = write(interruptPipe.write, &byte, 1)
        }
    }

    private static let interruptByte: UInt8 = 3
    private static let resizeByte: UInt8 = 26
    private static let resumeByte: UInt8 = 17

    /// Blocks until `descriptor` can be read, Ctrl-C is pressed or the window is resized.
    static func wait(for descriptor: Int32) -> Wake {
        var watched = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: interruptPipe.read, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&watched, nfds_t(watched.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if watched[1].revents & Int16(POLLIN) != 0 {
                var signals = [UInt8](repeating: 0, count: 64)
                var seen: [UInt8] = []
                while case let count = read(interruptPipe.read, &signals, signals.count), count > 0 {
                    seen += signals.prefix(count)
                }
                if seen.contains(interruptByte) { return .interrupted }
                if seen.contains(resumeByte) { return .resumed }
                if seen.contains(resizeByte) { return .resized }
            }
            if watched[0].revents & Int16(POLLIN) != 0 { return .readable }
            if watched[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .closed }
        }
    }
}

/// The self-pipe's ends; set once before the handler is installed, then only read.
nonisolated(unsafe) private var interruptPipe: (read: Int32, write: Int32) = (-1, -1)
