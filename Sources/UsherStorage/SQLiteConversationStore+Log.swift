import Foundation
import GRDB
import Usher

/// Reading the conversation log back.
extension SQLiteConversationStore {
    public func log() throws -> ConversationLog {
        try reading { db in
            let turns = try Row.fetchAll(db, sql: "SELECT * FROM turns ORDER BY seq").map(SQLiteRows.turn)
            let events = try Row.fetchAll(db, sql: "SELECT seq, event FROM centre_events ORDER BY seq").map {
                row throws in try decodeEvent(row["event"], seq: row["seq"])
            }
            let ends = try Row.fetchAll(db, sql: "SELECT * FROM session_ends ORDER BY seq").map { row throws in
                guard let reason = SessionEnd.Reason(code: row["reason"], agent: row["agent"]) else {
                    throw StoreError(
                        .unusable, "\(path): session_ends row \(row["seq"] as Int64) has an unknown reason")
                }
                return SessionEnd(session: row["session"], at: row["at"], reason: reason)
            }
            return ConversationLog(turns: turns, events: events, ends: ends)
        }
    }
}
