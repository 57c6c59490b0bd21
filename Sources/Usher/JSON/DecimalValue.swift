/// The value a JSON number's text stands for, exactly: its sign, significant digits and the
/// power of ten of the last one, so that two spellings of one number compare equal (`1e2`,
/// `100`, `100.0`) and a number a double cannot hold compares unequal to what the double holds
/// (`1e-400` is not `0`).
struct DecimalValue: Equatable {
    var negative: Bool
    /// Significant digits, without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// The power of ten of the last digit.
    var exponent: Int

    /// The value of a JSON number's text (`-1.25e-3`); `nil` when it is not one.
    init?(_ text: some Collection<UInt8>) {
        var bytes = text.makeIterator()
        var next = bytes.next()
        negative = next == UInt8(ascii: "-")
        if negative { next = bytes.next() }
        var all: [UInt8] = []
        var fraction = 0
        var inFraction = false
        var sawDigit = false
        while let byte = next, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            if byte == UInt8(ascii: ".") && !inFraction {
                inFraction = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                sawDigit = true
                if !all.isEmpty || byte != UInt8(ascii: "0") { all.append(byte) }
                if inFraction { fraction += 1 }
            } else {
                return nil
            }
            next = bytes.next()
        }
        guard sawDigit else { return nil }
        var power = 0
        if next != nil {
            next = bytes.next()
            let negativePower = next == UInt8(ascii: "-")
            if negativePower || next == UInt8(ascii: "+") { next = bytes.next() }
            guard next != nil else { return nil }
            while let byte = next {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                // Past a billion the exact power no longer matters: no double is that far from 1.
                power = min(power * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000_000)
                next = bytes.next()
            }
            if negativePower { power = -power }
        }
        // Leading zeros of the fraction were skipped with the integer's; they still count as places.
        var trailing = 0
        while let last = all.last, last == UInt8(ascii: "0") {
            all.removeLast()
            trailing += 1
        }
        digits = all
        exponent = all.isEmpty ? 0 : power - fraction + trailing
        if all.isEmpty { negative = false }
    }
}
