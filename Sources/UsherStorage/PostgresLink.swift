import Foundation
import Logging
import PostgresNIO
import Synchronization
import Usher

/// One connection to PostgreSQL used synchronously: the store seam is synchronous, so each
/// statement is sent on PostgresNIO's event loop and waited for on the caller's thread (never
/// on the loop itself). A connection that fails is dropped and opened again by the next
/// statement, so a server whose database comes back recovers by itself.
///
/// Nothing may wait forever, or one stuck statement stalls `usher serve` for good: the server
/// cancels a statement that runs longer than ``statementTimeout`` (`SET statement_timeout` at
/// connect: a lock held elsewhere, a runaway query); TCP keepalive and `TCP_USER_TIMEOUT` notice
/// a connection whose other end vanished (a host that lost power sends no FIN); and a statement
/// that gets no answer at all a few seconds after the server should have cancelled it (a hung
/// server, which keepalive cannot see: its kernel still answers) closes the connection.
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
    /// Seconds a statement may run before the server cancels it; 0 for no limit.
    let statementTimeout: Double
    /// Whether the statements now running may take as long as they take (a migration: building
    /// an index on a big log, or waiting for another process's migration, is not a stuck server).
    var unbounded = false

    /// How long the client waits for an answer beyond the server's own limit before it gives
    /// the connection up: long enough that the server's cancellation, which says why, comes first.
    static let answerGrace = 5.0
    /// Keepalive: probe a connection idle this long, every `keepaliveInterval`, give up after
    /// `keepaliveProbes` unanswered; data unacknowledged for `unacknowledgedLimit` ends it too.
    static let keepaliveIdle = 10
    static let keepaliveInterval = 5
    static let keepaliveProbes = 3
    static let unacknowledgedLimit = 30_000

    init(address: PostgresAddress, connectTimeout: Double = 5, statementTimeout: Double = 10, logger: Logger) {
        self.address = address
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
        self.logger = logger
    }

    deinit {
        try? connection?.close().wait()
    }

    /// Runs one statement and returns every row; a failure is a ``StoreError`` naming the database.
    @discardableResult
    func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws(StoreError) -> PostgresQueryResult
    {
        do {
            return try attempt(sql, binds)
        } catch let error as StoreError {
            throw error
        } catch {
            throw PostgresFailure(error).storeError(address)
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
            return try answer(connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger), connection)
        } catch {
            let failure = PostgresFailure(error)
            if failure.closesConnection { drop() }
            throw failure
        }
    }

    /// Waits for a statement's answer, but not forever: past the server's own limit and
    /// ``answerGrace``, the connection is closed, which fails the statement with ``NoAnswer``.
    private func answer<Value: Sendable>(_ future: EventLoopFuture<Value>, _ connection: PostgresConnection) throws
        -> Value
    {
        guard statementTimeout > 0, !unbounded else { return try future.wait() }
        let limit = statementTimeout + Self.answerGrace
        let expired = Expiry()
        let timer = future.eventLoop.scheduleTask(in: .milliseconds(Int64(limit * 1_000))) {
            expired.fired.store(true, ordering: .relaxed)
            let _: EventLoopFuture<Void> = connection.close()
        }
        defer { timer.cancel() }
        do {
            return try future.wait()
        } catch {
            if expired.fired.load(ordering: .relaxed) { throw NoAnswer(seconds: limit) }
            throw error
        }
    }

    /// Whether a statement's time ran out.
    private final class Expiry: Sendable {
        let fired = Atomic<Bool>(false)
    }

    /// A statement the server did not answer in time: the connection was given up.
    struct NoAnswer: Error, CustomStringConvertible {
        var seconds: Double
        var description: String {
            "no answer from the database in \(seconds.formatted(.number.precision(.fractionLength(0...1)))) s; the connection was given up"
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

    /// Runs `body` inside the open transaction with no statement timeout, server's or client's,
    /// then puts the limit back for the rest of the transaction: for one read that may rightly
    /// take long (every contact-centre event ever, at a process's start), not for the locks
    /// and writes around it.
    func withoutTimeout<Value>(_ body: () throws -> Value) throws -> Value {
        guard statementTimeout > 0, !unbounded else { return try body() }
        try query("SET LOCAL statement_timeout = 0")
        unbounded = true
        let value: Value
        do {
            value = try body()
        } catch {
            unbounded = false
            throw error
        }
        unbounded = false
        try query("SET LOCAL statement_timeout = \(Int64((statementTimeout * 1_000).rounded()))")
        return value
    }

    /// Whether a connection is open: after a failure that closed it, whatever was in flight on
    /// it may or may not have happened.
    var isConnected: Bool { connection.map { !$0.isClosed } ?? false }

    /// Ends a failed transaction on a connection that is still open; never connects for it.
    func rollback() {
        inTransaction = false
        guard let connection, !connection.isClosed else { return }
        do {
            _ = try answer(connection.query("ROLLBACK", logger: logger), connection)
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
        let group = MultiThreadedEventLoopGroup.singleton
        do {
            let channel = try Self.bootstrap(group.any(), connectTimeout: connectTimeout)
                .connect(host: address.host, port: address.port).wait()
            var configuration = PostgresConnection.Configuration(
                establishedChannel: channel, tls: .disable, username: address.user, password: address.password,
                database: address.database)
            configuration.options.connectTimeout = .milliseconds(Int64(connectTimeout * 1_000))
            configuration.options.additionalStartupParameters = [("application_name", "usher")]
            let opened = try PostgresConnection.connect(
                on: channel.eventLoop, configuration: configuration, id: nextID, logger: logger
            ).wait()
            nextID += 1
            connection = opened
        } catch {
            throw PostgresFailure(error).storeError(address, connecting: true)
        }
        if statementTimeout > 0 {
            // Whole milliseconds, as a literal: SET takes no bind parameters.
            try query("SET statement_timeout = \(Int64((statementTimeout * 1_000).rounded()))")
        }
        guard let connection else { throw StoreError(.unavailable, "\(address): the database closed the connection") }
        return connection
    }

    /// A TCP connection with keepalive on: PostgresNIO's own bootstrap sets no socket options,
    /// so the channel is opened here and handed to it.
    private static func bootstrap(_ loop: any EventLoop, connectTimeout: Double) -> ClientBootstrap {
        ClientBootstrap(group: loop)
            .connectTimeout(.milliseconds(Int64(connectTimeout * 1_000)))
            .channelOption(.socketOption(.so_keepalive), value: 1)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelOption(.tcpOption(.init(rawValue: TCP_KEEPIDLE)), value: keepaliveIdle)
            .channelOption(.tcpOption(.init(rawValue: TCP_KEEPINTVL)), value: keepaliveInterval)
            .channelOption(.tcpOption(.init(rawValue: TCP_KEEPCNT)), value: keepaliveProbes)
            .channelOption(.tcpOption(.init(rawValue: TCP_USER_TIMEOUT)), value: unacknowledgedLimit)
    }
}
