/// The common words of the languages written in Latin letters that Usher does not serve, so
/// that a French or Spanish message is not taken for English (new-user trial: "Est-ce que je
/// peux payer en plusieurs fois ?" was logged, grouped and learned as English).
extension Language {
    /// Counts the different common words of each unserved language a text holds. English text
    /// rarely has any, so the words seen are a short list, not a set per language.
    struct UnservedWords {
        private var seen: [String] = []
        private var counts = [Int](repeating: 0, count: Self.lists.count)

        /// Counts `word`, a common word of the unserved languages whose bits `languages` has
        /// (``Language/CommonWord``), once however often it comes.
        mutating func count(_ word: String, languages: UInt8) {
            guard !seen.contains(word) else { return }
            seen.append(word)
            for index in counts.indices where languages & (Language.CommonWord.firstUnserved << UInt8(index)) != 0 {
                counts[index] += 1
            }
        }

        /// The unserved language with the most different common words (two points each, as the
        /// served ones count), when it has two at least and more points than `served`, the
        /// better of English and German; "und" when two unserved languages tie.
        func leader(over served: Int) -> String? {
            guard let best = counts.max(), best >= 2, best * 2 > served else { return nil }
            let leaders = counts.indices.filter { counts[$0] == best }
            return leaders.count == 1 ? Self.lists[leaders[0]].tag : "und"
        }

        /// Frequent words that are neither English nor German words ("a", "me", "no", "pour",
        /// "come", "do", "du" are left out), written as customers type them, accents or not.
        static let lists: [(tag: String, words: Set<String>)] = [
            (
                "fr",
                [
                    "je", "est", "que", "ce", "les", "une", "un", "pas", "vous", "nous", "mes", "votre", "avec", "sur",
                    "dans", "qui", "quand", "pourquoi", "où", "bonjour", "merci", "peux", "puis", "commande",
                    "suis", "avez", "plusieurs", "fois", "livraison", "colis", "remboursement", "il", "elle", "au",
                    "aux", "ou", "quel", "quelle", "toujours", "rien", "bien", "voudrais", "et", "la", "le", "en",
                    "de", "très", "reçu", "été", "payé",
                ]
            ),
            (
                "es",
                [
                    "el", "la", "los", "las", "un", "una", "es", "que", "de", "en", "por", "para", "mi", "mis", "y",
                    "pedido", "quiero", "puedo", "hola", "gracias", "donde", "dónde", "cuando", "cuándo", "cómo",
                    "como", "qué", "está", "esta", "estoy", "tengo", "pero", "del", "lo", "se", "su", "sus",
                    "tiene", "muy", "pagar", "cuotas", "varias", "envío", "usted", "llegado",
                    "todavía", "reembolso",
                ]
            ),
            (
                "it",
                [
                    "il", "lo", "gli", "della", "di", "che", "non", "sono", "ho", "mio", "mia", "ordine", "ciao",
                    "grazie", "posso", "vorrei", "perché", "quando", "dov", "è", "un", "una", "anche", "pagare",
                    "del", "ancora", "arrivato", "rimborso", "buongiorno", "spedizione",
                ]
            ),
            (
                "pt",
                [
                    "um", "uma", "não", "nao", "é", "meu", "minha", "pedido", "obrigado", "obrigada",
                    "olá", "ola", "posso", "quero", "onde", "quando", "como", "por", "para", "que", "de",
                    "você", "voce", "pagar", "vezes", "chegou", "ainda", "reembolso", "entrega",
                ]
            ),
        ]
    }
}
