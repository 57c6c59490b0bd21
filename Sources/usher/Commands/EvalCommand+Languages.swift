import ArgumentParser
import Usher

/// The language each line of `usher eval`'s data is scored in: its own `"lang"`, else
/// `--lang`, else the bot's own, as `usher serve` serves a request.
extension EvalCommand {
    /// The bot's language `--lang` names (`de-AT` is served by `de`), or the bot's own.
    func commandLanguage(of bot: BotDefinition) throws -> String {
        guard let lang else { return bot.language }
        guard let served = bot.servedLanguage(for: lang) else {
            throw ValidationError("--lang: " + bot.notServed(lang))
        }
        return served
    }

    /// The bot's language each line is matched in. A `"lang"` the bot does not serve is an
    /// error at its first line, once per tag: scored in another language, its lines would only
    /// lower the figures.
    func lineLanguages(_ utterances: [LabelledUtterance], bot: BotDefinition, default language: String) throws
        -> [String]
    {
        var unserved: [String: (line: Int, count: Int)] = [:]
        let languages = utterances.map { utterance in
            guard let asked = utterance.language else { return language }
            guard let served = bot.servedLanguage(for: asked) else {
                unserved[asked, default: (utterance.line, 0)].count += 1
                return language
            }
            return served
        }
        guard unserved.isEmpty else {
            for (tag, first) in unserved.sorted(by: { $0.value.line < $1.value.line }) {
                let lines = first.count == 1 ? "" : " (\(first.count) lines)"
                Console.error("\(data):\(first.line): error: \"lang\": \(bot.notServed(tag))\(lines)")
            }
            throw ExitCode(ExitCodes.failure)
        }
        return languages
    }
}
