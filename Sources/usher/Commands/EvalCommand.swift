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

    @Option(help: "The scoring model: automatic (linear, or centroid for a large bot), linear, bayes or centroid.")
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

    @Option(
        help: "Score the bot in this language, one of those it serves (its own by default); a line's own \"lang\" wins."
    )
    var lang: String?

    func run() throws {
        var bot = try BotFrontend.load(path, for: .matching)
        if let threshold { bot.settings.threshold = threshold }
        let fileLanguage = try commandLanguage(of: bot)
        var utterances = try DataFrontend.read(data, split: split)
        for index in utterances.indices {
            utterances[index].intent = utterances[index].intent.map(IntentName.sanitized)
        }
        let languages = try lineLanguages(utterances, bot: bot, default: fileLanguage)
        let warnings = dataWarnings(utterances, languages: languages, bot: bot)
        for warning in warnings { Console.error(warning.line(data: data)) }
        let used = bot.languages.filter(Set(languages).contains)
        let loadStart = ContinuousClock.now
        var matchers: [String: Matcher] = [:]
        for language in used { matchers[language] = Matcher(bot: bot.localized(to: language)!, model: model) }
        let loadSeconds = (ContinuousClock.now - loadStart).seconds
        var results: [MatchResult] = []
        results.reserveCapacity(utterances.count)
        let start = ContinuousClock.now
        for (utterance, language) in zip(utterances, languages) {
            results.append(matchers[language]!.match(utterance.text))
        }
        let seconds = (ContinuousClock.now - start).seconds
        let scored = zip(utterances, results).map { ($0.intent, $1.intent) }
        let report = EvaluationReport(pairs: scored)
        let byLanguage =
            used.count < 2
            ? []
            : used.map { language in
                (language, EvaluationReport(pairs: zip(languages, scored).filter { $0.0 == language }.map(\.1)))
            }
        if let misses {
            let missed = utterances.indices.filter { utterances[$0].intent != results[$0].intent }
            try writeMisses(
                missed.map { (utterances[$0], results[$0], used.count < 2 ? nil : languages[$0]) }, to: misses)
        }
        // Utterances are matched one by one, with no conversation around them: say so where
        // that differs from a conversation, in which these intents match only after a context.
        let gated = bot.intents.filter { !$0.contexts.require.isEmpty }.map(\.name)
        let contextWarnings = gated.isEmpty ? [] : [EvaluationWarning.needsContext(gated)]
        var printer = EvaluationPrinter(
            report: report, seconds: seconds, loadSeconds: loadSeconds, threshold: matchers[used[0]]!.threshold,
            model: describe(used.map { ($0, matchers[$0]!) }), languages: byLanguage)
        printer.warnings = warnings + contextWarnings
        Console.out(json ? printer.json() : printer.text())
        for warning in contextWarnings { Console.error(warning.line(data: data)) }
    }

    /// The model of each language's matcher: "linear, 812 features", or per language when several.
    private func describe(_ matchers: [(language: String, matcher: Matcher)]) -> String {
        let each = matchers.map { "\($0.matcher.modelKind.rawValue), \($0.matcher.featureCount) features" }
        guard matchers.count > 1 else { return each[0] }
        return zip(matchers, each).map { "\($0.language) \($1)" }.joined(separator: "; ")
    }

    /// Labels that name no intent, once each; and lines enough to change the figures that read
    /// as another language than the one they are scored in, among the lines without their own
    /// `"lang"` (one labelled line must not hide the rest).
    private func dataWarnings(_ utterances: [LabelledUtterance], languages: [String], bot: BotDefinition)
        -> [EvaluationWarning]
    {
        var warnings = EvaluationCheck.unknownLabels(utterances, intents: bot.intents.map(\.name))
            .map(EvaluationWarning.unknownLabel)
        let unlabelled = zip(utterances, languages).filter { $0.0.language == nil }
        guard let language = unlabelled.first?.1,
            var others = EvaluationCheck.otherLanguages(
                unlabelled.map(\.0.text), scoredIn: language, served: bot.languages)
        else { return warnings }
        others.othersLabelled = unlabelled.count < utterances.count
        warnings.append(.otherLanguages(others))
        return warnings
    }

    /// Each miss as a JSON line; with its language when the data set mixes several.
    private func writeMisses(_ misses: [(LabelledUtterance, MatchResult, String?)], to file: String) throws {
        let lines = misses.map { utterance, result, language in
            "{\"line\": \(utterance.line), \"text\": \(JSONWriter.string(utterance.text)), "
                + (language.map { "\"lang\": \(JSONWriter.string($0)), " } ?? "") + "\"expected\": "
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
