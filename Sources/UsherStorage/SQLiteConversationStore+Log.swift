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

    public func readLog(detail: LogDetail, _ body: (_ open: (LogPart) throws -> LogStreams) throws -> Void) throws {
        try reading { db in try body(SQLiteLogScan(db: db, path: path, detail: detail).streams) }
    }
}
