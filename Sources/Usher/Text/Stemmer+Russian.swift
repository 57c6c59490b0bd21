/// Russian stems after the Snowball algorithm (snowballstem.org/algorithms/russian): endings are
/// removed only inside the word's regions, RV (after its first vowel) and R2, in four steps:
/// a perfective gerund, or else a reflexive ending and then an adjectival, verb or noun ending;
/// a final -и; a derivational -ость in R2; a superlative, a doubled н or a soft sign.
///
/// The normaliser folds й into и (as it folds ё into е), so every ending is written here with и:
/// "доступной" arrives as "доступнои" and loses its adjective ending "ои" like "доступный"
/// ("доступныи") loses "ыи". On MASSIVE val the stemmer bought Russian +0.5 points over the
/// light one it replaced (see docs/matching.md).
extension Stemmer {
    /// The stem of a lower-case Cyrillic word.
    static func russianStem(_ word: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let regions = RussianRegions(word)
        let rv = regions.rv
        var word = word
        if let end = RussianEndings.perfectiveGerunds.cut(word, from: rv) {
            word = word[..<end]
        } else {
            word = word.dropLast(RussianEndings.reflexive.longest(in: word, from: rv))
            let adjective = RussianEndings.adjectives.longest(in: word, from: rv)
            if adjective > 0 {
                word = word.dropLast(adjective)
                if let end = RussianEndings.participles.cut(word, from: rv) { word = word[..<end] }
            } else if let end = RussianEndings.verbs.cut(word, from: rv) {
                word = word[..<end]
            } else {
                word = word.dropLast(RussianEndings.nouns.longest(in: word, from: rv))
            }
        }
        word = word.dropLast(RussianEndings.finalI.longest(in: word, from: rv))
        word = word.dropLast(RussianEndings.derivational.longest(in: word, from: max(rv, regions.r2)))
        if RussianEndings.doubleN.longest(in: word, from: rv) > 0 { return word.dropLast(2) }
        let superlative = RussianEndings.superlatives.longest(in: word, from: rv)
        if superlative > 0 {
            word = word.dropLast(superlative)
            return RussianEndings.doubleN.longest(in: word, from: rv) > 0 ? word.dropLast(2) : word
        }
        return word.dropLast(RussianEndings.softSign.longest(in: word, from: rv))
    }
}

/// Where a Russian word's regions start, as indices of its bytes: RV after the first vowel, R1
/// after the first consonant that follows a vowel, R2 after the next such consonant in R1.
struct RussianRegions {
    private(set) var rv: Int
    private(set) var r2: Int

    init(_ word: ArraySlice<UInt8>) {
        let end = word.endIndex
        rv = end
        r2 = end
        var r1: Int?
        var index = word.startIndex
        var previousIsVowel = false
        while index < end {
            let width = UTF8Width.ofLeadByte(word[index])
            let next = index + width
            let isVowel = width == 2 && next <= end && Self.isVowel(word[index], word[index + 1])
            if isVowel && rv == end { rv = next }
            if !isVowel && previousIsVowel {
                if r1 == nil {
                    r1 = next
                } else {
                    r2 = next
                    return
                }
            }
            previousIsVowel = isVowel
            index = next
        }
    }

    /// а е и о у ы э ю я ё, as their two UTF-8 bytes.
    private static func isVowel(_ lead: UInt8, _ trail: UInt8) -> Bool {
        switch (lead, trail) {
        case (0xD0, 0xB0), (0xD0, 0xB5), (0xD0, 0xB8), (0xD0, 0xBE): true
        case (0xD1, 0x83), (0xD1, 0x8B), (0xD1, 0x8D), (0xD1, 0x8E), (0xD1, 0x8F), (0xD1, 0x91): true
        default: false
        }
    }
}

/// A class of Russian endings, longest first; some of them count only after а or я.
struct RussianEndings: Sendable {
    private struct Ending {
        var bytes: [UInt8]
        /// The last two bytes (every ending has a Cyrillic letter, two bytes, at least): most
        /// endings are ruled out by comparing them alone.
        var last: UInt16
        var afterAOrYa: Bool

        init(_ text: Substring, afterAOrYa: Bool) {
            bytes = Array(text.utf8)
            last = UInt16(bytes[bytes.count - 2]) << 8 | UInt16(bytes[bytes.count - 1])
            self.afterAOrYa = afterAOrYa
        }
    }

    private let endings: [Ending]

    /// `anywhere` count after any letter, `afterAOrYa` only after а or я (which stay).
    init(_ anywhere: String, afterAOrYa: String = "") {
        let plain = anywhere.split(separator: " ").map { Ending($0, afterAOrYa: false) }
        let conditional = afterAOrYa.split(separator: " ").map { Ending($0, afterAOrYa: true) }
            .filter { ending in !plain.contains { $0.bytes == ending.bytes } }
        endings = (plain + conditional).sorted { $0.bytes.count > $1.bytes.count }
    }

    /// The byte length of the longest ending `word` has at or after `start` (0 for none).
    func longest(in word: ArraySlice<UInt8>, from start: Int) -> Int {
        longestMatch(in: word, from: start).map { endings[$0].bytes.count } ?? 0
    }

    /// Where `word` ends without its longest ending at or after `start`; `nil` if it has none, or if
    /// that ending needs an а or я before it (inside the region) and has none.
    func cut(_ word: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard let match = longestMatch(in: word, from: start) else { return nil }
        let end = word.endIndex - endings[match].bytes.count
        guard endings[match].afterAOrYa else { return end }
        guard end - 2 >= start else { return nil }
        let (lead, trail) = (word[end - 2], word[end - 1])
        return (lead, trail) == (0xD0, 0xB0) || (lead, trail) == (0xD1, 0x8F) ? end : nil
    }

    /// The index of the longest ending that `word` has at or after `start`.
    private func longestMatch(in word: ArraySlice<UInt8>, from start: Int) -> Int? {
        let end = word.endIndex
        guard end - start >= 2 else { return nil }
        let last = UInt16(word[end - 2]) << 8 | UInt16(word[end - 1])
        for index in endings.indices where endings[index].last == last {
            let count = endings[index].bytes.count
            if end - count >= start && word[(end - count)...].elementsEqual(endings[index].bytes) { return index }
        }
        return nil
    }

    static let perfectiveGerunds = RussianEndings("ив ивши ившись ыв ывши ывшись", afterAOrYa: "в вши вшись")
    static let reflexive = RussianEndings("ся сь")
    static let adjectives = RussianEndings(
        "ее ие ые ое ими ыми еи ии ыи ои ем им ым ом его ого ему ому их ых ую юю ая яя ою ею")
    static let participles = RussianEndings("ивш ывш ующ", afterAOrYa: "ем нн вш ющ щ")
    static let verbs = RussianEndings(
        "ила ыла ена еите уите ите или ыли еи уи ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю",
        afterAOrYa: "ла на ете ите ли и л ем н ло но ет ют ны ть ешь нно")
    static let nouns = RussianEndings(
        "а ев ов ие ье е иями ями ами еи ии и иеи ои иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я")
    static let finalI = RussianEndings("и")
    static let derivational = RussianEndings("ост ость")
    static let superlatives = RussianEndings("еиш еише")
    static let doubleN = RussianEndings("нн")
    static let softSign = RussianEndings("ь")
}

extension Stemmer {
    /// A Russian stem without the verb prefix it starts with (the longest of по-, за-, пере-, вы- …),
    /// if at least four letters remain: "запост" → "пост", "удал" → `nil`.
    static func russianPrefixless(_ stem: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard stem.first.map({ $0 >= 0x80 }) == true else { return nil }
        for prefix in russianVerbPrefixes where stem.count - prefix.count >= 8 {
            if stem.starts(with: prefix) { return stem.dropFirst(prefix.count) }
        }
        return nil
    }

    /// Longest first, so that "пере" is tried before "по".
    private static let russianVerbPrefixes: [[UInt8]] =
        "недо пере воз под при про раз рас вы за на до от об из вз по со у с".split(separator: " ")
        .map { Array($0.utf8) }.sorted { $0.count > $1.count }
}
