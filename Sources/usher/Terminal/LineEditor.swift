import CReadline
import Foundation

/// Reads lines from a terminal through GNU readline: editing, history kept in a file across
/// runs, Tab completion, and Ctrl-C that clears the line instead of ending the program.
///
/// The only file that imports readline (GPL; the engine never links it). It uses readline's
/// callback interface and waits in `poll` itself, so a Ctrl-C is seen at once: the signal
/// handler only writes a byte to a pipe, and everything else happens on the main loop.
final class LineEditor {
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line was thrown away.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case end
    }

    /// Lines kept in the history file.
    static let historyLimit: Int32 = 1_000
    private let historyFile: String?
    /// Why the history file cannot be used, when it cannot; history is then kept for this run only.
    let historyProblem: String?
    private var prompt = ""

    /// `complete(line, start)` gives the completions of the word that starts at `start`. With
    /// `echoToStandardError`, prompts and editing go to stderr, so stdout can go to a file.
    init(historyFile: String?, echoToStandardError: Bool, complete: @escaping (String, Int) -> [String]) {
        Readline.complete = complete
        usher_rl_configure("usher", attemptCompletion, " \t\n")
        if echoToStandardError { usher_rl_output_to_stderr() }
        usher_rl_no_signal_handlers()
        rl_initialize()
        // A pasted block then arrives line by line, each answered before the next is shown.
        rl_variable_bind("enable-bracketed-paste", "off")
        stifle_history(Self.historyLimit)
        let problem = historyFile.flatMap(Self.prepare)
        self.historyFile = problem == nil ? historyFile : nil
        historyProblem = problem
        if let file = self.historyFile { read_history(file) }
        Interrupts.install()
    }

    /// Makes sure `file` can hold the history; why not, when it cannot.
    private static func prepare(_ file: String) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: file, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "\(file) is a directory" }
            return manager.isWritableFile(atPath: file) && manager.isReadableFile(atPath: file)
                ? nil : "\(file) cannot be read and written"
        }
        do {
            try manager.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            return "cannot create the folder of \(file)"
        }
        return write_history(file) == 0 ? nil : "cannot create \(file)"
    }

    /// Trims the history file to the last ``historyLimit`` lines.
    func close() {
        if let historyFile { history_truncate_file(historyFile, Self.historyLimit) }
    }

    /// The next line typed at `prompt`.
    func read(prompt: String) -> Input {
        self.prompt = prompt
        Readline.line = nil
        rl_callback_handler_install(prompt, lineTyped)
        defer { if Readline.line == nil { rl_callback_handler_remove() } }
        while true {
            switch Interrupts.wait(for: STDIN_FILENO) {
            case .interrupted:
                // Shown at the end of what was typed, as shells do, before the line is dropped.
                usher_rl_move_to_end()
                rl_redisplay()
                usher_rl_print("^C")
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_replace_line("", 0)
                rl_callback_handler_remove()
                usher_rl_print("\n")
                return .interrupted
            case .resized:
                rl_resize_terminal()
            case .resumed:
                restoreAfterStop()
            case .closed:
                return .end
            case .readable:
                rl_callback_read_char()
                guard let typed = Readline.line else { continue }
                guard let line = typed else { return .end }
                remember(line)
                return .line(line)
            }
        }
    }

    /// After Ctrl-Z and `fg` the shell has put the terminal back in line mode: set readline's
    /// mode again and redraw the prompt with the line as it was.
    private func restoreAfterStop() {
        guard let copy = usher_rl_line_copy() else { return }
        defer { free(copy) }
        let point = usher_rl_point()
        rl_callback_handler_remove()
        usher_rl_print("\n")
        rl_callback_handler_install(prompt, lineTyped)
        rl_replace_line(copy, 0)
        usher_rl_set_point(point)
        rl_redisplay()
    }

    /// Adds a line to the history, and to the file at once, so a crash loses nothing.
    private func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        if let last = usher_history_last(), String(cString: last) == line { return }
        add_history(line)
        if let historyFile { append_history(1, historyFile) }
    }
}

/// The state readline's C callbacks share with ``LineEditor``: readline is one global per
/// process, used from the main thread only.
private enum Readline {
    /// Set by the line callback: `.some(nil)` at end of input.
    nonisolated(unsafe) static var line: String??
    nonisolated(unsafe) static var complete: (String, Int) -> [String] = { _, _ in [] }
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var next = 0
}

/// Readline calls this with the line typed, or `nil` at end of input.
private func lineTyped(_ pointer: UnsafeMutablePointer<CChar>?) {
    // Removed here, so readline shows no new prompt before the answer is printed.
    rl_callback_handler_remove()
    guard let pointer else {
        Readline.line = .some(nil)
        return
    }
    Readline.line = .some(String(cString: pointer))
    free(pointer)
}

/// Readline calls this on Tab with the word before the cursor and where it starts (in bytes).
private func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
{
    usher_rl_no_default_completion()
    guard let copy = usher_rl_line_to_cursor() else { return nil }
    defer { free(copy) }
    let line = String(cString: copy)
    let startIndex = String(decoding: line.utf8.prefix(Int(start)), as: UTF8.self).count
    Readline.candidates = Readline.complete(line, startIndex)
    let directory = Readline.candidates.count == 1 && Readline.candidates[0].hasSuffix("/")
    usher_rl_append_after_completion(directory ? 0 : 32)
    Readline.next = 0
    return rl_completion_matches(text, completion)
}

/// Readline calls this for each completion in turn until it returns `nil`.
private func completion(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { Readline.next = 0 }
    guard Readline.next < Readline.candidates.count else { return nil }
    Readline.next += 1
    return strdup(Readline.candidates[Readline.next - 1])
}
