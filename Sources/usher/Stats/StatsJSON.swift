import Usher

/// The stats as one JSON object, for scripts and dashboards; every figure of the tables, rates
/// as fractions, durations in seconds. The field names are documented in docs/stats.md.
enum StatsJSON {
    static func encode(_ stats: ConversationStats) -> String {
        var fields: [String] = []
        fields.append("\"from\": \(stats.from.map { JSONWriter.number($0, digits: 3) } ?? "null")")
        fields.append("\"to\": \(stats.to.map { JSONWriter.number($0, digits: 3) } ?? "null")")
        fields.append("\"summary\": " + summary(stats.summary))
        fields.append("\"escalation_reasons\": " + counts(stats.escalationReasons))
        fields.append("\"escalation_queues\": " + counts(stats.escalationQueues))
        fields.append(
            "\"abandoned\": {\"in_queue\": \(stats.abandonedInQueue), \"in_form\": \(stats.abandonedInForm)}")
        fields.append("\"queue_abandonment\": " + abandonment(stats.queueAbandonment))
        fields.append("\"decided_by\": " + counts(stats.decidedBy))
        fields.append(
            "\"intents\": ["
                + stats.intents.map {
                    "{\"intent\": \(JSONWriter.string($0.intent)), \"turns\": \($0.turns), \"mean_confidence\": \(JSONWriter.number($0.meanConfidence))}"
                }.joined(separator: ", ") + "]")
        fields.append(
            "\"forms\": ["
                + stats.forms.map {
                    "{\"form\": \(JSONWriter.string($0.form)), \"started\": \($0.started), \"completed\": \($0.completed), "
                        + "\"cancelled\": \($0.cancelled), \"failed\": \($0.failed), \"dropped\": \($0.dropped), "
                        + "\"abandoned\": \($0.abandoned), \"stopped_at\": \(counts($0.stoppedAt)), \"reprompts\": \(counts($0.reprompts))}"
                }.joined(separator: ", ") + "]")
        fields.append(
            "\"actions\": ["
                + stats.actions.map {
                    "{\"action\": \(JSONWriter.string($0.action)), \"calls\": \($0.calls), \"outcomes\": \(counts($0.outcomes))}"
                }.joined(separator: ", ") + "]")
        fields.append(
            "\"queues\": ["
                + stats.queues.map {
                    "{\"queue\": \(JSONWriter.string($0.queue)), \"queued\": \($0.queued), \"wait\": \(distribution($0.wait)), "
                        + "\"abandonment\": \(abandonment($0.abandonment)), "
                        + "\"handle\": \(distribution($0.handle)), \"transfers_in\": \($0.transfersIn), \"transfers_out\": \($0.transfersOut)}"
                }.joined(separator: ", ") + "]")
        fields.append(
            "\"agents\": ["
                + stats.agents.map {
                    "{\"agent\": \(JSONWriter.string($0.agent)), \"claimed\": \($0.claimed), \"handle\": \(distribution($0.handle)), \"transfers\": \($0.transfers)}"
                }.joined(separator: ", ") + "]")
        fields.append("\"transfers\": \(stats.transfers)")
        let repeats = stats.repeatContacts
        fields.append(
            "\"repeat_contacts\": {\"identified\": \(repeats.identified), \"repeats\": \(repeats.repeats), "
                + "\"rate\": \(JSONWriter.number(repeats.rate)), \"intents\": "
                + counts(Dictionary(repeats.intents.map { ($0.name, $0.count) }, uniquingKeysWith: +)) + "}")
        fields.append(
            "\"days\": ["
                + stats.days.map { "{\"date\": \(JSONWriter.string($0.date)), \"summary\": \(summary($0.summary))}" }
                .joined(separator: ", ") + "]")
        fields.append(
            "\"languages\": ["
                + stats.languages.map {
                    "{\"language\": \(JSONWriter.string($0.language)), \"summary\": \(summary($0.summary))}"
                }.joined(separator: ", ") + "]")
        fields.append(
            "\"damaged_rows\": "
                + counts(Dictionary(stats.damagedRows.map { ($0.name, $0.count) }, uniquingKeysWith: +)))
        return "{" + fields.joined(separator: ", ") + "}\n"
    }

    private static func summary(_ summary: ConversationStats.Summary) -> String {
        "{\"conversations\": \(summary.conversations), \"turns\": \(summary.turns), "
            + "\"turns_per_conversation\": \(JSONWriter.number(summary.turnsPerConversation)), "
            + "\"contained\": \(summary.contained), \"containment_rate\": \(JSONWriter.number(summary.containmentRate)), "
            + "\"escalated\": \(summary.escalated), \"escalation_rate\": \(JSONWriter.number(summary.escalationRate)), "
            + "\"abandoned\": \(summary.abandoned), \"abandonment_rate\": \(JSONWriter.number(summary.abandonmentRate)), "
            + "\"bot_turns\": \(summary.botTurns), \"fallbacks\": \(summary.fallbacks), \"silent_turns\": \(summary.silent), "
            + "\"fallback_rate\": \(JSONWriter.number(summary.fallbackRate))}"
    }

    /// How waits for a person ended before an agent took the customer: every way of leaving,
    /// 0 included, so that a dashboard can tell a measured 0 from a missing field.
    private static func abandonment(_ figures: ConversationStats.QueueAbandonment) -> String {
        let ways = StatsText.queueExits.map { "\(JSONWriter.string($0)): \(figures.ways[$0] ?? 0)" }
        return "{\"abandoned\": \(figures.abandoned), \"taken\": \(figures.taken), "
            + "\"rate\": \(JSONWriter.number(figures.rate)), \"by\": {\(ways.joined(separator: ", "))}, "
            + "\"time_to_abandon\": \(distribution(figures.time)), \"still_waiting\": \(figures.stillWaiting)}"
    }

    /// Durations, with `null` for every figure when there are none (not 0, which a dashboard
    /// would average in as instant).
    private static func distribution(_ value: Distribution) -> String {
        func figure(_ part: Double) -> String { value.count == 0 ? "null" : JSONWriter.number(part, digits: 1) }
        return "{\"count\": \(value.count), \"mean\": \(figure(value.mean)), \"p50\": \(figure(value.p50)), "
            + "\"p90\": \(figure(value.p90)), \"max\": \(figure(value.max))}"
    }

    private static func counts(_ counts: [String: Int]) -> String {
        "{"
            + counts.sorted { $0.key < $1.key }.map { "\(JSONWriter.string($0.key)): \($0.value)" }.joined(
                separator: ", ")
            + "}"
    }
}
