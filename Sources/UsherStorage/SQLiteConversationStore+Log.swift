import Foundation
import GRDB
import Usher

/// Reading the conversation log back.
extension SQLiteConversationStore {
    public func log() throws -> ConversationLog {
        try reading { db in
            var formEvents: [Int64: [FormEvent]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT turn, form, event, slot FROM form_events ORDER BY seq") {
                guard let kind = FormEvent.Kind(rawValue: row["event"]) else {
                    throw StoreError(.unusable, "\(path): form_events has an unknown event \(row["event"] as String)")
                }
                formEvents[row["turn"], default: []].append(FormEvent(form: row["form"], kind: kind, slot: row["slot"]))
            }
            let turns = try Row.fetchAll(db, sql: "SELECT * FROM turns ORDER BY seq").map { row in
                var turn = try SQLiteRows.turn(row)
                turn.formEvents = formEvents[row["seq"]] ?? []
                return turn
            }
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
