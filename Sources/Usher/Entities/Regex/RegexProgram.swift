/// A compiled regular expression that finds its matches in time linear in the text: a Thompson
/// NFA run as a Pike VM (as RE2 does), every thread advanced in step over the text, so no
/// pattern can make a message cost more than (text length × program size) steps per search.
/// Leftmost-first semantics, as Perl and ICU: the leftmost match, and among those the one the
/// pattern prefers (greedy quantifiers long, lazy ones short, earlier alternatives first).
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        case scalar(Unicode.Scalar)
        case any
        case set(RegexSet)
        /// Try `first`, then `second` (lower priority).
        case split(Int, Int)
        case jump(Int)
        case assertion(RegexAssertion)
        case match
    }

    /// The most instructions a pattern may compile to (counted repetitions are unrolled).
    static let largestProgram = 20_000

    let instructions: [Instruction]
    let ignoresCase: Bool

    init(_ pattern: String) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern)
        let tree = try parser.parse()
        var compiler = Compiler()
        try compiler.emit(tree)
        compiler.code.append(.match)
        instructions = compiler.code
        ignoresCase = parser.ignoresCase
        firstCharacters = Self.firstCharacters(of: compiler.code)
        requiresDigit = Self.requiresDigit(compiler.code)
    }

    /// Whether every match holds a decimal digit (order numbers, policy numbers, phones): a
    /// message without one is not searched at all, which is most chat.
    let requiresDigit: Bool

    /// True when `match` cannot be reached from the start without reading a digit.
    private static func requiresDigit(_ code: [Instruction]) -> Bool {
        func onlyDigits(_ set: RegexSet) -> Bool {
            !set.negated && set.negatedClasses.isEmpty && !set.word && !set.space
                && set.ranges.allSatisfy { $0.lowerBound >= 0x30 && $0.upperBound <= 0x39 }
                && (set.digits || !set.ranges.isEmpty)
        }
        var seen: Set<Int> = []
        var stack = [0]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch code[pc] {
            case .match: return false
            case .jump(let target): stack.append(target)
            case .split(let first, let second): stack += [first, second]
            case .assertion: stack.append(pc + 1)
            case .scalar(let scalar): if !("0"..."9").contains(scalar) { stack.append(pc + 1) }
            case .set(let set): if !onlyDigits(set) { stack.append(pc + 1) }
            case .any: stack.append(pc + 1)
            }
        }
        return true
    }

    /// The characters a match can begin with, when the pattern cannot match empty text and
    /// they form one set: positions where none stands start no thread.
    let firstCharacters: RegexSet?

    private static func firstCharacters(of code: [Instruction]) -> RegexSet? {
        var result = RegexSet()
        var seen: Set<Int> = []
        var stack = [0]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch code[pc] {
            case .jump(let target): stack.append(target)
            case .split(let first, let second): stack += [first, second]
            case .assertion: stack.append(pc + 1)
            case .scalar(let scalar): result.ranges.append(scalar.value...scalar.value)
            case .set(let set):
                guard !set.negated, set.negatedClasses.isEmpty else { return nil }
                result.ranges += set.ranges
                result.digits = result.digits || set.digits
                result.word = result.word || set.word
                result.space = result.space || set.space
            case .any, .match: return nil
            }
        }
        return result
    }

    private struct Compiler {
        var code: [Instruction] = []

        mutating func emit(_ node: RegexNode) throws(RegexSyntaxError) {
            guard code.count <= RegexProgram.largestProgram else {
                throw RegexSyntaxError(message: "the pattern is too large once its counts are written out")
            }
            switch node {
            case .empty: break
            case .scalar(let scalar): code.append(.scalar(scalar))
            case .any: code.append(.any)
            case .set(let set): code.append(.set(set))
            case .assertion(let assertion): code.append(.assertion(assertion))
            case .concat(let nodes): for node in nodes { try emit(node) }
            case .alternation(let branches):
                var jumps: [Int] = []
                for (offset, branch) in branches.enumerated() {
                    if offset < branches.count - 1 {
                        let split = code.count
                        code.append(.split(split + 1, -1))
                        try emit(branch)
                        jumps.append(code.count)
                        code.append(.jump(-1))
                        code[split] = .split(split + 1, code.count)
                    } else {
                        try emit(branch)
                    }
                }
                for jump in jumps { code[jump] = .jump(code.count) }
            case .repeated(let inner, let min, let max, let greedy):
                for _ in 0..<min { try emit(inner) }
                if let max {
                    // Each optional copy: try it (greedy) or skip to the end.
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(code.count)
                        code.append(.split(-1, -1))
                        try emit(inner)
                    }
                    for split in splits {
                        code[split] = greedy ? .split(split + 1, code.count) : .split(code.count, split + 1)
                    }
                } else {
                    let split = code.count
                    code.append(.split(-1, -1))
                    try emit(inner)
                    code.append(.jump(split))
                    code[split] = greedy ? .split(split + 1, code.count) : .split(code.count, split + 1)
                }
            }
        }
    }

    /// How many times over the text the searches of one message may read it in all. One search
    /// reads at most the whole text, but a pattern such as `a.*b|c` can make every search after
    /// a match read to the end again; past this many readings the rest of the message is left
    /// unsearched, so every pattern costs at most this × text × program steps.
    static let readingsPerMessage = 8

    /// Every non-overlapping match, left to right, as ranges of scalar offsets; empty matches
    /// are skipped.
    func matches(in text: [Unicode.Scalar]) -> [Range<Int>] {
        if requiresDigit && !text.contains(where: RegexSet.isDigit) { return [] }
        var found: [Range<Int>] = []
        var start = 0
        var machine = Machine(size: instructions.count)
        machine.budget = Self.readingsPerMessage * (text.count + 1)
        while start <= text.count, let match = firstMatch(in: text, from: start, &machine) {
            if match.isEmpty {
                start = match.upperBound + 1
                continue
            }
            found.append(match)
            start = match.upperBound
        }
        return found
    }

    /// The thread lists, kept between searches so a message allocates them once.
    struct Machine {
        var current: [(pc: Int, start: Int)] = []
        var next: [(pc: Int, start: Int)] = []
        var visits: Visits
        var generation = 0
        /// Positions the searches may still read (see ``RegexProgram/readingsPerMessage``).
        var budget = 0

        init(size: Int) {
            visits = Visits(seen: Array(repeating: -1, count: size))
        }
    }

    /// What adding a thread reads and writes besides the thread list, kept in the ``Machine``
    /// so that adding a thread allocates nothing.
    struct Visits {
        /// The generation in which each instruction was last added.
        var seen: [Int]
        /// The instructions still to follow.
        var pending: [Int] = []
    }

    private func firstMatch(in text: [Unicode.Scalar], from origin: Int, _ machine: inout Machine) -> Range<Int>? {
        machine.current.removeAll(keepingCapacity: true)
        var best: Range<Int>?
        var position = origin
        machine.generation += 1
        startThread(at: position, text, &machine.current, &machine.visits, machine.generation)
        while true {
            machine.budget -= 1
            if machine.budget < 0 { return nil }
            if machine.current.isEmpty {
                // Nothing alive: a match found is final; without one, try the next position.
                guard best == nil, position < text.count else { return best }
                position += 1
                machine.generation += 1
                startThread(at: position, text, &machine.current, &machine.visits, machine.generation)
                continue
            }
            machine.generation += 1
            machine.next.removeAll(keepingCapacity: true)
            let scalar: Unicode.Scalar? = position < text.count ? text[position] : nil
            var index = 0
            while index < machine.current.count {
                let thread = machine.current[index]
                index += 1
                switch instructions[thread.pc] {
                case .match:
                    best = thread.start..<position
                    // Lower-priority threads can only give a worse match.
                    index = machine.current.count
                case .scalar(let expected):
                    if let scalar, equal(scalar, expected) {
                        add(
                            thread.pc + 1, start: thread.start, at: position + 1, text, &machine.next, &machine.visits,
                            machine.generation)
                    }
                case .any:
                    if let scalar, scalar != "\n" {
                        add(
                            thread.pc + 1, start: thread.start, at: position + 1, text, &machine.next, &machine.visits,
                            machine.generation)
                    }
                case .set(let set):
                    if let scalar, set.contains(scalar, foldingCase: ignoresCase) {
                        add(
                            thread.pc + 1, start: thread.start, at: position + 1, text, &machine.next, &machine.visits,
                            machine.generation)
                    }
                case .split, .jump, .assertion:
                    break
                }
            }
            guard position < text.count else { return best }
            position += 1
            // While no match is found, a new thread starts here too, after every older one: the
            // leftmost match wins.
            if best == nil { startThread(at: position, text, &machine.next, &machine.visits, machine.generation) }
            swap(&machine.current, &machine.next)
            if machine.current.isEmpty && best != nil { return best }
        }
    }

    /// A thread for a match starting at `position`, unless the character there cannot begin one.
    private func startThread(
        at position: Int, _ text: [Unicode.Scalar], _ list: inout [(pc: Int, start: Int)], _ visits: inout Visits,
        _ generation: Int
    ) {
        if let first = firstCharacters, position < text.count, !first.contains(text[position], foldingCase: ignoresCase)
        {
            return
        }
        add(0, start: position, at: position, text, &list, &visits, generation)
    }

    /// Adds a thread at `pc`, following jumps, splits (in priority order) and assertions.
    private func add(
        _ pc: Int, start: Int, at position: Int, _ text: [Unicode.Scalar], _ list: inout [(pc: Int, start: Int)],
        _ visits: inout Visits, _ generation: Int
    ) {
        visits.pending.append(pc)
        while let pc = visits.pending.popLast() {
            guard visits.seen[pc] != generation else { continue }
            visits.seen[pc] = generation
            switch instructions[pc] {
            case .jump(let target): visits.pending.append(target)
            case .split(let first, let second):
                visits.pending.append(second)
                visits.pending.append(first)
            case .assertion(let assertion):
                if holds(assertion, at: position, text) { visits.pending.append(pc + 1) }
            default:
                list.append((pc, start))
            }
        }
    }

    private func holds(_ assertion: RegexAssertion, at position: Int, _ text: [Unicode.Scalar]) -> Bool {
        switch assertion {
        case .start: return position == 0
        case .end: return position == text.count
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 ? RegexSet.wordKind(text[position - 1]) : .none
            let after = position < text.count ? RegexSet.wordKind(text[position]) : .none
            return (before != after) == (assertion == .wordBoundary)
        }
    }

    private func equal(_ scalar: Unicode.Scalar, _ expected: Unicode.Scalar) -> Bool {
        scalar == expected || (ignoresCase && RegexSet.lower(scalar) == RegexSet.lower(expected))
    }
}
