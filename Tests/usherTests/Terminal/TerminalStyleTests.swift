import Testing

@testable import usher

@Suite("TerminalStyle")
struct TerminalStyleTests {
    static let plainStyle = TerminalStyle(colour: false)
    static let colourStyle = TerminalStyle(colour: true)

    static let lines: [ChatLine] = [
        .bot("Hello!"),
        .person("ana", "Hi, I am Ana"),
        .person("ana → c-2", "Still there?"),
        .detail("intent", "track_order"),
        .detail("", "\"where is my order\""),
        .detail("a label longer than twelve", "value"),
        .info("debug is on: each reply is explained"),
        .error("unknown command /foo; /help lists the commands"),
        ChatLine(style: .bot, label: nil, text: "no label"),
    ]

    @Test(
        arguments: [
            // (environment, output is a terminal, colour)
            (["TERM": "xterm-256color"], true, true),
            (["TERM": "xterm-256color"], false, false),
            (["TERM": "xterm", "NO_COLOR": ""], true, true),
            (["TERM": "xterm", "NO_COLOR": "1"], true, false),
            (["TERM": "xterm", "NO_COLOR": "0"], true, false),
            (["TERM": "xterm", "NO_COLOR": "yes"], false, false),
            (["TERM": "dumb"], true, false),
            (["TERM": "dumb"], false, false),
            (["TERM": ""], true, false),
            ([:], true, false),
            ([:], false, false),
            (["NO_COLOR": ""], true, false),
            (["TERM": "screen", "COLORTERM": "truecolor"], true, true),
        ] as [([String: String], Bool, Bool)])
    func detect(environment: [String: String], outputIsTerminal: Bool, colour: Bool) {
        #expect(
            TerminalStyle.detect(environment: environment, outputIsTerminal: outputIsTerminal).colour == colour)
    }

    @Test(arguments: lines)
    func withoutColourRenderIsThePlainLine(line: ChatLine) {
        let rendered = Self.plainStyle.render(line)
        #expect(rendered == line.plain)
        #expect(!rendered.contains("\u{1B}"))
    }

    @Test func plainLinesAreLabelledAndDetailsAligned() {
        #expect(ChatLine.bot("Hello!").plain == "bot: Hello!")
        #expect(ChatLine.person("ana → c-2", "Still there?").plain == "ana → c-2: Still there?")
        #expect(ChatLine.error("oops").plain == "error: oops")
        #expect(ChatLine.info("done").plain == "done")
        #expect(ChatLine.detail("intent", "track_order").plain == "  intent      track_order")
        #expect(ChatLine.detail("", "x").plain == "              x")
        #expect(ChatLine.detail("twelve chars", "x").plain == "  twelve chars x")
        #expect(ChatLine.column("intent") == "  intent      ")
    }

    @Test(arguments: [
        (ChatLine.bot("Hello!"), "\u{1B}[1;36mbot:\u{1B}[0m Hello!"),
        (.person("ana", "Hi, I am Ana"), "\u{1B}[1;35mana:\u{1B}[0m Hi, I am Ana"),
        (.person("ana → c-2", "Still there?"), "\u{1B}[1;35mana → c-2:\u{1B}[0m Still there?"),
        (.error("no command /nope"), "\u{1B}[1;31merror:\u{1B}[0m no command /nope"),
        (.detail("intent", "track_order"), "\u{1B}[2m  intent      \u{1B}[0mtrack_order"),
        (.detail("", "\"hello\""), "\u{1B}[2m              \u{1B}[0m\"hello\""),
        (.info("started session c-2"), "\u{1B}[2mstarted session c-2\u{1B}[0m"),
        (ChatLine(style: .bot, label: nil, text: "no label"), "no label"),
    ])
    func withColourLabelsArePaintedAndTextIsNot(line: ChatLine, expected: String) {
        #expect(Self.colourStyle.render(line) == expected)
    }

    @Test(arguments: lines)
    func colourOnlyAddsEscapes(line: ChatLine) {
        let rendered = Self.colourStyle.render(line)
        let stripped = rendered.replacing(/\u{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == line.plain)
        if line.style != .info {
            // The text after the label is never coloured.
            #expect(rendered.hasSuffix(line.text))
        }
    }

    @Test func promptWrapsEscapesForReadlineOnlyWithColour() {
        #expect(Self.plainStyle.prompt("default> ") == "default> ")
        #expect(
            Self.colourStyle.prompt("default> ") == "\u{1}\u{1B}[1;32m\u{2}default> \u{1}\u{1B}[0m\u{2}")
    }
}
