import Foundation
import Glibc
import Synchronization

/// A loopback TCP relay between `usher serve` and PostgreSQL that a test can cut: while cut,
/// every connection through it is closed and new ones are refused, as when the database's
/// host goes away; resumed, it relays again on the same port. Muted, it still carries what the
/// client sends but drops every answer, as when the network fails after a request went out;
/// frozen, the connections open at that moment drop everything both ways and close nothing, as
/// lines that go silent (the server never learns that the client gave up), while new ones work.
public final class TCPRelay: Sendable {
    public let port: Int
    private let target: Int
    private let state = Mutex(Relayed())

    private struct Relayed {
        var listener: Int32 = -1
        var sockets: [Int32] = []
        /// Whether answers are dropped.
        var muted = false
        /// The clients' sockets whose connections are silent.
        var frozen: Set<Int32> = []
    }

    public init(to target: Int) throws {
        self.target = target
        let listener = try Self.listen(port: 0)
        port = Self.localPort(listener)
        state.withLock { $0.listener = listener }
        startAccepting(listener)
    }

    deinit { cut() }

    /// Closes every relayed connection and stops listening.
    public func cut() {
        state.withLock { state in
            if state.listener >= 0 {
                shutdown(state.listener, Int32(SHUT_RDWR))
                close(state.listener)
            }
            for socket in state.sockets { shutdown(socket, Int32(SHUT_RDWR)) }
            state = Relayed()
        }
    }

    /// Closes every relayed connection but goes on listening: the next connection works.
    public func breakConnections() {
        state.withLock { state in
            for socket in state.sockets { shutdown(socket, Int32(SHUT_RDWR)) }
            state.sockets = []
            state.muted = false
            state.frozen = []
        }
    }

    /// Drops whatever the server sends from now on, until ``cut()``.
    public func mute() {
        state.withLock { $0.muted = true }
    }

    /// Silences the connections open now, both ways, closing nothing, until ``cut()``.
    public func freeze() {
        state.withLock { $0.frozen.formUnion($0.sockets) }
    }

    /// Listens again on the same port.
    public func resume() throws {
        let listener = try Self.listen(port: port)
        state.withLock { $0.listener = listener }
        startAccepting(listener)
    }

    private func startAccepting(_ listener: Int32) {
        let target = self.target
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                guard let server = try? Self.connect(port: target) else {
                    close(client)
                    continue
                }
                let kept = state.withLock { state in
                    guard state.listener == listener else { return false }
                    state.sockets += [client, server]
                    return true
                }
                guard kept else {
                    close(client)
                    close(server)
                    return
                }
                Thread.detachNewThread { [self] in
                    Self.pump(from: client, to: server) { state.withLock { $0.frozen.contains(client) } }
                }
                Thread.detachNewThread { [self] in
                    Self.pump(from: server, to: client) { state.withLock { $0.muted || $0.frozen.contains(client) } }
                }
            }
        }
    }

    private static func pump(from source: Int32, to destination: Int32, dropping: () -> Bool) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            if dropping() { continue }
            var offset = 0
            while offset < count {
                let written = buffer[offset..<count].withUnsafeBytes { write(destination, $0.baseAddress, $0.count) }
                guard written > 0 else {
                    shutdown(source, Int32(SHUT_RDWR))
                    return
                }
                offset += written
            }
        }
        // A silent line carries no farewell either.
        if !dropping() { shutdown(destination, Int32(SHUT_RDWR)) }
    }

    private static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    private static func listen(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = address(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard bound, Glibc.listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw TestDatabaseMissing(reason: "the relay cannot listen on 127.0.0.1:\(port)")
        }
        return descriptor
    }

    private static func localPort(_ descriptor: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = address(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            close(descriptor)
            throw TestDatabaseMissing(reason: "the relay cannot reach 127.0.0.1:\(port)")
        }
        return descriptor
    }
}
