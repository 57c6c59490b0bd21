import Foundation
import Usher

/// Turns what the engine says into lines a bot author reads: replies, explanations, state,
/// queues and the agent's view of a handoff. Every channel-independent decision about what to
/// show is made here, so it is tested without a terminal.
struct ChatFormatter {
    private let match = MatchRenderer()
    /// The agent the person at the terminal plays: shown as "you" where the chat says who has
    /// a conversation, which also keeps the default name from reading "agent agent".
    let agent: String?

    init(agent: String? = nil) { self.agent = agent }

    /// What the customer sees after a message, and what happened to it: first, when the
    /// session had expired, what went with it.
    func turn(_ turn: DeskTurn) -> [ChatLine] {
        var lines = turn.turn.expired.map { [expiry($0, session: turn.turn.state.id)] } ?? []
        lines += turn.turn.replies.map(ChatLine.bot)
        for event in turn.events {
            if case .toAgent(let agent, _, _) = event { lines.append(.info("(delivered to \(agent))")) }
        }
        return lines
    }

    /// Messages an agent sent, labelled with who said them and, for another session, to whom.
    func events(_ events: [HandoffEvent], agent: String, current: String) -> [ChatLine] {
        events.compactMap { event in
            guard case .toCustomer(let session, let text) = event else { return nil }
            return .person(session == current ? agent : "\(agent) → \(session)", text)
        }
    }

    /// Why the bot answered a turn as it did: the match, the slots, contexts and sentiment.
    func explanation(of turn: TurnResult, text: String, sentiment: Sentiment, status: ConversationStatus)
        -> [ChatLine]
    {
        var fields: [MatchRenderer.Field] = [("message", "\"\(shortened(text))\"")]
        if let result = turn.match {
            fields += match.fields(result)
            if !turn.leftOut.isEmpty {
                fields.append(
                    (
                        "left out",
                        turn.leftOut.map { "\($0.intent) (needs \($0.needs.joined(separator: ", ")))" }.joined(
                            separator: ", ")
                    ))
            }
        } else if turn.intent == nil && status != .bot {
            fields.append(("intent", "(none): " + silence(status)))
        } else {
            fields.append(("intent", (turn.intent ?? "(none)") + " (the form took the message as a slot answer)"))
        }
        if !turn.filled.isEmpty { fields.append(("filled", pairs(turn.filled))) }
        if !turn.state.slots.isEmpty { fields.append(("slots", pairs(turn.state.slots))) }
        if !turn.state.contexts.isEmpty { fields.append(("contexts", contexts(turn.state.contexts))) }
        let cues = sentiment.cues.isEmpty ? "" : " (" + sentiment.cues.joined(separator: ", ") + ")"
        fields.append(("sentiment", String(format: "%+.2f ", sentiment.score) + mood(sentiment) + cues))
        if let handoff = turn.handoff {
            fields.append(("handoff", "to \(handoff.queue): \(handoff.reason.description)"))
        }
        if case .bot = status {} else { fields.append(("talking to", describe(status))) }
        return fields.map { ChatLine.detail($0.label, $0.value) }
    }

    /// A session's whole state.
    func state(_ state: SessionState?, session: String, handoff: SessionHandoffStatus?) -> [ChatLine] {
        guard let state else { return [.info("session \(session) has not started: nothing said yet")] }
        var fields: [MatchRenderer.Field] = [
            ("session", "\(session) (\(state.turns) turn\(state.turns == 1 ? "" : "s"))"),
            ("talking to", handoff.map(describe) ?? bot(waitingFor: state.pendingAction)),
            ("slots", state.slots.isEmpty ? "(none)" : pairs(state.slots)),
            ("contexts", state.contexts.isEmpty ? "(none)" : contexts(state.contexts)),
        ]
        for (index, form) in state.forms.enumerated() {
            let reprompts = count(form.reprompts, "reprompt")
            // Only the last form waits for an answer; one it interrupted waits for it to end, and
            // may have been given the value it last asked for meanwhile.
            let waiting =
                index == state.forms.count - 1
                ? "waiting for \(form.pendingSlot)"
                : state.slots[form.pendingSlot] != nil
                    ? "paused (\(form.pendingSlot) given since)"
                    : "paused (asks \(form.pendingSlot) again after)"
            fields.append(("form", "\(form.intent), \(waiting) (\(reprompts))"))
        }
        if state.consecutiveFallbacks > 0 { fields.append(("fallbacks", "\(state.consecutiveFallbacks) in a row")) }
        if !state.metadata.isEmpty { fields.append(("metadata", pairs(state.metadata))) }
        if let last = state.history.last(where: { !$0.text.isEmpty }) {
            let outcome = last.intent ?? (last.replies.isEmpty ? "(to a person, the bot silent)" : "fallback")
            fields.append(("last", "\"\(shortened(last.text))\" → \(outcome)"))
        }
        return fields.map { ChatLine.detail($0.label, $0.value) }
    }

    /// Every queue: who waits, in the order agents will take them, and who serves it.
    func queues(_ queues: [QueueView], held: [String: Holding]) -> [ChatLine] {
        var lines: [ChatLine] = []
        for queue in queues {
            let agents = queue.agents.isEmpty ? "no agents" : "agents " + queue.agents.joined(separator: ", ")
            lines.append(.detail(queue.name, "\(queue.waiting.count) waiting, \(agents)"))
            for entry in queue.waiting {
                lines.append(
                    .detail(
                        "  \(entry.position).",
                        "\(entry.ticket.session) (ticket \(entry.ticket.number), priority \(entry.priority)"
                            + (entry.returned ? ", returned" : "") + ", "
                            + "waited \(duration(entry.waitedSeconds))): \(entry.ticket.reason.description)"))
            }
        }
        for (session, holding) in held.sorted(by: { $0.key < $1.key }) {
            lines.append(.detail("with agent", "\(session) held by \(holding.agent) (from \(holding.ticket.queue))"))
        }
        return lines
    }

    /// What the agent is told on taking a conversation.
    func summary(_ summary: HandoffSummary, ticket: Ticket) -> [ChatLine] {
        let transfer = summary.transfer.map { ", transferred by \($0.agent) from \($0.queue)" } ?? ""
        var lines: [ChatLine] = [
            .info(
                "claimed \(summary.session) (ticket \(ticket.number) from \(summary.queue)\(transfer)): "
                    + summary.reason.description)
        ]
        for line in summary.transcript {
            let mood = line.sentiment.map { String(format: " [%+.2f]", $0) } ?? ""
            lines.append(.detail(line.speaker, line.text + mood))
        }
        lines.append(.detail("intents", summary.intents.isEmpty ? "(none)" : summary.intents.joined(separator: ", ")))
        if !summary.slots.isEmpty { lines.append(.detail("slots", pairs(summary.slots))) }
        lines.append(.detail("sentiment", summary.sentimentTrend))
        if !summary.keyPhrases.isEmpty {
            lines.append(.detail("key phrases", summary.keyPhrases.joined(separator: ", ")))
        }
        for (offset, step) in summary.nextSteps.enumerated() {
            lines.append(.detail(offset == 0 ? "next steps" : "", "- " + step))
        }
        return lines
    }

    /// An intent as defined: where, with what examples, slots and responses.
    func intent(_ intent: IntentDefinition) -> [ChatLine] {
        var fields: [MatchRenderer.Field] = [("intent", "\(intent.name) (\(intent.origin))")]
        fields.append(
            (
                "examples",
                "\(intent.examples.count)"
                    + (intent.patterns.isEmpty ? "" : ", " + count(intent.patterns.count, "pattern"))
            ))
        for example in intent.examples.prefix(5) { fields.append(("", "\"\(example.text)\"")) }
        if intent.examples.count > 5 { fields.append(("", "… \(intent.examples.count - 5) more")) }
        for pattern in intent.patterns.prefix(3) { fields.append(("pattern", pattern.source)) }
        for slot in intent.slots {
            fields.append(("slot", "\(slot.name): \(slot.entity)" + (slot.required ? ", required" : "")))
        }
        for response in intent.responses { fields.append(("response", response.description)) }
        if !intent.contexts.require.isEmpty {
            fields.append(("requires", intent.contexts.require.joined(separator: ", ")))
        }
        if let handoff = intent.handoff { fields.append(("hands off", "to \(handoff.queue)")) }
        return fields.map { ChatLine.detail($0.label, $0.value) }
    }

    /// `/help`, or the usage of one command.
    func help(_ topic: String?) -> [ChatLine] {
        if let topic {
            let name = topic.lowercased()
            guard let usage = SlashCommand.usage(of: SlashCommand.aliases[name] ?? name) else {
                return [.error("no command /\(topic); /help lists the commands")]
            }
            let actions = usage.name == "agent" ? SlashCommand.agentUsages : []
            let width = actions.map(\.synopsis.count).max() ?? 0
            return [.info(usage.synopsis + ": " + usage.summary)]
                + actions.map {
                    ChatLine.detail($0.synopsis.padding(toLength: width, withPad: " ", startingAt: 0), $0.summary)
                }
        }
        var lines = [ChatLine.info("Type as a customer would; lines starting with / are commands (// sends a /):")]
        lines += SlashCommand.usages.map { ChatLine.detail("/" + $0.name, $0.summary) }
        lines.append(.info("Tab completes commands, intents and sessions; Up recalls earlier lines; Ctrl-C clears."))
        return lines
    }

    // MARK: Pieces

    /// `(session default had expired: idle for 31m 00s, longer than session_ttl 30m 00s; dropped
    /// form file_claim (waiting for policy_number), slots policy_number; this message started it
    /// afresh)`: the session's form and state were not lost silently.
    func expiry(_ expiry: SessionExpiry, session: String) -> ChatLine {
        var dropped = expiry.forms.reversed().map { form in
            "form \(form.intent) (waiting for \(form.isConfirming ? "a yes to its read-back" : form.pendingSlot))"
        }
        if let action = expiry.pendingAction { dropped.append("the wait for " + call(action)) }
        if !expiry.slots.isEmpty { dropped.append("slots " + expiry.slots.joined(separator: ", ")) }
        if let ticket = expiry.queue {
            dropped.insert("its place in queue \(ticket.queue) (ticket \(ticket.number))", at: 0)
        }
        let limit = expiry.queue == nil ? "session_ttl" : "queue_idle_seconds"
        return .info(
            "(session \(session) had expired: idle for \(duration(expiry.idleSeconds)), longer than \(limit) "
                + duration(Double(expiry.ttl)) + (dropped.isEmpty ? "" : "; dropped " + dropped.joined(separator: ", "))
                + "; this message started it afresh)")
    }

    /// Why the bot said nothing.
    private func silence(_ status: ConversationStatus) -> String {
        switch status {
        case .queued: "the bot stays silent while the customer waits for an agent"
        case .agent(let agent): "the bot stays silent while \(agent) has the conversation"
        case .bot: "the bot had nothing to say"
        }
    }

    /// A message as shown in an explanation: whole up to 200 characters.
    private func shortened(_ text: String) -> String {
        text.count > 200 ? text.prefix(200) + "… (\(text.count) characters)" : text
    }

    func describe(_ status: ConversationStatus) -> String {
        switch status {
        case .bot: "bot"
        case .queued(let info):
            "waiting in \(info.ticket.queue), number \(info.position) ("
                + (info.estimatedWaitSeconds.map { "about \(duration($0))" } ?? "no agent serves it now") + ")"
        case .agent(let agent): holder(agent)
        }
    }

    private func describe(_ status: SessionHandoffStatus) -> String {
        switch status {
        case .queued(let ticket): "waiting in \(ticket.queue) (ticket \(ticket.number)): \(ticket.reason.description)"
        case .agent(let agent, let ticket): "\(holder(agent)) (from \(ticket.queue))"
        }
    }

    /// `you as sam` for the agent played here, `agent bob` for another (over a shared state file).
    func holder(_ name: String) -> String { name == agent ? "you as \(name)" : "agent \(name)" }

    /// The bot has the conversation, and perhaps waits for an action's result: named, since
    /// the conversation goes on only once `/result` or `/fail` gives it.
    private func bot(waitingFor action: PendingAction?) -> String {
        action.map { "bot, waiting for the result of " + call($0) } ?? "bot"
    }

    /// `lookup_order(order_id=AB123456)`: an action the bot called, with the slots it sent.
    func call(_ action: PendingAction) -> String {
        "\(action.name)(\(pairs(action.slots)))"
    }

    /// `1 pattern`, `3 patterns`.
    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// `name=Kim, tier=vip`: keys in order.
    func pairs(_ values: [String: String]) -> String {
        values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    private func contexts(_ contexts: [String: Int]) -> String {
        contexts.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) turn\($0.value == 1 ? "" : "s") left)" }
            .joined(separator: ", ")
    }

    private func mood(_ sentiment: Sentiment) -> String {
        sentiment.isNegative ? "negative" : sentiment.isPositive ? "positive" : "neutral"
    }

    /// `45s`, `2m 05s`, `2h 00m`, `3d 0h`: the two largest units, so a wait of hours or a clock
    /// moved on by days reads at a glance (every duration the chat shows goes through here).
    func duration(_ seconds: Double) -> String {
        let whole = Int(max(0, seconds).rounded())
        let (minute, hour, day) = (60, 3_600, 86_400)
        if whole < minute { return "\(whole)s" }
        if whole < hour { return "\(whole / minute)m " + String(format: "%02ds", whole % minute) }
        if whole < day { return "\(whole / hour)h " + String(format: "%02dm", whole % hour / minute) }
        return "\(whole / day)d \(whole % day / hour)h"
    }
}
