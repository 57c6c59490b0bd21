/// A language Usher serves, named by its canonical BCP 47 tag: `en`, `ru`, `de` or `zh-TW`.
///
/// Requests and bot files may name a language more precisely or more loosely than Usher
/// distinguishes ("en-GB", "de_AT", "zh-Hant", "zh"); ``init(bcp47:)`` maps each to the one
/// language whose data serves it, so the rest of the engine compares tags, not spellings.
public struct LanguageTag: Sendable, Hashable, CustomStringConvertible {
    /// The canonical tag: `en`, `ru`, `de` or `zh-TW`.
    public let rawValue: String

    public static let english = LanguageTag(rawValue: "en")
    public static let russian = LanguageTag(rawValue: "ru")
    public static let german = LanguageTag(rawValue: "de")
    /// Traditional Chinese as written in Taiwan. Any `zh` tag maps here: the Chinese data also
    /// knows the Simplified forms of its common characters, which is cheaper than a second language.
    public static let traditionalChinese = LanguageTag(rawValue: "zh-TW")

    /// Every language Usher has data for.
    public static let served: [LanguageTag] = [.english, .russian, .german, .traditionalChinese]

    private init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The served language a BCP 47 tag asks for, by its primary subtag; `nil` for a language
    /// Usher has no data for ("fr", "") so that callers choose their own fallback.
    public init?(bcp47 tag: String) {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() }
        switch primary {
        case "en": self = .english
        case "ru": self = .russian
        case "de": self = .german
        case "zh": self = .traditionalChinese
        default: return nil
        }
    }

    /// The served language `tag` was probably meant to name when it is not a BCP 47 tag of its
    /// own: an ISO 639-2 code ("ger", "deu", "rus") or a name ("German", "Deutsch"), which
    /// ``init(bcp47:)`` does not read. `nil` for anything else, served or not.
    public static func intended(by tag: String) -> LanguageTag? {
        aliases[tag.lowercased()]
    }

    /// Whether two language tags are the same but for case. Tags are ASCII, so their bytes are
    /// compared with ASCII letters' case ignored: this runs several times a message, where
    /// Foundation's case-insensitive comparison cost about 40,000 instructions a message.
    static func sameTag(_ left: String, _ right: String) -> Bool {
        left.utf8.elementsEqual(right.utf8) { a, b in
            a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A)
        }
    }

    /// A tag's language alone, lower-cased: "de" of "de-AT", "zh" of "zh_TW".
    static func primarySubtag(_ tag: String) -> String {
        String(tag.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }

    /// Why `tag` cannot stand for a language ("ger" is not a BCP 47 tag; did you mean "de"?),
    /// or `nil` when it can: `usher check` and `usher import --language` say it alike. A tag
    /// not written as BCP 47 writes tags (`zh_TW`, `en us`) is refused too: customers' requests
    /// must send well-formed tags, so none would ever name it.
    public static func misnamed(_ tag: String) -> String? {
        if LanguageTag(bcp47: tag) == nil, let intended = intended(by: tag) {
            return "\"\(tag)\" is not a BCP 47 language tag; did you mean \"\(intended.rawValue)\"?"
        }
        guard !isWellFormed(tag) else { return nil }
        let joined = String(tag.map { $0 == "_" || $0 == " " ? "-" : $0 })
        if isWellFormed(joined) {
            return
                "\"\(tag)\" is not a BCP 47 language tag (its parts are joined by \"-\"); did you mean \"\(conventionalCase(joined))\"?"
        }
        return
            "\"\(tag)\" is not a BCP 47 language tag: a language code of 2 or 3 letters, then any parts of up to 8 letters or digits, joined by \"-\", such as \"de\", \"de-AT\" or \"zh-TW\""
    }

    /// Whether `tag` has BCP 47's shape: a language subtag of letters (2 or 3, or 5 to 8; `x`
    /// and `i` for private and old tags), then subtags of 1 to 8 ASCII letters or digits, joined
    /// by `-`, at most 35 bytes as requests take them. The registry's contents are not checked.
    static func isWellFormed(_ tag: String) -> Bool {
        guard tag.utf8.count <= 35 else { return false }
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        let letter: (UInt8) -> Bool = { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        let digit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        guard let language = subtags.first, language.utf8.allSatisfy(letter),
            [1, 2, 3, 5, 6, 7, 8].contains(language.utf8.count),
            language.utf8.count != 1 || ["x", "i"].contains(language.lowercased())
        else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.utf8.count) && subtag.utf8.allSatisfy { letter($0) || digit($0) }
        }
    }

    /// A well-formed tag in the case BCP 47 recommends: the language in lower case, a script
    /// (4 letters) capitalised, a region (2 letters) in upper case: `zh-TW`, `zh-Hant`, `de-AT`.
    static func conventionalCase(_ tag: String) -> String {
        tag.split(separator: "-").enumerated().map { offset, subtag in
            guard offset > 0 else { return subtag.lowercased() }
            if subtag.count == 2 { return subtag.uppercased() }
            if subtag.count == 4 && subtag.allSatisfy(\.isLetter) {
                return subtag.prefix(1).uppercased() + subtag.dropFirst().lowercased()
            }
            return subtag.lowercased()
        }.joined(separator: "-")
    }

    private static let aliases: [String: LanguageTag] = [
        "eng": .english, "english": .english,
        "rus": .russian, "russian": .russian, "русский": .russian,
        "ger": .german, "deu": .german, "german": .german, "deutsch": .german,
        "chi": .traditionalChinese, "zho": .traditionalChinese, "chinese": .traditionalChinese,
        "中文": .traditionalChinese,
    ]

    public var description: String { rawValue }
}
