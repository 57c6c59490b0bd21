import ArgumentParser
import Foundation
import Usher

/// `usher eval`: score a bot on labelled utterances.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a bot on labelled utterances: accuracy, out-of-scope recall, per-intent F1, confusions.",
        discussion: "Labels null, empty or \"oos\" mean out of scope. 'seconds' counts matching only, not loading."
    )

    @Argument(help: "A bot: a JSON file or a directory of them.")
    var path = "intents"

    @Option(help: "Labelled utterances: CSV (text,category) or JSON Lines ({\"text\": …, \"intent\": …}).")
    var data: String

    @Option(help: "Score only the lines of this partition, for files that name one per line (MASSIVE's \"split\").")
    var split: String?

    @Option(help: "Override the bot's confidence threshold, in [0, 1].")
    var threshold: Double?

    @Option(help: "The scoring model: automatic, linear or bayes.")
    var model: ModelKind = .automatic

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    @Option(help: "Write every wrongly matched utterance to this JSON Lines file, for review.")
    var misses: String?

    func validate() throws {
        if let threshold, !(0...1).contains(threshold) {
            throw ValidationError("--threshold must be between 0 and 1")
        }
    }

    @Option(help: "Score the bot in this language, one of those it serves (its own by default).")
    var lang: String?

    func run() throws {
        var bot = try BotFrontend.load(path, for: .matching)
        if let lang {
            guard let localized = bot.localized(to: lang) else {
                throw ValidationError(
                    "the bot does not serve \"\(lang)\"; it serves \(bot.languages.joined(separator: ", "))")
            }
            bot = localized
        }
        if let threshold { bot.settings.threshold = threshold }
        let utterances = try DataFrontend.read(data, split: split).map {
            LabelledUtterance(text: $0.text, intent: $0.intent.map(IntentName.sanitized), line: $0.line)
        }
        warnAboutTheData(utterances, bot: bot)
        let loadStart = ContinuousClock.now
        let matcher = Matcher(bot: bot, model: model)
        let loadSeconds = (ContinuousClock.now - loadStart).seconds
        var results: [MatchResult] = []
        results.reserveCapacity(utterances.count)
        let start = ContinuousClock.now
        for utterance in utterances { results.append(matcher.match(utterance.text)) }
        let seconds = (ContinuousClock.now - start).seconds
        let report = EvaluationReport(pairs: zip(utterances, results).map { ($0.intent, $1.intent) })
        if let misses { try writeMisses(zip(utterances, results).filter { $0.intent != $1.intent }, to: misses) }
        let printer = EvaluationPrinter(
            report: report, seconds: seconds, loadSeconds: loadSeconds, threshold: matcher.threshold,
            model: "\(matcher.modelKind.rawValue), \(matcher.featureCount) features")
        Console.out(json ? printer.json() : printer.text())
        // Utterances are matched one by one, with no conversation around them: say so where
        // that differs from a conversation, in which these intents match only after a context.
        let gated = bot.intents.filter { !$0.contexts.require.isEmpty }.map(\.name)
        if !gated.isEmpty {
            Console.error(
                "usher eval: \(gated.joined(separator: ", ")) need\(gated.count == 1 ? "s" : "") a context in a conversation; "
                    + "here they were matched as if it were active (usher match leaves them out unless --context names it)"
            )
        }
    }

    /// Labels that name no intent, once each; and, scoring the bot's own language, a data set
    /// that mostly reads as another.
    private func warnAboutTheData(_ utterances: [LabelledUtterance], bot: BotDefinition) {
        for unknown in EvaluationCheck.unknownLabels(utterances, intents: bot.intents.map(\.name)) {
            Console.error("\(data):\(unknown.line): warning: \(unknown)")
        }
        guard lang == nil, let most = EvaluationCheck.mostTexts(utterances.map(\.text)),
            LanguageTag(bcp47: bot.language) != most.language
        else { return }
        let serves = bot.languages.contains { LanguageTag(bcp47: $0) == most.language }
        Console.error(
            "usher eval: \(most.count) of \(utterances.count) lines read as \(most.language), the bot is scored in \(bot.language): "
                + (serves
                    ? "score them with --lang \(most.language)"
                    : "the bot does not serve \(most.language) (it serves \(bot.languages.joined(separator: ", ")))"))
    }

    private func writeMisses(_ misses: [(LabelledUtterance, MatchResult)], to file: String) throws {
        let lines = misses.map { utterance, result in
            "{\"line\": \(utterance.line), \"text\": \(JSONWriter.string(utterance.text)), \"expected\": "
                + (utterance.intent.map(JSONWriter.string) ?? "null") + ", \"predicted\": "
                + (result.intent.map(JSONWriter.string) ?? "null") + ", \"best\": "
                + (result.candidates.first.map { JSONWriter.string($0.intent) } ?? "null")
                + ", \"confidence\": \(JSONWriter.number(result.confidence))}"
        }
        let text = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
        guard OutputFile.write(Data(text.utf8), to: file) else {
            Console.error("\(file): cannot write the file")
            throw ExitCode(ExitCodes.failure)
        }
    }
}

extension Duration {
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

extension ModelKind: ExpressibleByArgument {}
