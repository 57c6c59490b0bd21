/// Finds telephone numbers, national or international: "+1 800 555 0199", "(800) 555-0199",
/// "0800 123 456", "+44 (0)20 7946 0958", "800.555.0199".
///
/// A phone number has 7 to 15 digits (the E.164 maximum) in groups separated by a space, a
/// hyphen or a dot, with parentheses around a group allowed. Digits written without separators
/// count only from 10 digits on (7 after a `+`), so that order numbers and amounts stay numbers;
/// dotted groups need three groups or more, so that decimals stay numbers; and groups that form a
/// date ("2026-03-03", "03.03.2026") or a range of years ("2019-2026") are not phone numbers.
/// The value is the digits, after a `+` if one was written: `+18005550199`.
public struct PhoneExtractor: MessageExtractor {
    public let type = "phone"

    public init() {}

    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch] {
        let bytes = message.utf8
        var matches: [EntityMatch] = []
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(") || Self.isDigit(byte),
                !isGluedBefore(offset, in: message)
            else {
                offset += 1
                continue
            }
            let candidate = Candidate(scanning: bytes, from: offset)
            if let value = candidate.value, !isGluedAfter(candidate.end, in: message) {
                matches.append(message.match(type, value: value, bytes: offset..<candidate.end))
            }
            offset = max(candidate.skipTo, offset + 1)
        }
        return matches
    }

    /// Groups of digits and their separators, read as far as they go from one start.
    private struct Candidate {
        private var hasPlus = false
        private var digits: [UInt8] = []
        private var digitCount = 0
        private var groups: [(digits: Int, separator: UInt8?, end: Int)] = []
        /// Where the last group ends.
        private(set) var end: Int
        /// Where to look for the next phone number if this one is not one.
        private(set) var skipTo: Int

        init(scanning bytes: [UInt8], from start: Int) {
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
            while let (length, groupEnd) = Self.group(in: bytes, at: position, first: groups.isEmpty) {
                let parenthesized = bytes[position] == UInt8(ascii: "(")
                let mayBeShort = groups.isEmpty || (hasPlus && groups.count == 1) || parenthesized
                guard length > 1 || mayBeShort else { break }
                if groups.count < 16 { groups.append((length, separator, groupEnd)) }
                for byte in bytes[position..<groupEnd] where PhoneExtractor.isDigit(byte) && digitCount < 16 {
                    digits.append(byte)
                    digitCount += 1
                }
                end = groupEnd
                guard let (mark, next) = Self.separator(in: bytes, at: groupEnd, afterParenthesis: parenthesized)
                else { break }
                separator = mark
                position = next
            }
            skipTo = max(end, start + 1)
            if isDate { skipTo = groups[2].end }
        }

        /// The phone number's canonical value, or `nil` when the groups do not make one.
        var value: String? {
            guard (7...15).contains(digitCount), !isDate, !isYearRange else { return nil }
            if groups.count == 1 && digitCount < (hasPlus ? 7 : 10) { return nil }
            if groups.contains(where: { $0.separator == UInt8(ascii: ".") }) && groups.count < 3 { return nil }
            return (hasPlus ? "+" : "") + String(decoding: digits, as: UTF8.self)
        }

        /// Whether the first three groups are a date, year first or last, with one separator.
        private var isDate: Bool {
            guard !hasPlus, groups.count >= 3, let mark = groups[1].separator, groups[2].separator == mark,
                mark != UInt8(ascii: " ")
            else { return false }
            if groups[0].digits == 4 && groups[1].digits <= 2 && groups[2].digits <= 2 {
                return CalendarDate(year: number(0), month: number(1), day: number(2)) != nil
            }
            if groups[0].digits <= 2 && groups[1].digits <= 2 && groups[2].digits == 4 {
                return CalendarDate(year: number(2), month: number(1), day: number(0)) != nil
            }
            return false
        }

        /// Whether the number is two years joined by a hyphen, as in "2019-2026".
        private var isYearRange: Bool {
            guard !hasPlus, groups.count == 2, groups[0].digits == 4, groups[1].digits == 4 else { return false }
            return (1900...2099).contains(number(0)) && (1900...2099).contains(number(1))
        }

        /// The value of the group at `index` (one of the first three, whose digits are all kept).
        private func number(_ index: Int) -> Int {
            let start = groups[..<index].reduce(0) { $0 + $1.digits }
            return digits[start..<start + groups[index].digits].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }

        /// The length and end of a group of digits at `position`, possibly in parentheses (with a
        /// `+` inside them when it is the first group).
        private static func group(in bytes: [UInt8], at position: Int, first: Bool) -> (Int, Int)? {
            var cursor = position
            let parenthesized = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "(")
            if parenthesized { cursor += 1 }
            if parenthesized && first && cursor < bytes.count && bytes[cursor] == UInt8(ascii: "+") {
                cursor += 1
            }
            let digitsStart = cursor
            while cursor < bytes.count && PhoneExtractor.isDigit(bytes[cursor]) { cursor += 1 }
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
        private static func separator(in bytes: [UInt8], at position: Int, afterParenthesis: Bool) -> (UInt8, Int)? {
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
            guard cursor < bytes.count, PhoneExtractor.isDigit(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "(")
            else { return nil }
            if let mark { return (mark, cursor) }
            return afterParenthesis || bytes[cursor] == UInt8(ascii: "(") ? (UInt8(ascii: " "), cursor) : nil
        }
    }

    /// Whether the byte at `offset` continues a word or number before it.
    private func isGluedBefore(_ offset: Int, in message: EntityMessage) -> Bool {
        guard let previous = message.scalar(before: offset) else { return false }
        if Self.isWordScalar(previous) { return true }
        guard ".,:/-+".unicodeScalars.contains(previous), let beforeThat = message.scalar(before: offset - 1) else {
            return false
        }
        return beforeThat.properties.numericType != nil
    }

    /// Whether the text at `offset` continues the number: letters, or a separator and more digits ("555-0199.5").
    private func isGluedAfter(_ offset: Int, in message: EntityMessage) -> Bool {
        guard let (next, length) = message.scalar(at: offset) else { return false }
        if Self.isWordScalar(next) { return true }
        guard ".,:/-".unicodeScalars.contains(next), let (afterThat, _) = message.scalar(at: offset + length) else {
            return false
        }
        return afterThat.properties.numericType != nil
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
