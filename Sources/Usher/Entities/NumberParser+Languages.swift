/// Numbers in the words of languages other than English.
extension NumberParser {
    /// Russian: separate words from the largest place down, each place at most once, with one
    /// thousands multiplier: "двадцать пять", "сто двенадцать", "две тысячи двадцать шесть",
    /// "тысяча". "один два" is two numbers, since a place cannot follow a smaller one.
    static func spacedWords(in message: EntityMessage, at index: Int, language: Language) -> (value: Int, end: Int)? {
        let numbers = language.numbers
        var (thousands, current, end) = (0, 0, index)
        var smallestPlace = Int.max
        while let word = message.word(end).map(language.folding.fold) {
            if let value = numbers.values[word] {
                let place = value >= 100 ? 100 : value >= 20 ? 10 : 1
                guard place < smallestPlace else { break }
                current += value
                // After a unit or a teen nothing smaller is left to add.
                smallestPlace = place == 1 ? 0 : place
            } else if let multiplier = numbers.multipliers[word], thousands == 0, smallestPlace > 0 || current > 0,
                current < multiplier
            {
                thousands = max(current, 1) * multiplier
                current = 0
                smallestPlace = multiplier
            } else {
                break
            }
            end += 1
        }
        return end > index ? (thousands + current, end) : nil
    }

    /// German: one word built from parts, "fünfundzwanzig", "zweihundertzwölf",
    /// "dreitausendvierhundert", "hundert". Articles ("ein", "eine") are no number on their own.
    static func compoundWord(in message: EntityMessage, at index: Int, language: Language) -> (value: Int, end: Int)? {
        guard let word = message.word(index).map(language.folding.fold),
            language.numbers.articles[word] == nil || word == "eins",
            let value = compound(word, numbers: language.numbers, below: Int.max)
        else { return nil }
        return (value, index + 1)
    }

    /// A compound number below `limit`: split at its largest multiplier ("zwei|hundert|zwölf"),
    /// or a unit joined to its tens ("fünf|und|zwanzig"), or a word of the table.
    private static func compound(_ word: String, numbers: NumberWords, below limit: Int) -> Int? {
        guard !word.isEmpty else { return nil }
        for (name, multiplier) in numbers.multipliers.sorted(by: { $0.value > $1.value }) where multiplier < limit {
            guard let range = Self.range(of: name, in: word) else { continue }
            let head = String(word[..<range.lowerBound])
            var tail = String(word[range.upperBound...])
            if let joiner = numbers.joiners.first(where: { tail.hasPrefix($0) }), tail.count > joiner.count {
                tail.removeFirst(joiner.count)
            }
            guard let count = head.isEmpty ? 1 : compound(head, numbers: numbers, below: multiplier),
                let rest = tail.isEmpty ? 0 : compound(tail, numbers: numbers, below: multiplier)
            else { return nil }
            return count * multiplier + rest
        }
        if let value = numbers.values[word] { return value < limit ? value : nil }
        for joiner in numbers.joiners {
            guard let range = Self.range(of: joiner, in: word) else { continue }
            guard let unit = numbers.values[String(word[..<range.lowerBound])], (1...9).contains(unit),
                let tens = numbers.values[String(word[range.upperBound...])], tens >= 20, tens % 10 == 0
            else { return nil }
            return unit + tens < limit ? unit + tens : nil
        }
        return nil
    }

    /// Where `part` first occurs in `word`, compared as UTF-8 bytes: both are folded words of the
    /// language's tables, and this runs for every word of every German message (Foundation's
    /// `range(of:)` cost 30,000 instructions a message, the standard library's `firstRange(of:)`
    /// more).
    private static func range(of part: String, in word: String) -> Range<String.Index>? {
        let (bytes, needle) = (word.utf8, part.utf8)
        guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
        var start = bytes.startIndex
        let last = bytes.index(bytes.endIndex, offsetBy: -needle.count)
        while start <= last {
            if bytes[start...].starts(with: needle) { return start..<bytes.index(start, offsetBy: needle.count) }
            bytes.formIndex(after: &start)
        }
        return nil
    }

    /// Chinese: characters with place values, "五", "十五", "二十五", "一百零五", "三千二百",
    /// "兩萬". Two digits in a row ("一二") end the number at the first. The number of a weekday's
    /// name ("星期五", "週三") names the day: it is no number, so no count or hour either.
    static func characterNumber(in message: EntityMessage, at index: Int, language: Language) -> (
        value: Int, end: Int
    )? {
        let numbers = language.numbers
        var (total, section, end) = (0, 0, index)
        var digit: Int?
        var smallestPlace = Int.max
        while end < message.tokens.count, message.tokens[end].kind == .character, end == index || message.touches(end) {
            let character = message.tokens[end].text
            if let value = numbers.values[character] {
                if let digit, digit != 0 { break }
                digit = value
            } else if let place = numbers.multipliers[character] {
                if place >= 10000 {
                    guard section + (digit ?? 0) > 0, total == 0 else { break }
                    total = (section + (digit ?? 0)) * place
                    section = 0
                    smallestPlace = Int.max
                } else {
                    guard place < smallestPlace else { break }
                    section += (digit ?? 1) * place
                    smallestPlace = place
                }
                digit = nil
            } else {
                break
            }
            end += 1
        }
        guard end > index, !continuesWeekday(in: message, at: index, weekdays: language.calendar.weekdays) else {
            return nil
        }
        return (total + section + (digit ?? 0), end)
    }

    /// Whether token `index` is part of a weekday's name that starts before it, as 五 is of
    /// "星期五" and 三 of "下週三".
    private static func continuesWeekday(in message: EntityMessage, at index: Int, weekdays: PhraseTable<Int>) -> Bool {
        (max(0, index - weekdays.longestPhrase + 1)..<index).contains { start in
            weekdays.match(at: start, token: message.word).map { $0.end > index } ?? false
        }
    }
}
