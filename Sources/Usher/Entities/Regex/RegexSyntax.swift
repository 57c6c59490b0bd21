/// A regular expression read into a tree: the syntax Usher's regex entities take.
///
/// Literals, `.`, classes (`[A-Z0-9_-]`, `[^…]`, `\d \w \s` and their negations), groups
/// (`(…)`, `(?:…)`), alternation, the quantifiers `* + ? {n} {n,} {n,m}` (lazy with a
/// trailing `?`), anchors `^ $ \b \B`, and the flag `(?i)`. Features that need backtracking
/// (back-references, look-around, atomic groups, possessive quantifiers) are refused by name:
/// without them every pattern runs in time linear in the message (see ``RegexProgram``).
indirect enum RegexNode: Equatable {
    case empty
    case scalar(Unicode.Scalar)
    case any
    case set(RegexSet)
    case concat([RegexNode])
    case alternation([RegexNode])
    case repeated(RegexNode, min: Int, max: Int?, greedy: Bool)
    case assertion(RegexAssertion)
}

enum RegexAssertion: Equatable {
    case start, end, wordBoundary, notWordBoundary
}

/// A set of characters: ranges, and the classes `\d \w \s`, possibly negated.
struct RegexSet: Equatable {
    var ranges: [ClosedRange<UInt32>] = []
    var digits = false
    var word = false
    var space = false
    var negatedClasses: [RegexSet] = []
    var negated = false

    func contains(_ scalar: Unicode.Scalar, foldingCase: Bool) -> Bool {
        var found = matches(scalar)
        if !found && foldingCase {
            for variant in [Self.lower(scalar), Self.upper(scalar)] where variant != scalar {
                if matches(variant) {
                    found = true
                    break
                }
            }
        }
        return found != negated
    }

    private func matches(_ scalar: Unicode.Scalar) -> Bool {
        if ranges.contains(where: { $0.contains(scalar.value) }) { return true }
        if digits && Self.isDigit(scalar) { return true }
        if word && Self.isWord(scalar) { return true }
        if space && scalar.properties.isWhitespace { return true }
        return negatedClasses.contains { !$0.matches(scalar) }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType == .decimal
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                || value == 0x5F
        }
        return scalar.properties.isAlphabetic || isDigit(scalar)
    }

    /// What `\b` sees on each side: not a word character, a word character, or a character of
    /// a script written without spaces (Chinese, Japanese, Thai, …). A change of kind is a
    /// boundary, so `\b[A-Z]{2}\d{6}\b` finds the order number in "我的訂單AB123456到哪裡了",
    /// where ICU would see one long word and find nothing.
    enum WordKind { case none, spaced, unspaced }

    static func wordKind(_ scalar: Unicode.Scalar) -> WordKind {
        guard isWord(scalar) else { return .none }
        return isUnspaced(scalar) ? .unspaced : .spaced
    }

    static func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.isASCII
            ? (("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            : scalar.properties.lowercaseMapping.unicodeScalars.count == 1
                ? scalar.properties.lowercaseMapping.unicodeScalars.first! : scalar
    }

    static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.isASCII
            ? (("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32)! : scalar)
            : scalar.properties.uppercaseMapping.unicodeScalars.count == 1
                ? scalar.properties.uppercaseMapping.unicodeScalars.first! : scalar
    }
}

/// Why a pattern was refused, and where.
struct RegexSyntaxError: Error, Equatable {
    var message: String
}

/// Reads a pattern into a ``RegexNode``.
struct RegexParser {
    /// The most a counted repetition may say, so a pattern cannot ask for a huge program.
    static let largestCount = 1_000

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private(set) var ignoresCase = false

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        let node = try alternation()
        guard index == scalars.count else { throw fail("unbalanced ')'") }
        return node
    }

    private func fail(_ message: String) -> RegexSyntaxError {
        RegexSyntaxError(message: "\(message) at character \(index + 1)")
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard current == scalar else { return false }
        index += 1
        return true
    }

    private mutating func alternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try sequence()]
        while take("|") { branches.append(try sequence()) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            var atom = try self.atom()
            if let (min, max, greedy) = try quantifier() {
                if case .assertion = atom { throw fail("nothing to repeat") }
                if case .empty = atom { throw fail("nothing to repeat") }
                atom = .repeated(atom, min: min, max: max, greedy: greedy)
                if current == "*" || current == "+" || current == "?" || current == "{" {
                    throw fail("a quantifier after a quantifier (possessive or nested) is not supported")
                }
            }
            items.append(atom)
        }
        return items.isEmpty ? .empty : items.count == 1 ? items[0] : .concat(items)
    }

    private mutating func quantifier() throws(RegexSyntaxError) -> (Int, Int?, Bool)? {
        let start = index
        var bounds: (Int, Int?)
        if take("*") {
            bounds = (0, nil)
        } else if take("+") {
            bounds = (1, nil)
        } else if take("?") {
            bounds = (0, 1)
        } else if take("{") {
            guard let min = number() else {
                index = start
                return nil
            }
            var max: Int? = min
            if take(",") { max = number() }
            guard take("}") else { throw fail("unclosed '{'") }
            if let max, max < min { throw fail("{\(min),\(max)} counts down") }
            guard min <= Self.largestCount, (max ?? 0) <= Self.largestCount else {
                throw fail("a count above \(Self.largestCount)")
            }
            bounds = (min, max)
        } else {
            return nil
        }
        let greedy = !take("?")
        return (bounds.0, bounds.1, greedy)
    }

    private mutating func number() -> Int? {
        var value: Int?
        while let scalar = current, ("0"..."9").contains(scalar) {
            value = min(Self.largestCount + 1, (value ?? 0) * 10 + Int(scalar.value - 48))
            index += 1
        }
        return value
    }

    private mutating func atom() throws(RegexSyntaxError) -> RegexNode {
        guard let scalar = current else { throw fail("the pattern ends too soon") }
        index += 1
        switch scalar {
        case "(":
            if take("?") {
                if take(":") { return try group() }
                if take("i") {
                    guard take(")") else { throw fail("only the flag (?i) is supported") }
                    ignoresCase = true
                    return .empty
                }
                if current == "=" || current == "!" || current == "<" {
                    throw fail("look-around needs backtracking and is not supported")
                }
                if current == ">" { throw fail("atomic groups are not supported") }
                throw fail("unknown group (?\(current.map { String($0) } ?? ""))")
            }
            return try group()
        case ")": throw fail("unbalanced ')'")
        case ".": return .any
        case "^": return .assertion(.start)
        case "$": return .assertion(.end)
        case "[": return .set(try set())
        case "\\": return try escape(inSet: false)
        case "*", "+", "?": throw fail("nothing to repeat")
        default: return .scalar(scalar)
        }
    }

    private mutating func group() throws(RegexSyntaxError) -> RegexNode {
        let inner = try alternation()
        guard take(")") else { throw fail("unclosed '('") }
        return inner
    }

    private mutating func escape(inSet: Bool) throws(RegexSyntaxError) -> RegexNode {
        guard let scalar = current else { throw fail("a '\\' ends the pattern") }
        index += 1
        switch scalar {
        case "d": return .set(RegexSet(digits: true))
        case "D": return .set(RegexSet(digits: true, negated: true))
        case "w": return .set(RegexSet(word: true))
        case "W": return .set(RegexSet(word: true, negated: true))
        case "s": return .set(RegexSet(space: true))
        case "S": return .set(RegexSet(space: true, negated: true))
        case "b" where !inSet: return .assertion(.wordBoundary)
        case "B" where !inSet: return .assertion(.notWordBoundary)
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case "1"..."9": throw fail("back-references need backtracking and are not supported")
        default:
            guard !scalar.properties.isAlphabetic || !scalar.isASCII else { throw fail("unknown escape \\\(scalar)") }
            return .scalar(scalar)
        }
    }

    private mutating func set() throws(RegexSyntaxError) -> RegexSet {
        var result = RegexSet()
        result.negated = take("^")
        var first = true
        while let scalar = current, scalar != "]" || first {
            first = false
            index += 1
            var low: Unicode.Scalar
            if scalar == "\\" {
                let escaped = try escape(inSet: true)
                switch escaped {
                case .scalar(let value): low = value
                case .set(let set) where set.negated:
                    result.negatedClasses.append(RegexSet(digits: set.digits, word: set.word, space: set.space))
                    continue
                case .set(let set):
                    result.digits = result.digits || set.digits
                    result.word = result.word || set.word
                    result.space = result.space || set.space
                    continue
                default: throw fail("unsupported escape in a class")
                }
            } else {
                low = scalar
            }
            if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                guard var high = current else { throw fail("unclosed '['") }
                index += 1
                if high == "\\" {
                    guard case .scalar(let value) = try escape(inSet: true) else {
                        throw fail("a class cannot end a range")
                    }
                    high = value
                }
                guard low.value <= high.value else { throw fail("the range \(low)-\(high) runs backwards") }
                result.ranges.append(low.value...high.value)
            } else {
                result.ranges.append(low.value...low.value)
            }
        }
        guard take("]") else { throw fail("unclosed '['") }
        return result
    }
}
