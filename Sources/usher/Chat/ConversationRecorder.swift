import Foundation
import Usher

/// Keeps each session's turns with the bot as `/save` writes them: a conversation test that
/// `usher test` replays, with the agents' steps taken from the same terminal (`/agent claim`,
/// `/agent say`, …), since tests run through the contact centre too.
struct ConversationRecorder {
    private var recordings: [String: Recording] = [:]

    private struct Recording {
        var start: Double
        var turns: [ConversationTestWriter.RecordedTurn] = []
        /// Where `/advance` had put the clock at the last turn, so a test replays the jumps.
        var advancedAtLastTurn = 0.0
        /// The metadata last written, so a test repeats them only when they change.
        var meta: [String: String] = [:]
        /// The language the messages were sent in, written as the conversation's `lang`.
        var language: String?
    }

    mutating func forget(_ session: String) { recordings[session] = nil }

    /// Notes a customer's turn; `advanced` is how far `/advance` has moved the clock so far.
    mutating func record(_ message: CustomerMessage, _ turn: DeskTurn, now: Double, advanced: Double) {
        let session = message.session
        var recording = recordings[session] ?? Recording(start: now, advancedAtLastTurn: advanced)
        defer { recordings[session] = recording }
        let queued = turn.turn.handoff != nil
        let state = turn.state == "bot" || queued ? nil : turn.state
        let replies = turn.turn.replies
        let meta = message.metadata == recording.meta ? [:] : message.metadata
        var recorded = ConversationTestWriter.RecordedTurn(
            say: message.text, intent: turn.turn.intent, slots: turn.turn.filled, replies: replies, queued: queued,
            meta: meta, advance: advanced - recording.advancedAtLastTurn)
        recorded.state = state
        recorded.action = turn.turn.called?.name
        recording.turns.append(recorded)
        recording.advancedAtLastTurn = advanced
        recording.meta = message.metadata
        recording.language = message.language ?? recording.language
    }

    /// Notes an action's result, as a step that supplies it, and what the customer was shown.
    mutating func record(_ result: ActionResult, _ turn: DeskTurn, advanced: Double) {
        guard var recording = recordings[result.session] else { return }
        var recorded = ConversationTestWriter.RecordedTurn(
            say: "", intent: turn.turn.intent, slots: [:], replies: turn.turn.replies, queued: false,
            advance: advanced - recording.advancedAtLastTurn)
        recorded.result = TestActionResult(outcome: result.outcome, values: result.values, error: result.error)
        recorded.state = turn.state == "bot" ? nil : turn.state
        recording.turns.append(recorded)
        recording.advancedAtLastTurn = advanced
        recordings[result.session] = recording
    }

    /// Notes an agent's step on `session` and what its customer was shown.
    mutating func record(_ step: TestAgentStep, on session: String, shown: [String], state: String, advanced: Double) {
        guard var recording = recordings[session] else { return }
        recording.turns.append(
            ConversationTestWriter.agentStep(
                step, shown: shown, state: state, advance: advanced - recording.advancedAtLastTurn))
        recording.advancedAtLastTurn = advanced
        recordings[session] = recording
    }

    /// Writes the session's turns as a conversation test: a new file, or one more conversation in it.
    func save(session: String, to file: String, name: String?, bot path: String) -> [ChatLine] {
        guard let recording = recordings[session], !recording.turns.isEmpty else {
            return [.error("nothing to save yet in session \(session); say something first")]
        }
        let count = recording.turns.count
        let target = Self.resolve(file)
        let title = Self.unique(name ?? "\(session): " + (recording.turns.first?.say ?? ""), in: target)
        let conversation = ConversationTestWriter.conversation(
            name: title, start: recording.start, turns: recording.turns, language: recording.language)
        let text: String
        do {
            if FileManager.default.fileExists(atPath: target) && !OutputFile.isDirectory(target) {
                guard let existing = try? String(contentsOfFile: target, encoding: .utf8) else {
                    return [.error("cannot read \(file) as UTF-8 text; nothing written")]
                }
                text = try ConversationTestWriter.appending(conversation, to: existing, file: file)
            } else {
                text = ConversationTestWriter.file(conversations: [conversation])
            }
            try text.write(toFile: target, atomically: true, encoding: .utf8)
        } catch let errors as DefinitionErrors {
            return errors.errors.map { ChatLine.error($0.description(severity: nil)) } + [.info("\(file) is unchanged")]
        } catch {
            return [
                .error(
                    "cannot write \(file): \(OutputFile.reason(cannotWrite: target, otherwise: error.localizedDescription))"
                )
            ]
        }
        let lines: [ChatLine] = [
            .info(
                "saved \(count) turn\(count == 1 ? "" : "s") as \"\(title)\" in \(file); run: usher test --bot \(path) \(file)"
            )
        ]
        return lines
    }

    /// `name`, or `name (2)`, `name (3)`, … when the test file already has a conversation of that
    /// name, so each saved conversation can be told apart in `usher test`'s report.
    private static func unique(_ name: String, in file: String) -> String {
        guard let bytes = FileManager.default.contents(atPath: file),
            let suite = try? ConversationTestDecoder.load(Array(bytes), file: file)
        else { return name }
        let taken = Set(suite.conversations.map(\.name))
        var candidate = name
        var number = 1
        while taken.contains(candidate) {
            number += 1
            candidate = "\(name) (\(number))"
        }
        return candidate
    }

    /// `~` expanded and symbolic links followed, so `/save` writes the file a link points to.
    private static func resolve(_ file: String) -> String {
        var path = NSString(string: file).expandingTildeInPath
        // Followed by hand: Foundation leaves a link to a file not yet written unresolved.
        for _ in 0..<16 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { break }
            path =
                destination.hasPrefix("/")
                ? destination : (path as NSString).deletingLastPathComponent + "/" + destination
        }
        return path
    }
}
