import Foundation
import GRDB
import Usher

/// Reading the conversation log back.
extension SQLiteConversationStore: LogReader {
    public func log() throws -> ConversationLog {
        var log = ConversationLog()
        try scanLog(from: nil, to: nil, detail: .full) { try log.append($0) }
        return log
    }

    public func scanLog(from: Double?, to: Double?, detail: LogDetail, _ visit: (LogRecord) throws -> Void) throws {
        try reading { db in try SQLiteLogScan(db: db, path: path, from: from, to: to, detail: detail).run(visit) }
    }
}
