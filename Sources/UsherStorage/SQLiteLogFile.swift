import Foundation
import GRDB
import Usher

/// A state file opened only to read its log (`usher stats`): never created, never migrated,
/// never written, so it can be read while `usher serve` writes it (WAL readers never block).
public final class SQLiteLogFile: LogReader {
    public let path: String
    private let queue: DatabaseQueue

    /// Opens an existing state file; refuses a missing file or one that is not Usher's.
    public init(path: String) throws(StoreError) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.unusable, "\(path): no such file; give the state file `usher serve --state` writes")
        }
        try SQLiteSchema.checkHeader(of: path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(.unavailable, "\(path): cannot open: \(SQLiteErrors.describe(error))")
        }
        do {
            try queue.read { db in
                try SQLiteSchema.checkContents(db, path: path)
                guard try db.tableExists("turns") else {
                    throw StoreError(.unusable, "\(path): an empty SQLite database, not an Usher state file")
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unavailable, "\(path): cannot read: \(SQLiteErrors.describe(error))")
        }
    }

    public func readLog(detail: LogDetail, _ body: (_ open: (LogPart) throws -> LogStreams) throws -> Void) throws {
        do {
            try queue.read { db in try body(SQLiteLogScan(db: db, path: path, detail: detail).streams) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError(.unavailable, "\(path): \(SQLiteErrors.describe(error))")
        }
    }
}
