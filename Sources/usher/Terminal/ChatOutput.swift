/// Where `usher chat` writes each line: errors to stderr, everything else to stdout, each stream
/// coloured only when it is a terminal.
///
/// Why errors apart: with stdout in a file (`usher chat > session.txt`) or a pipe, the person
/// typing or the script's log still sees what went wrong, and the file holds the conversation
/// and what the commands showed, not complaints about mistyped commands.
struct ChatOutput {
    /// How stdout's lines are marked.
    var output: TerminalStyle
    /// How stderr's lines (errors) are marked.
    var errors: TerminalStyle

    func show(_ lines: [ChatLine]) {
        for line in lines {
            if line.style == .error {
                Console.error(errors.render(line))
            } else {
                Console.out(output.render(line))
            }
        }
    }
}
