import Foundation
import Testing

/// The engine library stays free of terminal, process and argument-parsing code, so that any
/// program can embed it; these rules are checked on the source itself.
@Suite("Architecture")
struct ArchitectureTests {
    static let engine = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Usher")

    static func engineSources() throws -> [(name: String, text: String)] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: engine.path))
        return try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map {
            // Code only: doc comments may show how callers print results.
            let text = try String(contentsOf: engine.appendingPathComponent($0), encoding: .utf8)
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            return ($0, code.joined(separator: "\n"))
        }
    }

    @Test func theEngineHasSources() throws {
        #expect(try Self.engineSources().count > 20)
    }

    @Test(arguments: [
        ("import ArgumentParser", "argument parsing belongs to the CLI"),
        ("import CReadline", "readline is GPL and belongs to the CLI"),
        ("print(", "the engine never prints"),
        ("exit(", "the engine never exits the process"),
        ("readLine(", "the engine never reads stdin"),
        ("FileHandle.standard", "the engine never touches the standard streams"),
        ("Process(", "the engine never starts processes"),
    ])
    func theEngineNeverUses(forbidden: String, reason: String) throws {
        let offenders = try Self.engineSources().filter { $0.text.contains(forbidden) }.map(\.name)
        #expect(offenders.isEmpty, "\(reason): \(offenders)")
    }

    @Test func engineFoldersAreConcerns() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.engine.path).sorted()
        #expect(!folders.contains { ["Helpers", "Misc", "Utils", "Utilities"].contains($0) })
    }

    /// GNU readline is GPL: one file of the executable uses it, and nothing else links it.
    @Test func onlyTheLineEditorImportsReadline() throws {
        let sources = Self.engine.deletingLastPathComponent()
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        let importers = try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.filter {
            try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8).contains("import CReadline")
        }
        #expect(importers == ["usher/Terminal/LineEditor.swift"])
    }
}
