import Foundation
import GRDB
import Usher

/// How log records become SQL rows: the columns `usher stats` filters and groups by are
/// columns; lists and maps are compact JSON.
enum SQLiteRows {
    static let insertTurn = """
        INSERT INTO turns (at, session, started_at, customer, text, intent, confidence, decided_by, candidates,
            pattern, similarity, filled, form, form_slot, replies, state, handoff_code, handoff, handoff_queue,
            action, action_outcome, language, bot_version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func arguments(_ turn: TurnRecord) -> StatementArguments {
        StatementArguments(
            [
                turn.at, turn.session, turn.conversationStart, turn.customer, turn.text, turn.intent, turn.confidence,
                turn.decidedBy.rawValue,
                candidates(turn.candidates), turn.pattern, turn.similarity, object(turn.filled), turn.form,
                turn.formSlot,
                array(turn.replies), turn.state, turn.handoff?.code, turn.handoff.map(json), turn.handoffQueue,
                turn.action, turn.actionOutcome, turn.language, turn.botVersion,
            ] as [(any DatabaseValueConvertible)?])
    }

    /// The record a `turns` row holds.
    static func turn(_ row: Row) throws -> TurnRecord {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T {
            let json: String = row[column]
            return try decoder.decode(type, from: Data(json.utf8))
        }
        let handoff: String? = row["handoff"]
        return TurnRecord(
            at: row["at"], session: row["session"], conversationStart: row["started_at"], customer: row["customer"],
            text: row["text"],
            intent: row["intent"], confidence: row["confidence"],
            decidedBy: TurnRecord.Decision(rawValue: row["decided_by"]) ?? .fallback,
            candidates: try decode([TurnRecord.Candidate].self, "candidates"), pattern: row["pattern"],
            similarity: row["similarity"], filled: try decode([String: String].self, "filled"), form: row["form"],
            formSlot: row["form_slot"], replies: try decode([String].self, "replies"), state: row["state"],
            handoff: handoff == nil ? nil : try decode(HandoffReason.self, "handoff"),
            handoffQueue: row["handoff_queue"], action: row["action"], actionOutcome: row["action_outcome"],
            language: row["language"], botVersion: row["bot_version"])
    }

    static func json(_ reason: HandoffReason) -> String {
        String(decoding: (try? JSONEncoder().encode(reason)) ?? Data("null".utf8), as: UTF8.self)
    }

    static func array(_ strings: [String]) -> String {
        "[" + strings.map(JSONWriter.string).joined(separator: ",") + "]"
    }

    static func object(_ map: [String: String]) -> String {
        "{"
            + map.sorted { $0.key < $1.key }.map { JSONWriter.string($0.key) + ":" + JSONWriter.string($0.value) }
            .joined(separator: ",") + "}"
    }

    static func candidates(_ candidates: [TurnRecord.Candidate]) -> String {
        "["
            + candidates.map { "{\"intent\":\(JSONWriter.string($0.intent)),\"score\":\(JSONWriter.number($0.score))}" }
            .joined(separator: ",") + "]"
    }
}
