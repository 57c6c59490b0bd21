import Foundation
import Logging
import PostgresNIO
import Testing
import UsherStorage

// Test support shared by the test targets (one copy, not one per target): a PostgreSQL
// database per test, a free loopback port, and a TCP relay a test can cut (TCPRelay.swift).

/// A PostgreSQL database of its own for one test, made on the server `USHER_TEST_POSTGRES`
/// names (`.ci/run` starts one on 127.0.0.1 and sets it); dropped when the test is done.
public final class TestDatabase: Sendable {
    /// The server's address, when the PostgreSQL tests may run.
    public static let server: String? = ProcessInfo.processInfo.environment["USHER_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Why the PostgreSQL tests were skipped, and how to run them.
    public static let skipped: Comment =
        "no PostgreSQL: set USHER_TEST_POSTGRES=postgres://user@127.0.0.1:PORT/postgres (as .ci/run does) to run the PostgreSQL tests"

    public let name: String
    /// The database's address as `--state` takes it.
    public let url: String
    private let admin: PostgresAddress

    public init() throws {
        guard let server = Self.server else { throw TestDatabaseMissing() }
        admin = try PostgresAddress(server)
        guard admin.host == "127.0.0.1" || admin.host == "localhost" || admin.host == "::1" else {
            throw TestDatabaseMissing(reason: "tests reach only loopback; \(admin.host) is not")
        }
        name = "usher_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var address = admin
        address.database = name
        url = "postgres://\(address.user)@\(address.host):\(address.port)/\(name)"
        try Self.run("CREATE DATABASE \(name)", on: admin)
    }

    public var address: PostgresAddress {
        var address = admin
        address.database = name
        return address
    }

    deinit {
        try? Self.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: admin)
    }

    /// Runs statements on the database (as the tests' own client, not the store's).
    public func execute(_ sql: String) throws {
        try Self.run(sql, on: address)
    }

    /// The first column of every row `sql` returns, as text.
    public func strings(_ sql: String) throws -> [String] {
        try Self.rows(sql, on: address).map { try $0.decode(String.self) }
    }

    private static func run(_ sql: String, on address: PostgresAddress) throws {
        _ = try rows(sql, on: address)
    }

    public static func rows(_ sql: String, on address: PostgresAddress) throws -> [PostgresRow] {
        let logger = Logger(label: "usher.tests", factory: { _ in SwiftLogNoOpLogHandler() })
        let configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        let connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
        ).wait()
        defer { try? connection.close().wait() }
        return try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait().rows
    }
}

public struct TestDatabaseMissing: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }

    public init(reason: String = "USHER_TEST_POSTGRES is not set") {
        self.reason = reason
    }
}

extension TestDatabase {
    /// The server's own address (its `postgres` database).
    public static func serverAddress() throws -> PostgresAddress {
        guard let server else { throw TestDatabaseMissing() }
        return try PostgresAddress(server)
    }
}

/// A loopback port nothing listens on (bound, then released).
public enum FreePort {
    public static func take() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw TestDatabaseMissing(reason: "cannot bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension TestDatabase {
    /// The first two columns of every row `sql` returns, as text.
    public func pairs(_ sql: String) throws -> [(String, String)] {
        try Self.rows(sql, on: address).map { try $0.decode((String, String).self) }
    }
}
