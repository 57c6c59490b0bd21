import Foundation

/// Reads a bot from a JSON file or from a directory whose `*.json` files are merged.
///
/// Loading never traps on bad input: every problem of every file becomes a
/// ``DefinitionError``, and all of them are thrown together as ``DefinitionErrors``.
public enum BotLoader {
    /// Files larger than this are refused before they are read.
    public static let maximumFileSize = 256 << 20

    /// A definition file's name and raw bytes, for loading without touching the file system.
    public struct Source: Sendable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// What the bot is loaded for, which decides how much it must hold.
    public enum Use: Sendable {
        /// Talking with customers (`serve`, `chat`, `test`, `check`): every intent must be able
        /// to answer, so no customer is left without a reply.
        case conversation
        /// Matching only (`match`, `eval`, `bench`): intents without responses are fine, as in
        /// a bot `usher import` made from labelled data.
        case matching
    }

    /// Loads the bot at `path`: one JSON file, or every `*.json` file directly inside a directory, in name order.
    public static func load(path: String, for use: Use = .conversation) throws(DefinitionErrors) -> BotDefinition {
        try load(sources: try readSources(at: path), for: use)
    }

    /// Parses, validates and merges already-read sources.
    public static func load(sources: [Source], for use: Use = .conversation) throws(DefinitionErrors)
        -> BotDefinition
    {
        var errors: [DefinitionError] = []
        var fragments: [BotFragment] = []
        var unread = false
        for source in sources {
            do {
                let root = try JSONParser.parse(source.bytes)
                var decoder = DefinitionDecoder(file: source.name)
                fragments.append(decoder.decodeFile(root))
                errors += decoder.errors
            } catch {
                unread = true
                errors.append(DefinitionError(file: source.name, location: error.location, message: error.message))
            }
        }
        if !unread, !fragments.isEmpty, fragments.allSatisfy({ $0.translations != nil }) {
            // Checked against no bot, every translated intent would be "no intent to translate".
            throw DefinitionErrors(errors + fragments.map(translationsAlone))
        }
        var merger = BotMerger()
        let bot = merger.merge(fragments, files: sources.map(\.name))
        errors += merger.errors
        // Every error of the load at once, not in rounds: the cross-file checks too.
        let validator = BotValidator(
            bot: bot, entityOrigins: merger.entityOrigins, unnamedTranslations: merger.unnamedTranslations)
        errors += validator.errors(someFileUnread: unread, for: use)
        if errors.isEmpty, bot.intents.isEmpty {
            errors.append(DefinitionError(file: sources.first?.name ?? "", message: "the bot has no intents"))
        }
        guard errors.isEmpty else { throw DefinitionErrors(withoutConsequences(errors)) }
        var versioned = bot
        versioned.version = version(of: sources)
        return versioned
    }

    /// What a file of translations given alone is told: it is no bot, and the folder that holds
    /// it with the bot's own files is.
    private static func translationsAlone(_ fragment: BotFragment) -> DefinitionError {
        let language = fragment.language.map { " (into \($0.value))" } ?? ""
        let folder = (fragment.file as NSString).deletingLastPathComponent
        return DefinitionError(
            file: fragment.file,
            message:
                "this is a file of translations\(language), which adds words to a bot and is no bot of its own: give the folder that holds it with the bot's own files (\(folder.isEmpty ? "." : folder))"
        )
    }

    /// `errors` without those that only follow from another (``DefinitionError/followsFrom``).
    /// Every error's path and the paths above it are gathered once, so this is linear in the
    /// errors, however many intents an imported bot leaves without responses.
    static func withoutConsequences(_ errors: [DefinitionError]) -> [DefinitionError] {
        guard errors.contains(where: { !$0.followsFrom.isEmpty }) else { return errors }
        var places: Set<String> = []
        for error in errors {
            var path = Substring(error.path)
            while !path.isEmpty {
                places.insert(error.file + "\u{0}" + path)
                guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
                path = path[..<cut]
            }
        }
        return errors.filter { error in
            !error.followsFrom.contains { places.contains(error.file + "\u{0}" + $0) }
        }
    }

    /// FNV-1a over each file's base name and bytes: stable across machines and folders, and
    /// changed by any edit.
    static func version(of sources: [Source]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xff) &* 0x100_0000_01b3
        }
        for source in sources {
            mix((source.name as NSString).lastPathComponent.utf8)
            mix(source.bytes)
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Reads the definition files at `path` without parsing them.
    public static func readSources(at path: String) throws(DefinitionErrors) -> [Source] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DefinitionErrors([DefinitionError(file: path, message: "no such file or directory")])
        }
        guard isDirectory.boolValue else { return [try readSource(path)] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw DefinitionErrors([DefinitionError(file: path, message: "cannot list the directory")])
        }
        let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        guard !files.isEmpty else {
            throw DefinitionErrors([DefinitionError(file: path, message: "the directory holds no .json files")])
        }
        var sources: [Source] = []
        var errors: [DefinitionError] = []
        for name in files {
            do {
                sources.append(try readSource((path as NSString).appendingPathComponent(name)))
            } catch {
                errors += error.errors
            }
        }
        guard errors.isEmpty else { throw DefinitionErrors(errors) }
        return sources
    }

    private static func readSource(_ file: String) throws(DefinitionErrors) -> Source {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        if let size = attributes?[.size] as? Int, size > maximumFileSize {
            throw DefinitionErrors([
                DefinitionError(
                    file: file,
                    message:
                        "the file is \(size >> 20) MiB; definition files are limited to \(maximumFileSize >> 20) MiB")
            ])
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DefinitionErrors([DefinitionError(file: file, message: "cannot read the file")])
        }
        return Source(name: file, bytes: [UInt8](data))
    }
}
