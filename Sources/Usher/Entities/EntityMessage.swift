/// A message prepared once for every extractor: its UTF-8 bytes and its tokens.
///
/// A class so that the words only the synonym extractors need are computed at most once per
/// message, on first use. It lives for one recognition and is never shared between threads.
final class EntityMessage {
    let text: String
    let utf8: [UInt8]
    /// Made on first use: the regex entities read ``scalars`` instead, so a form waiting for an
    /// order number (or the matcher's placeholders) never tokenises the message.
    private(set) lazy var tokens: [EntityToken] = Self.tokenize(utf8)

    /// Normalised words (as ``TextNormalizer`` makes them) with the range of the original word each comes from.
    private(set) lazy var normalizedWords: [(word: String, range: Range<Int>)] = SynonymExtractor.words(of: self)

    /// The message's Unicode scalars, with the UTF-8 offset of each (and of the end), for the
    /// regex entities: made on first use, once for all of them. Full-width ASCII, as Chinese and
    /// Japanese keyboards type it ("ＡＢ１２３４５６"), and the ideographic space read as their
    /// ASCII forms, so a bot's `[A-Z]{2}\d{6}` finds an order number however it was typed; the
    /// offsets are the original's.
    private(set) lazy var scalars: (scalars: [Unicode.Scalar], offsets: [Int]) = {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(utf8.count)
        offsets.reserveCapacity(utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(Self.halfWidth(scalar))
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        return (scalars, offsets)
    }()

    init(_ text: String) {
        self.text = text
        utf8 = Array(text.utf8)
    }

    /// The message's text in a byte range.
    func text(_ range: Range<Int>) -> String {
        String(decoding: utf8[range], as: UTF8.self)
    }

    /// A match covering a byte range of the message.
    func match(_ type: String, value: String, bytes range: Range<Int>) -> EntityMatch {
        EntityMatch(type: type, value: value, text: text(range), range: range)
    }

    /// Every match `find` reports, scanning the tokens left to right: at each token `find` gives
    /// the value and the token after the match, or `nil`; a match's tokens are not scanned again.
    func scanTokens(_ type: String, _ find: (Int) -> (value: String, end: Int)?) -> [EntityMatch] {
        var matches: [EntityMatch] = []
        var index = 0
        while index < tokens.count {
            if let (value, end) = find(index) {
                matches.append(match(type, value: value, tokens: index..<end))
                index = end
            } else {
                index += 1
            }
        }
        return matches
    }

    /// A match covering the tokens `tokens` (indices into ``tokens``).
    func match(_ type: String, value: String, tokens range: Range<Int>) -> EntityMatch {
        match(
            type, value: value,
            bytes: tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound)
    }

    // MARK: Tokens

    /// The lower-cased word (or the Han character) at `index`, or `nil` when there is none there.
    func word(_ index: Int) -> String? {
        guard tokens.indices.contains(index) else { return nil }
        let token = tokens[index]
        return token.kind == .word || token.kind == .character ? token.text : nil
    }

    /// The text of the token at `index` whatever its kind, for vocabularies that list symbols
    /// beside words ("₽"); `nil` past the end.
    func anyToken(_ index: Int) -> String? {
        tokens.indices.contains(index) ? tokens[index].text : nil
    }

    /// The digits at `index`, or `nil` when there are none there.
    func digits(_ index: Int) -> String? {
        tokens.indices.contains(index) && tokens[index].kind == .digits ? tokens[index].text : nil
    }

    /// Whether the token at `index` is the symbol `symbol`.
    func isSymbol(_ index: Int, _ symbol: String) -> Bool {
        tokens.indices.contains(index) && tokens[index].kind == .symbol && tokens[index].text == symbol
    }

    /// Whether the token at `index` starts where the one before it ends, with no space between.
    func touches(_ index: Int) -> Bool {
        index > 0 && index < tokens.count && tokens[index - 1].range.upperBound == tokens[index].range.lowerBound
    }

    /// Whether a value starting at token `index` would be the tail of something longer: glued to a
    /// word or digits ("AB123"), or after a `.`, `,`, `/` or `:` that follows digits ("1.2.3",
    /// "10:30", "1,5").
    func isGluedBefore(_ index: Int) -> Bool {
        guard touches(index), tokens[index].kind != .character else { return false }
        let previous = tokens[index - 1]
        if previous.kind == .character { return false }
        if previous.kind != .symbol || previous.text == "_" { return true }
        return Self.joiners.contains(previous.text) && touches(index - 1) && tokens[index - 2].kind == .digits
    }

    /// Whether a value ending before token `end` would be the head of something longer (see ``isGluedBefore(_:)``).
    func isGluedAfter(_ end: Int) -> Bool {
        guard touches(end), tokens[end - 1].kind != .character else { return false }
        let next = tokens[end]
        if next.kind == .character { return false }
        if next.kind != .symbol || next.text == "_" { return true }
        return Self.joiners.contains(next.text) && touches(end + 1) && tokens[end + 1].kind == .digits
    }

    private static let joiners: Set<String> = [".", ",", "/", ":"]

    // MARK: Scalars

    /// The scalar starting at byte `offset`, and its length in bytes.
    func scalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        utf8.scalar(at: offset)
    }

    /// The scalar ending at byte `offset`.
    func scalar(before offset: Int) -> Unicode.Scalar? {
        utf8.scalar(before: offset)
    }

    private enum ScalarClass { case letter, digit, space, symbol, character }

    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.value {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x09...0x0D, 0x20: return .space
        case 0..<0x80: return .symbol
        default: break
        }
        if UnspacedScript.contains(scalar) { return .character }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if properties.isAlphabetic || properties.numericType != nil { return .letter }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .letter
        default: return .symbol
        }
    }

    /// The ASCII form of a full-width letter, digit or symbol ("３" is "3", "＄" is "$", "：" is
    /// ":"), as Chinese and Japanese keyboards type them; any other scalar as it is.
    private static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000: " "
        default: scalar
        }
    }

    private static func tokenize(_ bytes: [UInt8]) -> [EntityToken] {
        var tokens: [EntityToken] = []
        var runStart = 0
        var runClass = ScalarClass.space
        var offset = 0

        func finishRun() {
            guard runClass == .letter || runClass == .digit, runStart < offset else { return }
            let run = bytes[runStart..<offset]
            let text: String
            if run.contains(where: { $0 >= 0x80 }) {
                // Cyrillic and accented capitals too ("Завтра", "ÜBERMORGEN"), and full-width forms ("３００").
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars.map(halfWidth))
                text = String(scalars).lowercased()
            } else if runClass == .digit {
                text = String(decoding: run, as: UTF8.self)
            } else {
                text = String(decoding: run.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
            }
            tokens.append(EntityToken(kind: runClass == .digit ? .digits : .word, range: runStart..<offset, text: text))
        }

        while offset < bytes.count {
            let (written, length) = bytes.decodeScalar(at: offset)
            let scalar = halfWidth(written)
            let scalarClass = classify(scalar)
            if scalarClass != runClass || scalarClass == .symbol || scalarClass == .character {
                finishRun()
                runStart = offset
                runClass = scalarClass
            }
            if scalarClass == .symbol || scalarClass == .character {
                tokens.append(
                    EntityToken(
                        kind: scalarClass == .symbol ? .symbol : .character, range: offset..<offset + length,
                        text: String(Character(scalar))))
            }
            offset += length
        }
        finishRun()
        return tokens
    }
}
