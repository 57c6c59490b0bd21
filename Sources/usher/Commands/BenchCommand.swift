import ArgumentParser
import Usher

/// `usher bench`: the engine's reproducible benchmark.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Benchmark the engine (build with -c release).")

    func run() throws {
        Console.out("not yet")
    }
}
