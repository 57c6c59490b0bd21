import Testing

@testable import Usher

@Suite("EmailExtractor")
struct EmailExtractorTests {
    let emails = EmailExtractor()

    @Test(arguments: [
        ("Write to John.Doe+tag@Example.co.uk.", "john.doe+tag@example.co.uk", "John.Doe+tag@Example.co.uk"),
        ("<ann_o-k%x@mail-1.example.com>", "ann_o-k%x@mail-1.example.com", "ann_o-k%x@mail-1.example.com"),
        ("mail: a@b.io", "a@b.io", "a@b.io"), ("😀 x@y.fr 😀", "x@y.fr", "x@y.fr"),
        ("..dot@example.com", "dot@example.com", "dot@example.com"),
        ("我忘記密碼了，email是wang@example.com.tw", "wang@example.com.tw", "wang@example.com.tw"),
        ("請寄到wang@example.com.tw謝謝", "wang@example.com.tw", "wang@example.com.tw"),
    ])
    func readsAddresses(text: String, value: String, matched: String) {
        let matches = emails.extract(from: text, context: mondayContext)
        #expect(matches.map(\.value) == [value])
        #expect(matches.map(\.text) == [matched])
        #expect(matches.allSatisfy { slice(text, $0.range) == $0.text })
    }

    @Test(arguments: [
        "a@b", "user@localhost", "@example.com", "name@.com", "name@example.c", "name@example.123", "josé@example.com",
        "dot.@example.com", "a@-x.com", "a@x-.com", "a@@b.com", "a@b..com", "@@@", "",
    ])
    func ignoresWhatIsNotAnAddress(text: String) {
        #expect(emails.values(in: text) == [])
    }

    @Test func findsSeveralAddresses() {
        #expect(emails.values(in: "a@x.io, B@Y.io;c@z.org") == ["a@x.io", "b@y.io", "c@z.org"])
    }
}
