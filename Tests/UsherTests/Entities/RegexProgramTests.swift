import Foundation
import Testing

@testable import Usher

@Suite("RegexProgram")
struct RegexProgramTests {
    private func ours(_ pattern: String, _ text: String) throws -> [String] {
        let scalars = Array(text.unicodeScalars)
        return try RegexProgram(pattern).matches(in: scalars).map {
            String(String.UnicodeScalarView(scalars[$0]))
        }
    }

    private func icu(_ pattern: String, _ text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            $0.range.length == 0 ? nil : Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    /// The patterns bots write, on random texts: the linear engine finds what ICU's backtracking
    /// engine finds, match for match.
    @Test(arguments: [
        "\\b[A-Z]{2}\\d{6}\\b", "(?i)\\bPN-?\\d{6}\\b", "\\d+", "[a-c]+x?", "(ab|a)(c|bcd)", "a*?b", "a+?", "(a|b)*c",
        "colou?r", "\\bcat\\b", "^a", "b$", "\\w+@\\w+\\.com", "[^ab ]+", "\\s\\d{3}\\s", "(?:x|y){2,3}", "a{2,}",
        "\\Bb", "[\\d-]+",
    ])
    func agreesWithICU(pattern: String) throws {
        var random = SeededRandom(seed: UInt64(pattern.utf8.count))
        let pieces = [
            "a", "b", "c", "x", "y", " ", "1", "2", "AB", "PN-", "pn", "123456", "@", ".com", "-", "colour", "cat",
        ]
        for _ in 0..<300 {
            let text = (0..<random.next(below: 12)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            #expect(try ours(pattern, text) == icu(pattern, text), "\(pattern) on \"\(text)\"")
        }
    }

    /// Chinese and Japanese are written without spaces, so ICU's `\b` finds no boundary between
    /// "訂單" and "AB123456" and an order number in a Chinese sentence is never found (issue 13).
    /// Here a change between such a script and another word character is a boundary; ICU's
    /// answer is kept everywhere else (the test above).
    @Test func aWordBoundaryFallsBetweenUnspacedScriptsAndOthers() throws {
        #expect(try ours("\\b[A-Z]{2}\\d{6}\\b", "我的訂單AB123456到哪裡了") == ["AB123456"])
        #expect(try ours("\\b[A-Z]{2}\\d{6}\\b", "注文AB123456はどこ") == ["AB123456"])
        #expect(try icu("\\b[A-Z]{2}\\d{6}\\b", "我的訂單AB123456到哪裡了") == [])
        // Still no boundary inside a Latin word, or between two Chinese characters.
        #expect(try ours("\\b[A-Z]{2}\\d{6}\\b", "XAB123456") == [])
        #expect(try ours("\\b單", "訂單") == [])
        #expect(try ours("\\bcafé\\b", "un café noir") == ["café"])
    }

    /// Patterns that make backtracking engines take exponential time (issue 11: one message
    /// with `(a+)+$` froze every session for 25 s) take linear time here: 100,000 characters
    /// each, within a generous bound that an exponential engine cannot meet.
    @Test(.timeLimit(.minutes(1)), arguments: ["(a+)+$", "(a|a)*b", "(x+x+)+y", "^(\\w+\\s?)*$", "(a*)*b"])
    func catastrophicPatternsStayLinear(pattern: String) throws {
        let attack = "where is my order " + String(repeating: "a", count: 100_000) + "!"
        let program = try RegexProgram(pattern)
        _ = program.matches(in: Array(attack.unicodeScalars))
        let xs = String(repeating: "x", count: 100_000)
        _ = program.matches(in: Array(xs.unicodeScalars))
    }
}

extension RegexProgramTests {
    /// `a.*b|c` on "a c a c …": every search after a match used to read to the end again
    /// (quadratic); the reading budget keeps it linear, at the cost of the matches past it.
    @Test(.timeLimit(.minutes(1))) func rereadingIsBounded() throws {
        let text = Array(String(repeating: "a c ", count: 50_000).unicodeScalars)
        let found = try RegexProgram("a.*b|c").matches(in: text)
        #expect(found.count >= RegexProgram.readingsPerMessage - 1)
        #expect(found.count < 50_000)
        #expect(try RegexProgram("c").matches(in: text).count == 50_000)
    }
}

/// Random patterns over a small alphabet of regex syntax (a seeded fuzzer): compiling never
/// traps, and whatever both engines accept, they match alike on random texts.
@Suite("RegexProgram fuzz")
struct RegexProgramFuzzTests {
    @Test func randomPatternsCompileSafelyAndAgreeWithICU() throws {
        var random = SeededRandom(seed: 2026)
        let tokens = [
            "a", "b", "c", ".", "*", "+", "?", "|", "(", ")", "(?:", "[ab]", "[^a]", "{1,2}", "{2}", "\\d", "1", "\\b",
            "^", "$", "*?",
        ]
        var compared = 0
        for _ in 0..<4_000 {
            let pattern = (0..<(1 + random.next(below: 8))).map { _ in tokens[random.next(below: tokens.count)] }
                .joined()
            guard let ours = try? RegexProgram(pattern), let icu = try? NSRegularExpression(pattern: pattern) else {
                continue
            }
            for _ in 0..<5 {
                let letters: [Character] = ["a", "b", "c", "1", " "]
                let text = String((0..<random.next(below: 10)).map { _ in letters[random.next(below: 5)] })
                let scalars = Array(text.unicodeScalars)
                let mine = ours.matches(in: scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
                let theirs = icu.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                    $0.range.length == 0 ? nil : Range($0.range, in: text).map { String(text[$0]) }
                }
                #expect(mine == theirs, "/\(pattern)/ on \"\(text)\"")
                compared += 1
            }
        }
        #expect(compared > 1_000)
    }
}
