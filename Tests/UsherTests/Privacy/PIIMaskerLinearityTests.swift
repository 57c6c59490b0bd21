import Testing

@testable import Usher

/// The masker runs on every logged message, so no input may make it slow: these count the bytes
/// it reads from adversarial 200 KB texts (no clocks) and require a constant per byte. The
/// constant is that of a card attempt, at every group of digits, which reads up to 19 digits and
/// their separators ahead ("1 1 1 …" is the worst case, about 33 reads a byte); anything that
/// read a run again from each of its groups would need thousands.
@Suite("PIIMasker linearity")
struct PIIMaskerLinearityTests {
    static let size = 200_000

    @Test(arguments: [
        "1", "1 ", "11 ", "1-", "(1)", "(1", "+1 ", "(+1 ", "4111 ", "4111-", "2026 - 03 - 03 - ", "30 . 11 . 2026 . ",
        "DE89 ", "DE89 1234 ", "AB12", "a@", "a@b.", ".@", "a.", "@a.bc ", "+", "1.", "$1 ",
    ])
    func readsAdversarialTextsInLinearTime(unit: String) {
        let text = String(repeating: unit, count: Self.size / unit.utf8.count)
        let (masked, reads) = Self.mask(text)
        #expect(masked == nil)
        #expect(reads <= 40 * text.utf8.count, "\(reads) reads for \(text.utf8.count) bytes")
    }

    @Test(arguments: [
        ("4111 1111 1111 1111 ", "**** **** **** 1111 "), ("a@b.io ", "[email] "), ("+1 800 555 0199 ", "[phone] "),
        ("DE89 3704 0044 0532 0130 00 ", "[iban] "),
    ])
    func readsTextsFullOfPersonalDataInLinearTime(unit: String, masked: String) {
        let count = Self.size / unit.utf8.count
        let (result, reads) = Self.mask(String(repeating: unit, count: count))
        #expect(result.map { String(decoding: $0, as: UTF8.self) } == String(repeating: masked, count: count))
        #expect(reads <= 40 * Self.size, "\(reads) reads for \(Self.size) bytes")
    }

    /// The masked bytes (`nil`: unchanged) and how many byte reads it took.
    private static func mask(_ text: String) -> ([UInt8]?, Int) {
        let bytes = CountingBytes(Array(text.utf8))
        return (PIIMasker.masked(bytes), bytes.counter.reads)
    }
}

/// UTF-8 bytes that count how often they are read.
private struct CountingBytes: RandomAccessCollection {
    final class Counter {
        var reads = 0
    }

    let bytes: [UInt8]
    let counter = Counter()

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var startIndex: Int { 0 }
    var endIndex: Int { bytes.count }

    subscript(position: Int) -> UInt8 {
        counter.reads += 1
        return bytes[position]
    }
}
