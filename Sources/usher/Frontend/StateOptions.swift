import ArgumentParser
import Foundation
import Usher
import UsherStorage

/// Where `usher serve` and `usher chat` keep conversations: `--state FILE` for a SQLite file
/// that survives restarts and crashes, else this process's memory.
struct StateOptions: ParsableArguments {
    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(
            "A SQLite file for sessions, the contact centre and the conversation log (created if missing).",
            discussion: "Without it, everything lives in memory and ends with the process.",
            valueName: "file"))
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

    @Flag(help: "Log card numbers, e-mail addresses, phone numbers and IBANs as written instead of masking them.")
    var noMask = false

    func validate() throws {
        if sync != .normal && file == nil { throw ValidationError("--sync needs --state") }
        if busyTimeout != nil && file == nil { throw ValidationError("--busy-timeout needs --state") }
        if noMask && file == nil { throw ValidationError("--no-mask needs --state: without it no log is kept") }
        if let busyTimeout, !(0...600).contains(busyTimeout) {
            throw ValidationError("--busy-timeout must be between 0 and 600")
        }
        if file?.isEmpty == true { throw ValidationError("--state needs a file name") }
    }

    var masker: PIIMasker? { noMask ? nil : PIIMasker() }

    /// Whether conversations outlive the process.
    var isDurable: Bool { file != nil }

    /// The store: the state file, opened and checked, or memory. A file that cannot be used is
    /// reported on stderr (`usher: error: FILE: …`) and exits with failure, the file untouched.
    func store() throws -> ConversationStore {
        // Nothing reads an in-memory log: none is kept.
        guard let file else { return InMemoryConversationStore(logLimit: 0) }
        do {
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
