import ArgumentParser
import Foundation
import Usher
import UsherStorage

/// Where `usher serve` and `usher chat` keep conversations: `--state FILE` for a SQLite file
/// that survives restarts and crashes, `--state postgres://…` for a PostgreSQL database that
/// several processes on several machines share, else this process's memory.
struct StateOptions: ParsableArguments {
    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(
            "A SQLite file (created if missing), or a PostgreSQL database as postgres://user@host:port/db, for sessions, the contact centre and the conversation log.",
            discussion: """
                Without it, everything lives in memory and ends with the process. Parts a postgres:// address \
                leaves out come from PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE. A database that cannot \
                be reached at start is reported on stderr and usher exits with status 1; one lost while \
                serving fails only the requests of the batches it misses (storage_unavailable) until it is back.
                """,
            valueName: "file|url"))
    var file: String?

    @Option(
        help: ArgumentHelp(
            "What a commit survives with --state: normal (a crash of the process) or full (a power loss too).",
            valueName: "normal|full"))
    var sync: SQLiteConversationStore.Sync = .normal

    @Option(
        help: ArgumentHelp(
            "Seconds to wait for another process's lock on the state file (default: 5).", valueName: "seconds"))
    var busyTimeout: Double?

    @Option(
        help: ArgumentHelp(
            "Seconds a PostgreSQL statement may run before the batch fails with storage_unavailable (default: 10; 0: no limit).",
            discussion: """
                Set with SET statement_timeout when usher connects; a statement left without any answer 5 s \
                longer (a hung server) gives the connection up. Migrations are not limited.
                """,
            valueName: "seconds"))
    var statementTimeout: Double?

    @Flag(help: "Log card numbers, e-mail addresses, phone numbers and IBANs as written instead of masking them.")
    var noMask = false

    func validate() throws {
        if sync != .normal && file == nil { throw ValidationError("--sync needs --state") }
        if busyTimeout != nil && file == nil { throw ValidationError("--busy-timeout needs --state") }
        if isPostgres && sync != .normal {
            throw ValidationError(
                "--sync is for a SQLite file; PostgreSQL's durability is its synchronous_commit setting")
        }
        if isPostgres && busyTimeout != nil { throw ValidationError("--busy-timeout is for a SQLite file") }
        if statementTimeout != nil && !isPostgres {
            throw ValidationError("--statement-timeout is for a PostgreSQL database (--state postgres://…)")
        }
        if let statementTimeout, !(0...3_600).contains(statementTimeout) {
            throw ValidationError("--statement-timeout must be between 0 and 3600")
        }
        if noMask && file == nil { throw ValidationError("--no-mask needs --state: without it no log is kept") }
        if let busyTimeout, !(0...600).contains(busyTimeout) {
            throw ValidationError("--busy-timeout must be between 0 and 600")
        }
        if file?.isEmpty == true { throw ValidationError("--state needs a file name") }
    }

    var masker: PIIMasker? { noMask ? nil : PIIMasker() }

    /// Whether conversations outlive the process.
    var isDurable: Bool { file != nil }

    /// Whether `--state` names a PostgreSQL database.
    var isPostgres: Bool { file.map(PostgresAddress.isAddress) ?? false }

    /// Where the state is, as messages show it: a PostgreSQL address without its password.
    var place: String {
        guard let file else { return "memory" }
        guard isPostgres else { return file }
        return (try? PostgresAddress(file).description) ?? PostgresAddress.redacted(file)
    }

    /// The store: the state file, opened and checked, or memory. A file that cannot be used is
    /// reported on stderr (`usher: error: FILE: …`) and exits with failure, the file untouched.
    func store() throws -> ConversationStore {
        // Nothing reads an in-memory log: none is kept.
        guard let file else { return InMemoryConversationStore(logLimit: 0) }
        do {
            if isPostgres {
                return try PostgresConversationStore(
                    address: PostgresAddress(file),
                    statementTimeout: statementTimeout ?? PostgresConversationStore.defaultStatementTimeout)
            }
            return try SQLiteConversationStore(path: file, sync: sync, busyTimeout: busyTimeout ?? 5)
        } catch {
            report(error.message)
            throw ExitCode(ExitCodes.failure)
        }
    }

    /// A storage error on stderr, masked like the log: a session id or a path may hold an
    /// e-mail address or a phone number.
    func report(_ message: String, prefix: String = "usher: error: ") {
        Console.error(prefix + (masker?.mask(message) ?? message))
    }

    /// At a clean end: the state file's write-ahead log is folded into it (everything was
    /// committed already; a failure here loses nothing and is only reported).
    func close(_ server: ConversationServer) {
        guard let store = server.store as? SQLiteConversationStore else { return }
        do {
            try store.checkpoint()
        } catch {
            report("\(error)")
        }
    }

    /// A server over the store, caught up with what it holds (the contact centre rebuilt, and
    /// sessions idle since `now` ended; `nil` ends none, for a replayed clock).
    func server(engine: DialogEngine, shards: Int, now: Double? = Date().timeIntervalSince1970) throws
        -> ConversationServer
    {
        let server = ConversationServer(engine: engine, store: try store(), shards: shards, masker: masker)
        do {
            try server.catchUp(now: now ?? 0)
        } catch {
            report("\(error)")
            throw ExitCode(ExitCodes.failure)
        }
        return server
    }
}

extension SQLiteConversationStore.Sync: ExpressibleByArgument {}
