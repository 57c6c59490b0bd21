import ArgumentParser
import Usher

/// Reads a labelled data file for a command, reporting errors with their line.
enum DataFrontend {
    static func read(_ path: String) throws -> [LabelledUtterance] {
        do {
            let utterances = try DatasetReader.read(path: path)
            guard !utterances.isEmpty else {
                Console.error("\(path): error: the file holds no utterances")
                throw ExitCode(ExitCodes.failure)
            }
            return utterances
        } catch let error as DatasetError {
            Console.error(error.description)
            throw ExitCode(ExitCodes.failure)
        }
    }
}
