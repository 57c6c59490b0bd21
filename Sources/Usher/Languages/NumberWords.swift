/// How a language writes numbers in words, and the words themselves.
///
/// The grammar decides how words combine; the tables say what each word is worth. Numbers are
/// read up to 999,999 (English as before: to 999), which covers amounts, counts and days.
struct NumberWords: Sendable {
    enum Grammar: Sendable {
        /// English: "three hundred and twelve", "twenty-five"; the parser the entities always had.
        case english
        /// Separate words added up from the largest down, with a multiplier for thousands:
        /// Russian "две тысячи двести двадцать пять".
        case spaced
        /// One word built from parts: German "zweihundertfünfundzwanzig", "einundzwanzig".
        case compound
        /// Characters with place values: Chinese "二十五", "一百零五", "三千".
        case characters
    }

    var grammar: Grammar
    /// Each word's value: units, teens, tens and hundreds (folded).
    var values: [String: Int]
    /// Words that multiply what comes before them: "hundred", "тысяча", "十", "萬".
    var multipliers: [String: Int] = [:]
    /// Words joining parts of one number: English "and", German "und".
    var joiners: Set<String> = []
    /// Words worth a number only as a count before a unit ("in einer Woche", "a week"), not on
    /// their own: they are articles more often than numbers.
    var articles: [String: Int] = [:]
    /// Words that multiply a number before them by a power of ten, with the power: "thousand" 3,
    /// "Millionen" 6, "тыс" 3, "萬" 4. They follow digits too ("2 Tausend", "3千", "2k").
    var scales: [String: Int] = [:]
    /// Scale words that are abbreviations and may take a point ("тыс.", "Mio.").
    var abbreviations: Set<String> = []
    /// Words for one and a half, a number only before a scale word ("полторы тысячи").
    var halves: Set<String> = []
}
