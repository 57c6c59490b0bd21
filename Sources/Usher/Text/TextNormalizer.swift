import Foundation

/// Turns raw customer text into ``NormalizedText``: NFKC, case folding, accents removed from
/// Latin, Greek and Cyrillic letters, Simplified Chinese characters read as Traditional
/// (``HanVariants``), punctuation dropped, and words split by script.
///
/// Examples, patterns and messages all go through the same normaliser, so that "Café", "CAFE"
/// and "ｃａｆｅ" are the same word to the matcher.
///
/// ```swift
/// TextNormalizer.normalize("Where's my ORDER #AB-12?").words  // ["wheres", "my", "order", "ab", "12"]
/// ```
public enum TextNormalizer {
    /// The clauses of raw `text`: the pieces between , . ; : ! ? … and their full-width forms.
    /// Normalisation drops punctuation, so clauses are cut from the raw text; each piece
    /// normalises to the tokens the whole gives there. One list of marks for every reader of
    /// clauses: cancel phrases in a form, the scope of a negation.
    static func clauses(_ text: String) -> [Substring] {
        text.split(whereSeparator: clauseMarks.contains)
    }

    static let clauseMarks: Set<Character> = [
        ",", ".", ";", ":", "!", "?", "…", "，", "。", "；", "：", "！", "？", "、",
    ]

    public static func normalize(_ text: String) -> NormalizedText {
        if let ascii = text.utf8.withContiguousStorageIfAvailable(normalizeASCII), let ascii { return ascii }
        var builder = Builder()
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { builder.add(Unicode.Scalar(byte)) }
        } else if !ScalarFolding.shared.fold(text, into: { builder.add($0, as: $1) }) {
            // Part of the text may have been added: the slow path starts again from nothing.
            return normalizeWithUnicodeData(text)
        }
        builder.finishToken()
        return NormalizedText(utf8: builder.utf8, tokens: builder.tokens)
    }

    /// The general path, for text the fast paths cannot take: NFKC by Foundation, then each
    /// scalar folded by Unicode's data. ``ScalarFolding``'s table is built from the same
    /// ``fold(_:)``, and its tests hold the two paths to the same result.
    static func normalizeWithUnicodeData(_ text: String) -> NormalizedText {
        var builder = Builder()
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            for folded in fold(scalar) { builder.add(folded) }
        }
        builder.finishToken()
        return NormalizedText(utf8: builder.utf8, tokens: builder.tokens)
    }

    /// The common case, all ASCII, in one pass over the bytes with no per-character work beyond a
    /// table look-up: what ``Builder`` does for ASCII, without going through scalars. `nil` when
    /// the text is not ASCII.
    private static func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> NormalizedText? {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count)
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4 + 1)
        var start = -1
        var isNumber = true
        let fold = asciiFold
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let folded = fold[Int(byte)]
            if folded > 1 {
                if start < 0 {
                    start = utf8.count
                    isNumber = true
                }
                isNumber = isNumber && folded <= UInt8(ascii: "9")
                utf8.append(folded)
            } else if folded == 0 && start >= 0 {
                tokens.append(Token(kind: isNumber ? .number : .word, range: start..<utf8.count))
                start = -1
            }
        }
        if start >= 0 { tokens.append(Token(kind: isNumber ? .number : .word, range: start..<utf8.count)) }
        return NormalizedText(utf8: utf8, tokens: tokens)
    }

    /// Per ASCII byte: the lower-case letter or digit it stands for, 1 for an apostrophe (dropped,
    /// so "don't" is "dont"), 0 for anything that separates words.
    private static let asciiFold: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) + 32
        case UInt8(ascii: "'"): 1
        default: 0
        }
    }

    /// Lower-cases and strips accents from one scalar; most scalars map to themselves.
    static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.value < 0x80 {
            return [("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar]
        }
        if scalar == "ß" || scalar == "ẞ" { return ["s", "s"] }
        if HanVariants.block.contains(scalar.value) { return [HanVariants.traditional(scalar)] }
        let lower = scalar.properties.changesWhenLowercased ? scalar.properties.lowercaseMapping.unicodeScalars : nil
        let base = lower.map(Array.init) ?? [scalar]
        return base.flatMap(stripAccent)
    }

    /// The letter without its accents, for letters of alphabets whose accents customers often omit.
    private static func stripAccent(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        guard (0x00C0...0x04FF).contains(scalar.value) || (0x1E00...0x1FFF).contains(scalar.value) else {
            return [scalar]
        }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        let kept = decomposed.filter { $0.properties.generalCategory != .nonspacingMark }
        return kept.isEmpty ? [scalar] : Array(kept)
    }

    /// Whether a scalar belongs to a script written without spaces between words.
    static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return scalar.properties.isIdeographic
            || (0x3040...0x30FF).contains(value)  // Hiragana, Katakana
            || (0x31F0...0x31FF).contains(value)  // Katakana extensions
            || (0x0E00...0x0EFF).contains(value)  // Thai, Lao
            || (0x1000...0x109F).contains(value)  // Myanmar
            || (0x1780...0x17FF).contains(value)  // Khmer
    }

    /// What a folded character does to the tokens: the normaliser's one reading of Unicode's
    /// properties, which ``ScalarFolding`` caches per character.
    enum ScalarRole: UInt8, Sendable {
        /// Below 0x80: the ASCII table decides.
        case ascii
        /// One token of its own (Han, kana, Thai, ...).
        case character
        case letter
        case digit
        /// Dropped inside a word ("don’t"), ends it elsewhere.
        case apostrophe
        /// Joins the word before it.
        case mark
        case separator
    }

    static func role(of scalar: Unicode.Scalar) -> ScalarRole {
        if scalar.value < 0x80 { return .ascii }
        if isUnspacedScript(scalar) { return .character }
        let properties = scalar.properties
        if properties.numericType == .decimal { return .digit }
        if properties.isAlphabetic { return .letter }
        if scalar == "\u{2019}" || scalar == "\u{02BC}" { return .apostrophe }
        let category = properties.generalCategory
        return category == .nonspacingMark || category == .spacingMark ? .mark : .separator
    }

    private struct Builder {
        var utf8: [UInt8] = []
        var tokens: [Token] = []
        private var tokenStart: Int?
        private var tokenIsNumber = true
        private var pendingApostrophe = false

        init() {
            utf8.reserveCapacity(64)
        }

        mutating func add(_ scalar: Unicode.Scalar) {
            add(scalar, as: scalar.value < 0x80 ? .ascii : TextNormalizer.role(of: scalar))
        }

        /// Adds a folded scalar whose role is known (``ScalarFolding`` keeps them in its table).
        mutating func add(_ scalar: Unicode.Scalar, as role: ScalarRole) {
            switch role {
            case .ascii:
                addASCII(UInt8(scalar.value))
            case .character:
                finishToken()
                let start = utf8.count
                utf8.append(contentsOf: String(scalar).utf8)
                tokens.append(Token(kind: .character, range: start..<utf8.count))
            case .letter, .digit:
                appendToToken(scalar, isDigit: role == .digit)
            case .apostrophe:
                pendingApostrophe = tokenStart != nil
            case .mark:
                // Marks that survive folding belong to the letter before them (Devanagari vowel signs, ...).
                if tokenStart != nil { appendToToken(scalar, isDigit: false) }
            case .separator:
                finishToken()
            }
        }

        private mutating func addASCII(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): appendToToken(Unicode.Scalar(byte), isDigit: false)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): appendToToken(Unicode.Scalar(byte + 32), isDigit: false)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): appendToToken(Unicode.Scalar(byte), isDigit: true)
            case UInt8(ascii: "'"): pendingApostrophe = tokenStart != nil
            default: finishToken()
            }
        }

        private mutating func appendToToken(_ scalar: Unicode.Scalar, isDigit: Bool) {
            pendingApostrophe = false
            if tokenStart == nil {
                tokenStart = utf8.count
                tokenIsNumber = true
            }
            tokenIsNumber = tokenIsNumber && isDigit
            if scalar.value < 0x80 {
                utf8.append(UInt8(scalar.value))
            } else {
                utf8.append(contentsOf: String(scalar).utf8)
            }
        }

        /// An apostrophe inside a word ("don't") is dropped; anywhere else it ends the word.
        mutating func finishToken() {
            pendingApostrophe = false
            guard let start = tokenStart else { return }
            tokens.append(Token(kind: tokenIsNumber ? .number : .word, range: start..<utf8.count))
            tokenStart = nil
        }
    }
}
