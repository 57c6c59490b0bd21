/// One reading of a telephone-like run of digit groups from one start: "+1 800 555 0199",
/// "(800) 555-0199", "+44 (0)20 7946 0958".
///
/// ``PhoneExtractor`` (entities) and ``PIIMasker`` (logs) read numbers the same way and differ only
/// in which readings they accept, so the reading lives here and each applies its own rule to it.
/// Groups are digits, possibly in parentheses (with a `+` inside the first ones), separated by a
/// space, a hyphen, a dot or " - "; a closing parenthesis may stand for the separator. The
/// scanner allocates nothing, and a run is read once: ``skipTo`` says where the next reading
/// should start, so that scanning a whole text stays linear in its length.
struct PhoneScanner {
    /// The digits of one group, with its value while it is short enough to be part of a date.
    private struct Group {
        var digits = 0
        var value = 0
        var separator: UInt8?
        var end = 0
    }

    /// Whether the number starts with `+`, or `(+`.
    private(set) var hasPlus = false
    /// The digits read, counted up to 16 (one more than the E.164 maximum of 15).
    private(set) var digitCount = 0
    /// The groups read.
    private(set) var groupCount = 0
    /// Whether a dot separates two groups.
    private(set) var hasDot = false
    /// Whether a group is written in parentheses.
    private(set) var hasParentheses = false
    /// Whether every group after the first has exactly three digits, as thousands do.
    private(set) var laterGroupsHaveThreeDigits = true
    /// The number of digits of the first group.
    var firstGroupDigits: Int { first.digits }
    /// Where the last group ends.
    private(set) var end: Int
    /// Where to look for the next phone number if this one is not one.
    private(set) var skipTo: Int

    private var first = Group()
    private var second = Group()
    private var third = Group()

    init<Bytes: RandomAccessCollection<UInt8>>(scanning bytes: Bytes, from start: Int) where Bytes.Index == Int {
        end = start
        skipTo = start + 1
        var position = start
        if bytes[position] == UInt8(ascii: "+") {
            hasPlus = true
            position += 1
        } else if bytes[position] == UInt8(ascii: "("), position + 1 < bytes.count,
            bytes[position + 1] == UInt8(ascii: "+")
        {
            hasPlus = true  // "(+44) 20 7946 0958"
        }
        var separator: UInt8?
        while let (length, groupEnd) = Self.group(in: bytes, at: position, first: groupCount == 0) {
            let parenthesized = bytes[position] == UInt8(ascii: "(")
            let mayBeShort = groupCount == 0 || (hasPlus && groupCount == 1) || parenthesized
            guard length > 1 || mayBeShort else { break }
            record(Group(digits: length, separator: separator, end: groupEnd), from: bytes[position..<groupEnd])
            hasParentheses = hasParentheses || parenthesized
            end = groupEnd
            // A date's groups are done with: reading on would only be read again after the date.
            if groupCount == 3 && isDate { break }
            guard let (mark, next) = Self.separator(in: bytes, at: groupEnd, afterParenthesis: parenthesized)
            else { break }
            separator = mark
            position = next
        }
        skipTo = isDate ? third.end : max(end, start + 1)
    }

    /// Whether the groups have a telephone number's shape: 7 to 15 digits, not a date or a range
    /// of years, and dotted groups only three or more at a time (so that decimals are not).
    var hasPhoneShape: Bool {
        (7...15).contains(digitCount) && !isDate && !isYearRange && (!hasDot || groupCount >= 3)
    }

    /// Whether the first three groups are written as a date, year first or last, with one
    /// separator: a day of 1 to 31 and a month of 1 to 12, whether or not that month has that
    /// day, since "30.02.2026" is a mistyped or impossible date, not a phone number.
    var isDate: Bool {
        guard !hasPlus, groupCount >= 3, let mark = second.separator, third.separator == mark,
            mark != UInt8(ascii: " ")
        else { return false }
        if first.digits == 4 && second.digits <= 2 && third.digits <= 2 {
            return Self.isDayOfMonth(third.value, month: second.value, year: first.value)
        }
        if first.digits <= 2 && second.digits <= 2 && third.digits == 4 {
            return Self.isDayOfMonth(first.value, month: second.value, year: third.value)
        }
        return false
    }

    /// Whether `day` is 1 to 31, `month` 1 to 12 and `year` 1 to 9999.
    private static func isDayOfMonth(_ day: Int, month: Int, year: Int) -> Bool {
        (1...31).contains(day) && (1...12).contains(month) && (1...9999).contains(year)
    }

    /// Whether the number is two years joined by a hyphen, as in "2019-2026".
    var isYearRange: Bool {
        guard !hasPlus, groupCount == 2, first.digits == 4, second.digits == 4 else { return false }
        return (1900...2099).contains(first.value) && (1900...2099).contains(second.value)
    }

    private mutating func record<Digits: Collection<UInt8>>(_ group: Group, from bytes: Digits) {
        var group = group
        for byte in bytes where Self.isDigit(byte) {
            if group.value < 10_000 { group.value = group.value * 10 + Int(byte - UInt8(ascii: "0")) }
            if digitCount < 16 { digitCount += 1 }
        }
        if group.separator == UInt8(ascii: ".") { hasDot = true }
        if groupCount > 0 && group.digits != 3 { laterGroupsHaveThreeDigits = false }
        switch groupCount {
        case 0: first = group
        case 1: second = group
        case 2: third = group
        default: break
        }
        groupCount += 1
    }

    /// The length and end of a group of digits at `position`, possibly in parentheses (with a
    /// `+` inside them when it is the first group).
    private static func group<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at position: Int, first: Bool)
        -> (Int, Int)? where Bytes.Index == Int
    {
        var cursor = position
        let parenthesized = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "(")
        if parenthesized { cursor += 1 }
        if parenthesized && first && cursor < bytes.count && bytes[cursor] == UInt8(ascii: "+") {
            cursor += 1
        }
        let digitsStart = cursor
        while cursor < bytes.count && isDigit(bytes[cursor]) { cursor += 1 }
        let length = cursor - digitsStart
        guard length > 0 else { return nil }
        if parenthesized {
            guard cursor < bytes.count && bytes[cursor] == UInt8(ascii: ")") else { return nil }
            cursor += 1
        }
        return (length, cursor)
    }

    /// The separator after a group, " ", "-", "." or " - ", and where the next group starts.
    /// After a closing parenthesis the separator may be left out.
    private static func separator<Bytes: RandomAccessCollection<UInt8>>(
        in bytes: Bytes, at position: Int, afterParenthesis: Bool
    ) -> (UInt8, Int)? where Bytes.Index == Int {
        var cursor = position
        var mark: UInt8?
        if cursor < bytes.count && bytes[cursor] == UInt8(ascii: " ") {
            mark = bytes[cursor]
            cursor += 1
        }
        if cursor < bytes.count && (bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: ".")) {
            mark = bytes[cursor]
            cursor += 1
            if cursor < bytes.count && bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        }
        guard cursor < bytes.count, isDigit(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "(") else { return nil }
        if let mark { return (mark, cursor) }
        return afterParenthesis || bytes[cursor] == UInt8(ascii: "(") ? (UInt8(ascii: " "), cursor) : nil
    }

    // MARK: Edges

    /// Whether a number may start at `offset`: a digit, `+` or `(` that does not continue a word
    /// or number before it.
    static func mayStart<Bytes: RandomAccessCollection<UInt8>>(at offset: Int, in bytes: Bytes) -> Bool
    where Bytes.Index == Int {
        let byte = bytes[offset]
        guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(") || isDigit(byte) else { return false }
        return !isGluedBefore(offset, in: bytes)
    }

    /// Whether the byte at `offset` continues a word or number before it ("AB123", "1.5", "10:30").
    static func isGluedBefore<Bytes: RandomAccessCollection<UInt8>>(_ offset: Int, in bytes: Bytes) -> Bool
    where Bytes.Index == Int {
        if bytes.isWordScalar(before: offset) { return true }
        guard offset >= 2, ".,:/-+".utf8.contains(bytes[offset - 1]) else { return false }
        return bytes.scalar(before: offset - 1)?.properties.numericType != nil
    }

    /// Whether the text at `offset` continues the number: letters, or a separator and more digits ("555-0199.5").
    static func isGluedAfter<Bytes: RandomAccessCollection<UInt8>>(_ offset: Int, in bytes: Bytes) -> Bool
    where Bytes.Index == Int {
        if bytes.isWordScalar(at: offset) { return true }
        guard offset < bytes.count, ".,:/-".utf8.contains(bytes[offset]),
            let (afterThat, _) = bytes.scalar(at: offset + 1)
        else { return false }
        return afterThat.properties.numericType != nil
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
