/// Turning what the builder counted into the report.
extension StatsBuilder {
    /// A contact within this many seconds of the same customer's previous one is a repeat.
    public static let repeatWindow = 86_400.0

    public func report() -> ConversationStats {
        var total = ConversationStats.Summary()
        var days: [String: ConversationStats.Summary] = [:]
        var languages: [String: ConversationStats.Summary] = [:]
        for conversation in conversations.values {
            count(conversation, into: &total)
            count(conversation, into: &days[conversation.day, default: ConversationStats.Summary()])
            if let language = conversation.language {
                count(conversation, into: &languages[language, default: ConversationStats.Summary()])
            }
        }
        var stillWaiting: [String: Int] = [:]
        for case .waiting(let queue, _) in places.values { stillWaiting[queue, default: 0] += 1 }
        let queueNames = Set(queued.keys).union(waits.keys).union(queueHandles.keys).union(transfersOut.keys)
            .union(leftWays.keys).union(stillWaiting.keys)
        let abandonment = queueNames.sorted().map { queue in
            (queue, queueAbandonment(queue, stillWaiting: stillWaiting[queue] ?? 0))
        }
        let agentNames = Set(agentClaims.keys).union(agentHandles.keys)
        return ConversationStats(
            from: first, to: last, summary: total, escalationReasons: escalationReasons,
            escalationQueues: escalationQueues, abandonedInQueue: abandonedInQueue, abandonedInForm: abandonedInForm,
            queueAbandonment: queueAbandonment(nil, stillWaiting: stillWaiting.values.reduce(0, +)),
            decidedBy: decidedBy,
            intents: intents.map {
                ConversationStats.IntentVolume(
                    intent: $0.key, turns: $0.value.turns, meanConfidence: $0.value.confidence / Double($0.value.turns))
            }.sorted { $0.turns != $1.turns ? $0.turns > $1.turns : $0.intent < $1.intent },
            forms: funnels.values.sorted { $0.started != $1.started ? $0.started > $1.started : $0.form < $1.form },
            actions: actions.map { ConversationStats.ActionOutcomes(action: $0.key, outcomes: $0.value) }
                .sorted { $0.calls != $1.calls ? $0.calls > $1.calls : $0.action < $1.action },
            queues: abandonment.map { queue, abandonment in
                ConversationStats.QueueFigures(
                    queue: queue, queued: queued[queue] ?? 0, wait: Distribution(waits[queue] ?? []),
                    abandonment: abandonment, handle: Distribution(queueHandles[queue] ?? []),
                    transfersIn: transfersIn[queue] ?? 0, transfersOut: transfersOut[queue] ?? 0)
            },
            agents: agentNames.sorted().map { agent in
                ConversationStats.AgentFigures(
                    agent: agent, claimed: agentClaims[agent] ?? 0, handle: Distribution(agentHandles[agent] ?? []),
                    transfers: agentTransfers[agent] ?? 0)
            },
            transfers: transfersOut.values.reduce(0, +), repeatContacts: repeatContacts(),
            days: days.keys.sorted().map { ConversationStats.Day(date: $0, summary: days[$0]!) },
            languages: languages.map { ConversationStats.LanguageFigures(language: $0.key, summary: $0.value) }
                .sorted {
                    $0.summary.conversations != $1.summary.conversations
                        ? $0.summary.conversations > $1.summary.conversations : $0.language < $1.language
                },
            damagedRows: damaged.map { ConversationStats.Tally(name: $0.key, count: $0.value) }.sorted {
                $0.name < $1.name
            })
    }

    /// How waits in `queue` (every queue's, for `nil`) ended before an agent took the customer.
    private func queueAbandonment(_ queue: String?, stillWaiting: Int) -> ConversationStats.QueueAbandonment {
        var figures = ConversationStats.QueueAbandonment()
        let names = queue.map { [$0] } ?? Array(Set(waits.keys).union(leftWays.keys))
        figures.taken = names.reduce(0) { $0 + (waits[$1]?.count ?? 0) }
        for name in names { figures.ways.merge(leftWays[name] ?? [:], uniquingKeysWith: +) }
        figures.time = Distribution(names.flatMap { leftTimes[$0] ?? [] })
        figures.stillWaiting = stillWaiting
        return figures
    }

    private func count(_ conversation: Conversation, into summary: inout ConversationStats.Summary) {
        summary.conversations += 1
        summary.turns += conversation.turns
        summary.botTurns += conversation.botTurns
        summary.fallbacks += conversation.fallbacks
        summary.silent += conversation.silent
        // A customer the bot left without a reply was not served by it, whatever came after.
        if conversation.escalated {
            summary.escalated += 1
        } else if conversation.silent == 0 {
            summary.contained += 1
        }
        if conversation.abandoned { summary.abandoned += 1 }
    }

    private func repeatContacts() -> ConversationStats.RepeatContacts {
        // An earlier contact (before the period) has no intents: it is never counted itself.
        var byCustomer: [String: [(start: Double, intents: [String]?)]] = [:]
        for (key, conversation) in conversations {
            guard let customer = conversation.customer else { continue }
            byCustomer[customer, default: []].append((key.start, conversation.intents))
        }
        for (customer, starts) in earlierContacts where byCustomer[customer] != nil {
            byCustomer[customer, default: []] += starts.map { ($0, nil) }
        }
        var result = ConversationStats.RepeatContacts()
        var about: [String: Int] = [:]
        for contacts in byCustomer.values {
            let sorted = contacts.sorted { $0.start < $1.start }
            for index in sorted.indices {
                guard let intents = sorted[index].intents else { continue }
                result.identified += 1
                guard index > 0, sorted[index].start - sorted[index - 1].start < Self.repeatWindow else { continue }
                result.repeats += 1
                for intent in Set(intents) { about[intent, default: 0] += 1 }
            }
        }
        result.intents = about.map { ConversationStats.Tally(name: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        return result
    }
}
