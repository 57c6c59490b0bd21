import ArgumentParser
import Foundation
import Usher

/// `usher test`: run conversation tests against a bot.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run conversation tests: scripted customer turns with expectations on each answer.",
        discussion:
            "Prints a line per conversation, then 'N passed, N failed'; exits 1 when any failed. Format: docs/testing.md."
    )

    @Option(help: "A bot: a JSON file or a directory of them.")
    var bot = "intents"

    @Argument(help: "Test files (JSON). Default: every *.json file in tests/.")
    var files: [String] = []

    @Option(help: "Also write the results as JUnit XML to this file.")
    var junit: String?

    func validate() throws {
        if let error = BotFrontend.misplacedBot(files.first, bot: bot, command: "test", rest: "a test file") {
            throw error
        }
    }

    func run() throws {
        let engine = try DialogFrontend.engine(bot)
        let paths = try files.isEmpty ? defaultFiles() : files
        var suites: [ConversationTestSuite] = []
        var loadFailed = false
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                Console.error("\(path): error: cannot read the file")
                loadFailed = true
                continue
            }
            do {
                suites.append(try ConversationTestDecoder.load([UInt8](data), file: path))
            } catch {
                error.errors.forEach { Console.error($0.description(severity: "error")) }
                loadFailed = true
            }
        }
        let runner = ConversationTestRunner(engine: engine)
        for suite in suites {
            let mistakes = runner.mistakes(in: suite)
            mistakes.forEach { Console.error($0.description(severity: "error")) }
            if !mistakes.isEmpty { loadFailed = true }
        }
        if loadFailed { throw ExitCode(ExitCodes.failure) }
        let results = suites.map { suite in (suite, suite.conversations.map(runner.run)) }
        let printer = TestReportPrinter()
        for (_, conversations) in results {
            for result in conversations { Console.out(printer.line(result)) }
        }
        let all = results.flatMap(\.1)
        let failed = all.filter { !$0.passed }.count
        Console.out("\(all.count - failed) passed, \(failed) failed")
        if let junit {
            let xml = printer.junit(results.map { ($0.0.file, $0.1) })
            guard OutputFile.write(Data(xml.utf8), to: junit) else {
                Console.error("\(junit): error: cannot write the file")
                throw ExitCode(ExitCodes.failure)
            }
        }
        if failed > 0 { throw ExitCode(ExitCodes.failure) }
    }

    private func defaultFiles() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "tests")) ?? []
        let files = names.filter { $0.hasSuffix(".json") }.sorted().map { "tests/\($0)" }
        guard !files.isEmpty else {
            Console.error("usher test: no test files given and none in tests/")
            throw ExitCode(ExitCodes.usage)
        }
        return files
    }
}
