/// Finds times of day: "3pm", "3 pm", "3:30 p.m.", "3.30pm", "15:30", "noon", "midnight".
///
/// The value is 24-hour `HH:MM`. A bare hour ("at 9", "9 o'clock") is not a time: it could be
/// morning or evening, or not a time at all; the bot should ask. A part of the day makes it one
/// ("8 in the evening", "9 o'clock at night"), read from the language's vocabulary as in the
/// other languages. "3:30" without am or pm is read as a
/// 24-hour clock (03:30). Seconds ("15:30:10") are accepted and dropped.
///
/// Other languages add their own words (see `TimeExtractor+Languages.swift`): "в 3 часа дня",
/// "10 утра", "um 15 Uhr", "9 Uhr 30 abends", "下午3點", "晚上八點半".
public struct TimeExtractor: MessageExtractor {
    public let type = "time"

    public init() {}

    func extract(from message: EntityMessage, context: EntityContext) -> [EntityMatch] {
        let language = context.resolvedLanguage
        // A time in words needs a named time, an hour word or a part of the day: a message with
        // none (most) skips the word reader at every position.
        let calendar = language.calendar
        let hasTimeWords = message.tokens.indices.contains { index in
            calendar.hourWords.match(at: index, token: message.anyToken) != nil
                || calendar.dayParts.match(at: index, token: message.word) != nil
                || calendar.namedTimes.match(at: index, token: message.word) != nil
        }
        return message.scanTokens(type) { index in
            let local = hasTimeWords ? localTime(in: message, at: index, language: language) : nil
            guard
                let (hour, minute, end) = [local, namedTime(in: message, at: index), clockTime(in: message, at: index)]
                    .compactMap({ $0 }).max(by: { $0.2 < $1.2 })
            else {
                return nil
            }
            return (Self.twoDigits(hour) + ":" + Self.twoDigits(minute), end)
        }
    }

    /// "noon", "midday", "midnight", and "12 noon".
    private func namedTime(in message: EntityMessage, at index: Int) -> (Int, Int, Int)? {
        let wordIndex = message.digits(index) == "12" && !message.isGluedBefore(index) ? index + 1 : index
        switch message.word(wordIndex) {
        case "noon", "midday": return (12, 0, wordIndex + 1)
        case "midnight": return (0, 0, wordIndex + 1)
        default: return nil
        }
    }

    /// "3pm", "3:30 pm", "3.30 a.m.", "15:30", "15:30:10".
    private func clockTime(in message: EntityMessage, at index: Int) -> (Int, Int, Int)? {
        guard let hourText = message.digits(index), hourText.utf8.count <= 2, !message.isGluedBefore(index),
            let hour = Int(hourText)
        else { return nil }
        var minute: Int?
        var separator: String?
        var end = index + 1
        if let (value, next) = twoDigits(in: message, after: end, separators: [":", "."]) {
            minute = value
            separator = message.tokens[end].text
            end = next
            if separator == ":", let (_, afterSeconds) = twoDigits(in: message, after: end, separators: [":"]) {
                end = afterSeconds
            }
        }
        if let meridiemEnd = meridiem(in: message, at: end), (1...12).contains(hour), (minute ?? 0) < 60 {
            let isPM = message.word(end)?.first == "p"
            return ((hour % 12) + (isPM ? 12 : 0), minute ?? 0, meridiemEnd)
        }
        guard separator == ":", let minute, hour < 24, minute < 60, !message.isGluedAfter(end) else { return nil }
        return (hour, minute, end)
    }

    /// Two digits after a separator touching the token before: the minutes or seconds of a clock time.
    private func twoDigits(in message: EntityMessage, after index: Int, separators: [String]) -> (Int, Int)? {
        guard separators.contains(where: { message.isSymbol(index, $0) }), message.touches(index),
            message.touches(index + 1), let digits = message.digits(index + 1), digits.utf8.count == 2
        else { return nil }
        return (Int(digits)!, index + 2)
    }

    /// The token after "am", "pm", "a.m." or "p.m." at `index`, if one is there.
    private func meridiem(in message: EntityMessage, at index: Int) -> Int? {
        switch message.word(index) {
        case "am", "pm":
            return message.isGluedAfter(index + 1) ? nil : index + 1
        case "a", "p":
            guard message.isSymbol(index + 1, "."), message.touches(index + 1), message.word(index + 2) == "m",
                message.touches(index + 2)
            else { return nil }
            return message.isSymbol(index + 3, ".") && message.touches(index + 3) ? index + 4 : index + 3
        default:
            return nil
        }
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
