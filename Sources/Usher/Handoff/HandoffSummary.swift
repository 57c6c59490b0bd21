/// What an agent sees on taking a conversation, so the customer never repeats themselves: why
/// and where it was handed off, the transcript, what the bot understood, how the customer feels,
/// the phrases that matter, and what to do next.
public struct HandoffSummary: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        /// `customer`, `bot` or an agent's id.
        public var speaker: String
        public var text: String
        /// The customer's sentiment for this line, in [-1, 1]; `nil` for others' lines.
        public var sentiment: Double?
    }

    public var session: String
    public var reason: HandoffReason
    public var queue: String
    public var transcript: [Line]
    public var intents: [String]
    public var slots: [String: String]
    /// `improving`, `worsening` or `steady`: the last customer line against the first (see ``trend(_:)``).
    public var sentimentTrend: String
    public var keyPhrases: [String]
    public var nextSteps: [String]
    /// Who passed the session on and from which queue, when an agent transferred it.
    public var transfer: Transfer?

    /// Builds the summary of `state`, handed off with `ticket` (and passed on by `transfer`, if an
    /// agent transferred it).
    public init(
        state: SessionState, ticket: Ticket, bot: BotDefinition, analyzer: SentimentAnalyzer, entities: [EntityMatch],
        transfer: Transfer? = nil
    ) {
        session = state.id
        reason = ticket.reason
        queue = ticket.queue
        var lines: [Line] = []
        var scores: [Double] = []
        for turn in state.history {
            if !turn.text.isEmpty {
                let score = analyzer.analyze(turn.text).score
                scores.append(score)
                lines.append(Line(speaker: "customer", text: turn.text, sentiment: score))
            }
            lines += turn.replies.map { Line(speaker: turn.agent ?? "bot", text: $0, sentiment: nil) }
        }
        transcript = lines
        var seen: Set<String> = []
        intents = state.history.compactMap(\.intent).filter { seen.insert($0).inserted }
        slots = state.slots
        sentimentTrend = Self.trend(scores)
        keyPhrases = KeyPhrases.extract(
            from: state.history.map(\.text).filter { !$0.isEmpty }, entities: entities, language: state.language)
        self.transfer = transfer
        nextSteps = Self.nextSteps(state: state, ticket: ticket, bot: bot, intents: intents, transfer: transfer)
    }

    /// The last customer line against the first. Improving means the customer now writes
    /// something positive: an angry customer whose last line is a plain "give me an operator"
    /// (neutral words, at −0.76 → 0) or a little less angry (−0.67 → −0.44) has not calmed down,
    /// and an agent told "improving" would not open with an apology.
    static func trend(_ scores: [Double]) -> String {
        guard let first = scores.first, let last = scores.last, scores.count > 1 else { return "steady" }
        if last - first <= -0.2 { return "worsening" }
        if last - first >= 0.2 && last > 0 { return "improving" }
        return "steady"
    }

    /// The intents' own next steps, then generic ones that follow from the reason and the transcript.
    static func nextSteps(
        state: SessionState, ticket: Ticket, bot: BotDefinition, intents: [String], transfer: Transfer?
    ) -> [String] {
        let notes = (Language.named(state.language) ?? Language.named(bot.language) ?? .english).messages.agentNotes
        var steps = transfer.map { [notes.transferred($0.agent, $0.queue)] } ?? []
        steps += intents.flatMap { bot.intent(named: $0)?.nextSteps ?? [] }
        switch ticket.reason {
        case .intent: break
        case .fallbacks: steps.append(notes.notUnderstood)
        case .formFailed: steps.append(notes.valueNotGiven)
        case .keyword, .sentiment: steps.append(notes.upset)
        }
        let texts = state.history.map { $0.text.lowercased() }
        if Set(texts.filter { !$0.isEmpty }).count < texts.filter({ !$0.isEmpty }).count {
            steps.append(notes.askedTwice)
        }
        if !state.slots.isEmpty {
            steps.append(notes.detailsGiven(state.slots.keys.sorted().joined(separator: ", ")))
        }
        var seen: Set<String> = []
        return steps.filter { seen.insert($0).inserted }
    }
}
