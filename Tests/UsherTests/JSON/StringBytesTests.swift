import Testing

@testable import Usher

/// Reading a string's UTF-8 bytes from one buffer, as sentiment and the protocol's writer do.
@Suite("String bytes")
struct StringBytesTests {
    @Test(arguments: ["", "hi", "a small string", String(repeating: "long text ", count: 20), "café ❤️ 中文"])
    func lendsTheStringsOwnBytes(text: String) {
        #expect(text.withUTF8Bytes { Array($0) } == Array(text.utf8))
        let slice = Substring(text)
        #expect(String(slice).withUTF8Bytes { Array($0) } == Array(text.utf8))
    }

    @Test func findsRunsOfBytes() {
        let check = { (haystack: String, needle: String) in haystack.withUTF8Bytes { $0.containsBytes(needle.utf8) } }
        #expect(check("thanks :)", ":)"))
        #expect(check(":)", ":)"))
        #expect(!check("thanks :-)", ":)"))
        #expect(!check(":", ":)"))
        #expect(check("anything", ""))
        #expect(check("love ❤️ it", "❤️"))
        #expect(!check("love ❤ it", "❤️"))
    }
}
