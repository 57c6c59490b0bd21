/// Reads one clause left to right and turns what the lexicon knows into weighted cues, applying
/// negation and modifiers to the cue they reach.
struct SentimentScanner {
    let lexicon: SentimentLexicon
    /// Words the customer wrote in capitals, lower-cased: a cue containing one counts more.
    let shouted: Set<String>

    static let capitalsFactor = 1.5

    func cues(in words: [String]) -> [SentimentCue] {
        var cues: [SentimentCue] = []
        var negation: (label: String, reach: Int)?
        var modifier: (factor: Double, reach: Int)?
        /// The last outcome, for a negator after it (German "funktioniert seit gestern nicht").
        var last: (cue: Int?, label: String, effect: SentimentLexicon.Effect, weight: Double, end: Int)?
        var index = 0
        while index < words.count {
            guard let entry = lexicon.longestMatch(in: words, at: index) else {
                index += 1
                continue
            }
            let start = index
            let label = words[start..<(start + entry.pattern.count)].joined(separator: " ")
            index += entry.pattern.count
            let negator = negation.flatMap { start < $0.reach ? $0.label : nil }
            let factor = modifier.flatMap { start < $0.reach ? $0.factor : nil } ?? 1
            switch entry.effect {
            case .cue(let weight), .outcome(let weight):
                if negator != nil { negation = nil }
                modifier = nil
                let made = cue(label, entry.effect, weight, negatedBy: negator)
                if let made { cues.append(made.scaled(by: factor)) }
                if case .outcome = entry.effect {
                    last =
                        negator == nil ? (made == nil ? nil : cues.count - 1, label, entry.effect, weight, index) : nil
                }
            case .negator(let weight):
                if weight != 0 { cues.append(emphasized(SentimentCue(text: label, weight: weight))) }
                if let previous = last, start - previous.end < lexicon.backwardNegationReach,
                    !cueFollows(in: words, from: index)
                {
                    negateBackwards(previous, by: label, in: &cues)
                    last = nil
                } else {
                    negation = (label, index + lexicon.negationReach)
                }
            case .modifier(let scale):
                modifier = (factor * scale, index + SentimentLexicon.modifierReach)
            case .strengthensPrevious(let scale):
                if let last = cues.indices.last { cues[last] = cues[last].scaled(by: scale) }
            case .contrast:
                negation = nil
                modifier = nil
                last = nil
            }
        }
        return cues
    }

    /// Whether a cue or outcome starts within the negation reach after `index`, for a negator to
    /// negate forwards rather than back.
    private func cueFollows(in words: [String], from index: Int) -> Bool {
        (index..<min(words.count, index + lexicon.negationReach)).contains { position in
            switch lexicon.longestMatch(in: words, at: position)?.effect {
            case .cue?, .outcome?: true
            default: false
            }
        }
    }

    /// Replaces the outcome a later negator turns around, or adds it if it weighed nothing as it stood
    /// ("funktioniert" alone is 0.3, "funktioniert ... nicht" a failure).
    private func negateBackwards(
        _ previous: (cue: Int?, label: String, effect: SentimentLexicon.Effect, weight: Double, end: Int),
        by negator: String, in cues: inout [SentimentCue]
    ) {
        guard var negated = cue(previous.label, previous.effect, previous.weight, negatedBy: negator) else { return }
        negated.text = "\(previous.label) \(negator)"
        if let index = previous.cue { cues[index] = negated } else { cues.append(negated) }
    }

    /// The cue for a matched cue or outcome, negated if a negator reaches it; nil if it weighs nothing.
    private func cue(_ label: String, _ effect: SentimentLexicon.Effect, _ weight: Double, negatedBy negator: String?)
        -> SentimentCue?
    {
        let cue: SentimentCue
        switch (effect, negator) {
        case (.outcome, let negator?):
            cue = SentimentCue(text: "\(negator) \(label)", weight: SentimentLexicon.failureWeight)
        case (_, let negator?):
            cue = SentimentCue(text: "\(negator) \(label)", weight: weight * SentimentLexicon.negationFactor)
        default:
            cue = SentimentCue(text: label, weight: weight)
        }
        return cue.weight == 0 ? nil : emphasized(cue)
    }

    private func emphasized(_ cue: SentimentCue) -> SentimentCue {
        let capitalised = cue.text.split(separator: " ").contains { shouted.contains(String($0)) }
        return capitalised ? cue.scaled(by: Self.capitalsFactor) : cue
    }
}
