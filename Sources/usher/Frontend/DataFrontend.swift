import ArgumentParser
import Usher

/// Reads a labelled data file for a command, reporting errors with their line.
enum DataFrontend {
    /// `split` keeps only the lines of that partition (the file's `split` field or column).
    static func read(_ path: String, split: String? = nil) throws -> [LabelledUtterance] {
        do {
            var utterances = try DatasetReader.read(path: path)
            if let split { utterances = try DatasetReader.only(split: split, of: utterances, file: path) }
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
