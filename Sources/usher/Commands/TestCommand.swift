import ArgumentParser
import Foundation
import Usher

/// `usher test`: run conversation tests against a bot.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run conversation tests: scripted customer turns with expectations on each answer.",
        discussion: """
            Prints a line per conversation, then 'N passed, N failed'. Exits 0 when every test passed, 1 when any \
            failed, 2 when the tests could not be run: a usage error, a test file that cannot be read or has \
            mistakes (each is named, and no test runs), a bot that does not load, a --junit file that cannot be \
            written. Format: docs/testing.md.
            """
    )

    @Option(help: "A bot: a JSON file or a directory of them.")
    var bot = "intents"

    @Argument(help: "Test files (JSON), or folders of them (their *.json files). Default: every *.json file in tests/.")
    var files: [String] = []

    @Option(help: "Also write the results as JUnit XML to this file.")
    var junit: String?

    func validate() throws {
        // A folder of test files runs them all; a folder of a bot was meant for --bot.
        if let first = files.first, Self.testFiles(in: first) == nil,
            let error = BotFrontend.misplacedBot(first, bot: bot, command: "test", rest: "a test file")
        {
            throw error
        }
    }

    /// The test files of `folder`: its `*.json` files in name order, when `folder` is a folder and
    /// one of them holds conversations (a folder of a bot's definitions is not one); else `nil`.
    static func testFiles(in folder: String) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return nil }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let files = names.filter { $0.hasSuffix(".json") }.sorted().map { prefix + $0 }
        let holdsTests = files.contains { file in
            FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) }?
                .contains("\"conversations\"") == true
        }
        return holdsTests ? files : nil
    }

    func run() throws {
        let engine: DialogEngine
        do {
            engine = try DialogFrontend.engine(bot)
        } catch let error as ExitCode where error.rawValue == ExitCodes.failure {
            throw ExitCode(ExitCodes.notRun)
        }
        let paths = try files.isEmpty ? defaultFiles() : files.flatMap { Self.testFiles(in: $0) ?? [$0] }
        let runner = ConversationTestRunner(engine: engine)
        var suites: [ConversationTestSuite] = []
        var mistakes: [(file: String, errors: [String])] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                mistakes.append((path, ["\(path): error: cannot read the file"]))
                continue
            }
            do {
                suites.append(try runner.load([UInt8](data), file: path))
            } catch {
                mistakes.append((path, error.errors.map { $0.description(severity: "error") }))
            }
        }
        let printer = TestReportPrinter()
        guard mistakes.isEmpty else {
            mistakes.flatMap(\.errors).forEach(Console.error)
            try writeJUnit(printer.junit([], mistakes: mistakes))
            throw ExitCode(ExitCodes.notRun)
        }
        let results = suites.map { suite in (suite, suite.conversations.map(runner.run)) }
        for (_, conversations) in results {
            for result in conversations { Console.out(printer.line(result)) }
        }
        let all = results.flatMap(\.1)
        let failed = all.filter { !$0.passed }.count
        Console.out("\(all.count - failed) passed, \(failed) failed")
        try writeJUnit(printer.junit(results.map { ($0.0.file, $0.1) }))
        if failed > 0 { throw ExitCode(ExitCodes.failure) }
    }

    /// Writes `xml` to `--junit`'s file, when given.
    private func writeJUnit(_ xml: String) throws {
        guard let junit else { return }
        guard OutputFile.write(Data(xml.utf8), to: junit) else {
            Console.error("\(junit): error: cannot write the file")
            throw ExitCode(ExitCodes.notRun)
        }
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
