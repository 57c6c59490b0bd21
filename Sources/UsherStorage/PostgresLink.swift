import Foundation
import Logging
import PostgresNIO
import Usher

/// One connection to PostgreSQL used synchronously: the store seam is synchronous, so each
/// statement is sent on PostgresNIO's event loop and waited for on the caller's thread (never
/// on the loop itself). A connection that fails is dropped and opened again by the next
/// statement, so a server whose database comes back recovers by itself.
final class PostgresLink {
    let address: PostgresAddress
    private let logger: Logger
    private var connection: PostgresConnection?
    private var nextID = 1
    /// Whether a transaction is open: a connection lost inside one is never replaced until it
    /// ends, or the rest of the transaction would run on its own, outside it.
    private var inTransaction = false
    /// How long opening a connection may take before the database counts as unreachable.
    let connectTimeout: Double

    init(address: PostgresAddress, connectTimeout: Double = 5, logger: Logger) {
        self.address = address
        self.connectTimeout = connectTimeout
        self.logger = logger
    }

    deinit {
        try? connection?.close().wait()
    }

    /// Runs one statement and returns every row; a failure is a ``StoreError`` naming the database.
    @discardableResult
    func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws(StoreError) -> PostgresQueryResult
    {
        let connection = try connected()
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
        } catch {
            let failure = PostgresFailure(error)
            if failure.closesConnection { drop() }
            throw failure.storeError(address)
        }
    }

    /// Runs a script of several statements (a migration), one statement at a time: each line
    /// that ends with a semicolon ends a statement, but inside a function's `$f$` body.
    func script(_ sql: String) throws(StoreError) {
        var statement = ""
        var inBody = false
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            statement += line + "\n"
            if line.components(separatedBy: "$f$").count % 2 == 0 { inBody.toggle() }
            if line.hasSuffix(";") && !inBody {
                try query(statement)
                statement = ""
            }
        }
        if statement.contains(where: { !$0.isWhitespace }) { try query(statement) }
    }

    /// Runs one statement, as ``query(_:_:)`` does, but hands back PostgreSQL's own error so
    /// that the caller can tell a deadlock or a lost race from an outage.
    @discardableResult
    func attempt(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
        let connection = try connected()
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
        } catch {
            let failure = PostgresFailure(error)
            if failure.closesConnection { drop() }
            throw failure
        }
    }

    /// Opens a transaction, connecting first if need be.
    func begin() throws(StoreError) {
        inTransaction = false
        try query("BEGIN")
        inTransaction = true
    }

    /// Commits the open transaction.
    func commit() throws(StoreError) {
        defer { inTransaction = false }
        try query("COMMIT")
    }

    /// Ends a failed transaction on a connection that is still open; never connects for it.
    func rollback() {
        inTransaction = false
        guard let connection, !connection.isClosed else { return }
        do {
            _ = try connection.query("ROLLBACK", logger: logger).wait()
        } catch {
            drop()
        }
    }

    /// Closes the connection (after a failure, or at the end), waiting until it is closed: a
    /// connection must be closed before it is let go.
    func drop() {
        guard let connection else { return }
        self.connection = nil
        try? connection.close().wait()
    }

    private func connected() throws(StoreError) -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        drop()
        if inTransaction { throw StoreError(.unavailable, "\(address): the database closed the connection") }
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.connectTimeout = .milliseconds(Int64(connectTimeout * 1_000))
        configuration.options.additionalStartupParameters = [("application_name", "usher")]
        let group = MultiThreadedEventLoopGroup.singleton
        do {
            let opened = try PostgresConnection.connect(
                on: group.any(), configuration: configuration, id: nextID, logger: logger
            ).wait()
            nextID += 1
            connection = opened
            return opened
        } catch {
            throw PostgresFailure(error).storeError(address, connecting: true)
        }
    }
}
