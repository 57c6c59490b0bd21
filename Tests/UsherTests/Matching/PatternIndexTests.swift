import Testing

@testable import Usher

@Suite("PatternIndex")
struct PatternIndexTests {
    typealias Element = PatternIndex.Compiled.Element

    /// The rule, by brute force: earlier wildcards and captures take as few words as they can.
    static func reference(
        _ elements: ArraySlice<Element>, _ words: ArraySlice<String>, _ captures: inout [String: String]
    )
        -> Bool
    {
        guard let element = elements.first else { return words.isEmpty }
        let rest = elements.dropFirst()
        switch element {
        case .word(let word):
            return words.first == word && reference(rest, words.dropFirst(), &captures)
        case .wildcard:
            for take in 0...words.count where reference(rest, words.dropFirst(take), &captures) { return true }
            return false
        case .capture(let name):
            guard !words.isEmpty else { return false }
            for take in 1...words.count where reference(rest, words.dropFirst(take), &captures) {
                captures[name] = words.prefix(take).joined(separator: " ")
                return true
            }
            return false
        }
    }

    /// Thousands of random patterns and messages over a three-word alphabet: the linear matcher
    /// agrees with brute force on whether they match and on what every capture takes.
    @Test func agreesWithBruteForce() {
        var random = SeededRandom(seed: 9)
        let alphabet = ["a", "b", "c"]
        for _ in 0..<5_000 {
            var elements: [Element] = []
            for index in 0..<(1 + random.next(below: 6)) {
                switch random.next(below: 4) {
                case 0: elements.append(.wildcard)
                case 1 where elements.last.map { if case .capture = $0 { false } else { true } } ?? true:
                    elements.append(.capture("s\(index)"))
                default: elements.append(.word(alphabet[random.next(below: 3)]))
                }
            }
            if !elements.contains(where: { if case .word = $0 { true } else { false } }) { elements.append(.word("a")) }
            let words = (0..<random.next(below: 9)).map { _ in alphabet[random.next(below: 3)] }
            var expected: [String: String] = [:]
            var actual: [String: String] = [:]
            let want = Self.reference(elements[...], words[...], &expected)
            let got = PatternIndex.matches(elements, words, &actual)
            #expect(got == want, "\(elements) on \(words)")
            if want { #expect(actual == expected, "\(elements) on \(words)") }
        }
    }

    /// `* a * a * a * a * a * a * a * a * b *` against 200,000 words: the old matcher needed
    /// elements × words² steps (hours); linear, it is milliseconds, match or no match.
    @Test(.timeLimit(.minutes(1))) func manyWildcardsCostTheMessagesLengthOnce() {
        let elements: [Element] =
            Array(repeating: [Element.wildcard, .word("a")], count: 8).flatMap { $0 } + [
                .wildcard, .word("b"), .wildcard,
            ]
        let words = Array(repeating: "a", count: 200_000)
        var captures: [String: String] = [:]
        #expect(!PatternIndex.matches(elements, words, &captures))
        #expect(PatternIndex.matches(elements, words + ["b"], &captures))
        let slots: [Element] = [.capture("x"), .word("a"), .capture("y"), .word("a"), .capture("z"), .word("b")]
        #expect(!PatternIndex.matches(slots, words, &captures))
    }
}
