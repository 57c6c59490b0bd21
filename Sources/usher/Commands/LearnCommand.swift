import ArgumentParser
import Foundation
import Usher

/// `usher learn`: the labelled inbox from `usher stats --unmatched` back into the bot's files.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Add labelled unmatched messages to the bot as examples.",
        discussion: """
            FILE is what `usher stats --unmatched FILE` wrote, with each group's "label" set to an intent's name \
            (its texts become that intent's examples), new:NAME (a new intent) or ignore; groups left "" wait. \
            Examples are added to the files the intents live in, keeping their layout; texts that are already \
            examples are skipped. Any wrong label or broken line, and nothing is changed; all of them are \
            reported at once. See docs/learning.md.
            """
    )

    @Argument(help: "The labelled groups (JSON Lines).")
    var file: String

    @Option(help: "The bot: a JSON file or a directory of them.")
    var bot = "intents"

    @Option(help: "Where new intents go (default: learned.json in the bot's directory, or the bot's file).")
    var newFile: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Console.error("\(file): error: cannot read the file")
            throw ExitCode(ExitCodes.failure)
        }
        let sources: [BotLoader.Source]
        let definition: BotDefinition
        do {
            sources = try BotLoader.readSources(at: bot)
            // Its intents and examples are all learning needs: an intent learned before, still
            // without responses, may take more examples.
            definition = try BotLoader.load(sources: sources, for: .matching)
        } catch {
            for problem in error.errors { Console.error(problem.description(severity: "error")) }
            throw ExitCode(ExitCodes.failure)
        }
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: bot, isDirectory: &isDirectory)
        let target = newFile ?? (isDirectory.boolValue ? (bot as NSString).appendingPathComponent("learned.json") : bot)
        let plan: BotLearner.Plan
        do {
            plan = try BotLearner(bot: definition, sources: sources, newFile: target).plan(
                inbox: Array(data), file: file)
        } catch {
            for problem in error.errors { Console.error(problem.description(severity: "error")) }
            Console.error("usher learn: nothing was changed")
            throw ExitCode(ExitCodes.failure)
        }
        guard !plan.files.isEmpty else {
            Console.out("nothing to learn: no group of \(file) has a label that adds anything")
            return
        }
        try write(plan, sources: sources)
        for line in plan.report { Console.out(line) }
        reportReplyless()
    }

    /// The intents that cannot reply yet (new ones have no responses), as `usher check` reports
    /// them: the bot does not load to talk with customers until they can.
    private func reportReplyless() {
        do {
            _ = try BotLoader.load(path: bot)
        } catch {
            let replyless = error.errors.filter { $0.replylessIntent != nil }
            for problem in replyless { Console.error(problem.description(severity: "error")) }
            Console.error(
                "usher learn: the examples were added; the bot loads for serve, chat and test once "
                    + (replyless.count == 1 ? "this intent has" : "these \(replyless.count) intents have")
                    + " responses")
        }
    }

    /// Writes every changed file, then loads the bot again; if it no longer loads, every file is
    /// put back as it was and the errors are shown. Intents without responses do not count: new
    /// intents have none yet (``reportReplyless()`` says so).
    private func write(_ plan: BotLearner.Plan, sources: [BotLoader.Source]) throws {
        let originals = Dictionary(sources.map { ($0.name, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        func restore() {
            for path in plan.files.keys {
                if let original = originals[path] {
                    try? Data(original).write(to: URL(fileURLWithPath: path), options: .atomic)
                } else {
                    try? FileManager.default.removeItem(atPath: path)
                }
            }
        }
        for (path, bytes) in plan.files.sorted(by: { $0.key < $1.key }) {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                restore()
                Console.error(
                    "usher: error: \(path): cannot write (\(error.localizedDescription)); nothing was changed")
                throw ExitCode(ExitCodes.failure)
            }
        }
        do {
            _ = try BotLoader.load(path: bot, for: .matching)
        } catch {
            restore()
            for problem in error.errors { Console.error(problem.description(severity: "error")) }
            Console.error("usher learn: the bot would not load with these examples; nothing was changed")
            throw ExitCode(ExitCodes.failure)
        }
    }
}
