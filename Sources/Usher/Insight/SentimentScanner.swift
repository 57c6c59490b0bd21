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
                if let cue = cue(label, entry.effect, weight, negatedBy: negator) {
                    cues.append(cue.scaled(by: factor))
                }
            case .negator(let weight):
                if weight != 0 { cues.append(emphasized(SentimentCue(text: label, weight: weight))) }
                negation = (label, index + lexicon.negationReach)
            case .modifier(let scale):
                modifier = (factor * scale, index + SentimentLexicon.modifierReach)
            case .strengthensPrevious(let scale):
                if let last = cues.indices.last { cues[last] = cues[last].scaled(by: scale) }
            case .contrast:
                negation = nil
                modifier = nil
            }
        }
        return cues
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
