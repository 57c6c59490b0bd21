/// How a language asks for something *not* to be done, so that "please don't cancel my order" is
/// not read as a request to cancel it.
///
/// A class: every compiled bot and dialog engine holds its language's rules, and engines are
/// copied per turn; as a struct its dozen sets and arrays made each copy retain them all
/// (8,900 instructions a served request).
///
/// A bag of words cannot tell "cancel my order" from "don't cancel my order": both share every
/// word that matters. The matcher asks these rules which words of a message a request's negation
/// covers; when the word that pulled most towards the best intent is one of them, and none of
/// that intent's examples has it negated, the message is not that intent (``Matcher``).
///
/// Only negated *requests* count: "don't cancel …", "I don't want to talk to a person", "не
/// отменяйте", "ich möchte nicht stornieren", "不要取消". A negated statement describes a problem
/// ("I don't know my password", "не работает", "mein Passwort funktioniert nicht") and is left
/// alone, since that is how customers report what an intent is for. A negation counts as a
/// request when
/// - its cue is a request cue by itself ("不要", "別"), or
/// - the cue opens its clause, after skipped words ("please don't …", "do not …"), in a language
///   whose negated verbs at the start are imperatives (English, not Russian's "не работает"), or
/// - a carrier follows the cue ("don't *want* to …", "не *хочу* …"), or stands before it in a
///   clause that ends in a verb (German puts the verb last: "ich *möchte* meine Bestellung nicht
///   stornieren", "… nicht mit einem Menschen sprechen"), or
/// - the word after the cue ends like an imperative ("не отмен*яйте*"), or
/// - the cue ends a clause that holds a request marker and does not open with a pronoun, article
///   or question word: German "Bitte storniere meine Bestellung nicht".
///
/// What it covers: the words after the cue (past carriers and skipped words) up to the end of
/// the clause; for a cue that ends its clause, the words before it. A clause ends at a comma, full
/// stop, semicolon, colon, question or exclamation mark (ASCII or full-width), at a boundary word
/// ("but", "sondern", "но", "但"), at a subject that opens the next one ("… cancel I want to
/// change …") or at the end of the message.
final class NegationRules: Sendable {
    /// Cues, as normalised token sequences ("do not" → `["do", "not"]`; Chinese: characters).
    let cues: [[String]]
    /// Cues that make a request wherever they stand ("不要", "別").
    let requestCues: Set<[String]>
    /// Words that make a negation a request and pass it on to the verb after them ("want").
    let carriers: Set<String>
    /// Words that join a carrier to its verb ("to" of "don't want to cancel"). A carrier with
    /// neither a link nor a verb after it takes an object ("I don't want the item"), which
    /// rejects a thing rather than a request: the refund it leads to is what the customer wants.
    let links: Set<String>
    /// Endings of the verbs a carrier takes without a link (Russian "-ть": "не хочу отменять",
    /// German "-en": "ich möchte nicht stornieren").
    let verbEndings: [String]
    /// Verbs whose negation states a problem, not a request: "don't know", "don't understand",
    /// "don't forget to …" (which asks for the thing itself).
    let statementVerbs: Set<String>
    /// Words that hold a cue without being one: Chinese "特別" (special) and "別人" (others) hold
    /// "別" (don't).
    let notCues: [[String]]
    /// Words passed over between a cue and what it covers ("please", "to").
    let skips: Set<String>
    /// Words that end a clause and start the next.
    let boundaries: Set<String>
    /// Subjects that start the next clause after a negation's ("I" of "don't cancel, I want …");
    /// unlike boundaries they do not end the clause before a cue ("I don't know …").
    let subjects: Set<String>
    /// Whether a cue that opens its clause is a request by itself (English "don't cancel").
    let openingCueIsRequest: Bool
    /// Endings of imperatives, as the normaliser leaves them (Russian "-йте" is "-ите").
    let imperativeEndings: [String]
    /// First words of a clause that show a cue ending it negates a statement, not a request.
    let statementOpeners: Set<String>
    /// Words that make a clause ending in a cue a request ("bitte" of "bitte storniere meine
    /// Bestellung nicht"); without one it is taken for a statement ("Einloggen mit Google geht
    /// nicht mehr").
    let requestMarkers: Set<String>

    /// A language without rules: nothing is ever negated.
    static let none = NegationRules(cues: [])

    init(
        cues: [String], requestCues: [String] = [], carriers: Set<String> = [], links: Set<String> = [],
        verbEndings: [String] = [], statementVerbs: Set<String> = [], notCues: [String] = [], skips: Set<String> = [],
        boundaries: Set<String> = [], subjects: Set<String> = [], openingCueIsRequest: Bool = false,
        imperativeEndings: [String] = [], statementOpeners: Set<String> = [], requestMarkers: Set<String> = []
    ) {
        func tokens(_ phrase: String) -> [String] { TextNormalizer.normalize(phrase).words }
        func words(_ set: Set<String>) -> Set<String> { Set(set.flatMap(tokens)) }
        self.requestCues = Set(requestCues.map(tokens))
        // Longest first, so that "do not" is read before a shorter cue inside it could be.
        self.cues = (cues + requestCues).map(tokens).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        self.carriers = words(carriers)
        self.links = words(links)
        self.verbEndings = verbEndings.map { tokens($0).joined() }
        self.statementVerbs = words(statementVerbs)
        self.notCues = notCues.map(tokens)
        self.skips = words(skips)
        self.boundaries = words(boundaries)
        self.subjects = words(subjects)
        self.openingCueIsRequest = openingCueIsRequest
        self.imperativeEndings = imperativeEndings.map { tokens($0).joined() }
        self.statementOpeners = words(statementOpeners)
        self.requestMarkers = words(requestMarkers)
        cueBytes = self.cues.map { $0.map { Array($0.utf8) } }
        var bits = [UInt64](repeating: 0, count: 4)
        for byte in self.cues.compactMap({ $0.first?.utf8.first }) { bits[Int(byte >> 6)] |= 1 << (byte & 63) }
        firstByteBits = bits
    }

    /// The cues as bytes, to compare with a message's tokens without making strings.
    private let cueBytes: [[[UInt8]]]
    /// A bit per byte value that starts a cue: most tokens are ruled out by one test.
    private let firstByteBits: [UInt64]

    var isEmpty: Bool { cues.isEmpty }

    /// One negated request in a message: the cue's tokens, the tokens it covers, and the clause
    /// they stand in.
    struct Scope: Sendable, Equatable {
        var cue: Range<Int>
        var covered: [Int]
        var clause: Range<Int>
    }

    /// The negated requests of `text`, normalised from `raw`, in order. Cheap when there are
    /// none: a token is compared with the cues only when its first byte starts one, and the
    /// punctuation of `raw` is read only once a cue is found.
    func scopes(in text: NormalizedText, raw: String) -> [Scope] {
        guard !cues.isEmpty else { return [] }
        var found: [Scope] = []
        var breaks: [Int]?
        var index = 0
        let count = text.tokens.count
        while index < count {
            let range = text.tokens[index].range
            guard !range.isEmpty, startsCue(text.utf8[range.lowerBound]),
                let cueIndex = cueBytes.firstIndex(where: { matches($0, at: index, in: text) })
            else {
                index += 1
                continue
            }
            let cue = cues[cueIndex]
            let cueRange = index..<(index + cue.count)
            let inWord = notCues.contains { word in
                (max(0, index - word.count + 1)...index).contains { start in
                    start + word.count >= cueRange.upperBound
                        && matches(word.map { Array($0.utf8) }, at: start, in: text)
                }
            }
            if inWord {
                index += 1
                continue
            }
            if breaks == nil { breaks = Self.clauseBreaks(raw) }
            if let scope = scope(of: cue, at: cueRange, in: text, breaks: breaks ?? []) { found.append(scope) }
            index = cueRange.upperBound
        }
        return found
    }

    private func startsCue(_ byte: UInt8) -> Bool { firstByteBits[Int(byte >> 6)] & (1 << (byte & 63)) != 0 }

    private func matches(_ cue: [[UInt8]], at index: Int, in text: NormalizedText) -> Bool {
        guard index + cue.count <= text.tokens.count else { return false }
        for (offset, word) in cue.enumerated() {
            let range = text.tokens[index + offset].range
            guard range.count == word.count, text.utf8[range].elementsEqual(word) else { return false }
        }
        return true
    }

    /// The indices of the tokens that start a clause after a punctuation mark.
    static func clauseBreaks(_ raw: String) -> [Int] {
        var breaks: [Int] = []
        var tokens = 0
        for piece in TextNormalizer.clauses(raw).dropLast() {
            tokens += TextNormalizer.normalize(String(piece)).tokens.count
            breaks.append(tokens)
        }
        return breaks
    }

    private func scope(of cue: [String], at cueRange: Range<Int>, in text: NormalizedText, breaks: [Int]) -> Scope? {
        let words = text.tokens.map { text.text(of: $0) }
        let sentenceStart = breaks.last { $0 <= cueRange.lowerBound } ?? 0
        let clauseStart = max(
            (words[..<cueRange.lowerBound].lastIndex { boundaries.contains($0) } ?? -1) + 1, sentenceStart)
        // What follows the cue within its sentence: skipped words, then perhaps a carrier with
        // its link, and more skipped words.
        let sentenceEnd = breaks.first { $0 > cueRange.lowerBound } ?? words.count
        var next = cueRange.upperBound
        while next < sentenceEnd, skips.contains(words[next]) { next += 1 }
        var carried = false
        if next < sentenceEnd, carriers.contains(words[next]) {
            next += 1
            if next < sentenceEnd, links.contains(words[next]) {
                next += 1
            } else if next >= sentenceEnd || !isVerb(words[next]) {
                return nil
            }
            carried = true
            while next < sentenceEnd, skips.contains(words[next]) { next += 1 }
        }
        let clauseEnd = min(
            words[next..<sentenceEnd].firstIndex { boundaries.contains($0) || subjects.contains($0) } ?? sentenceEnd,
            sentenceEnd)
        let before = (clauseStart..<cueRange.lowerBound).filter { !skips.contains(words[$0]) }
        if next < clauseEnd {
            guard !statementVerbs.contains(words[next]) else { return nil }
            // A cue opens a request only where a sentence starts: "… but don't know …" leaves
            // out its subject and states a problem.
            let opens = (sentenceStart..<cueRange.lowerBound).allSatisfy { skips.contains(words[$0]) }
            let request =
                requestCues.contains(cue) || carried || (openingCueIsRequest && opens)
                || (before.contains { carriers.contains(words[$0]) }
                    && (isVerb(words[next]) || isVerb(words[clauseEnd - 1])))
                || imperativeEndings.contains { words[next].hasSuffix($0) }
            return request
                ? Scope(cue: cueRange, covered: Array(next..<clauseEnd), clause: clauseStart..<clauseEnd) : nil
        }
        // The cue ends its clause: it negates what came before, if that was a request.
        let covered = before.filter { !carriers.contains(words[$0]) }
        guard let first = covered.first, !statementOpeners.contains(words[first]),
            (clauseStart..<cueRange.lowerBound).contains(where: { requestMarkers.contains(words[$0]) })
        else { return nil }
        return Scope(cue: cueRange, covered: covered, clause: clauseStart..<cueRange.upperBound)
    }

    /// Whether `word` ends like the verb a carrier takes without a link.
    private func isVerb(_ word: String) -> Bool {
        verbEndings.contains { word.count > $0.count + 2 && word.hasSuffix($0) }
    }
}
