import ArgumentParser
import Foundation
import Usher

/// The inbox of `--unmatched`: what the bot did not understand, written so that the author's
/// labels survive every run and what the bot has learned since stays out (docs/learning.md).
extension StatsCommand {
    /// What went into the inbox, for the line that says so.
    struct InboxWritten {
        var groups: Int
        var messages: Int
        var kept: Int
        var understood: Int
    }

    /// Writes `messages` (the log's unmatched turns) to `file` as groups to label: the groups the
    /// file already has a label for are kept as they are (those the bot has learned since go),
    /// their messages and those the bot understands now left out of the new ones.
    func writeInbox(_ messages: [UnmatchedGrouper.Message], to file: String) throws -> InboxWritten {
        let engine = try currentBot()
        var labels = UnmatchedInbox.Labels()
        if let bytes = FileManager.default.contents(atPath: file) {
            let read = UnmatchedInbox.labelled(Array(bytes), file: file) { entry in
                engine.map { BotLearner.isLearned(entry, by: $0.bot) } ?? false
            }
            guard read.errors.isEmpty else {
                for problem in read.errors { Console.error(problem.description(severity: "error")) }
                Console.error(
                    "usher stats: \(file) was not changed: its labels could not all be read; fix the line or give another file"
                )
                throw ExitCode(ExitCodes.failure)
            }
            labels = read.labels
        }
        let unlabelled = messages.filter { !labels.contains($0.text) }
        let fresh = unlabelled.filter { message in
            engine?.understands(message.text, in: message.language, confidence: lowConfidence) != true
        }
        let groups = UnmatchedGrouper().group(fresh)
        let text = labels.lines.map { $0 + "\n" }.joined() + UnmatchedInbox.encode(groups)
        guard OutputFile.write(Data(text.utf8), to: file) else {
            Console.error(
                "usher: error: \(file): cannot write the file: \(OutputFile.reason(cannotWrite: file, otherwise: "the system refused it"))"
            )
            throw ExitCode(ExitCodes.failure)
        }
        return InboxWritten(
            groups: groups.count, messages: fresh.count, kept: labels.lines.count,
            understood: unlabelled.count - fresh.count)
    }

    /// The bot as it is now, to leave out what it has learned since: `--bot`, else `intents`
    /// when there is one; `nil` when there is none to ask.
    private func currentBot() throws -> DialogEngine? {
        guard bot != nil || FileManager.default.fileExists(atPath: "intents") else { return nil }
        return try DialogFrontend.engine(bot ?? "intents", for: .matching)
    }

    /// "usher stats: 3 groups of 4 messages … written to inbox.jsonl (kept its 2 labelled
    /// groups; left out 1 message the bot understands now); label each …".
    static func describe(_ written: InboxWritten, file: String) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var notes: [String] = []
        if written.kept > 0 { notes.append("kept its \(plural(written.kept, "labelled group"))") }
        if written.understood > 0 {
            notes.append("left out \(plural(written.understood, "message")) the bot understands now")
        }
        let kept = notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
        guard written.groups > 0 else {
            return "usher stats: no new message the bot did not understand for \(file)\(kept)"
        }
        return
            "usher stats: \(plural(written.groups, "group")) of \(plural(written.messages, "message")) the bot did not understand written to \(file)"
            + kept + "; label each (an intent, new:NAME or ignore), then `usher learn \(file)`"
    }
}
