import Foundation
import Usher

/// The stats as tables for a person at a terminal.
struct StatsText {
    let stats: ConversationStats
    let source: String

    static func describe(_ range: (from: Double?, to: Double?)) -> String {
        switch (range.from, range.to) {
        case (nil, nil): ""
        case (let from?, nil): " since \(moment(from))"
        case (nil, let to?): " before \(moment(to))"
        case (let from?, let to?): " between \(moment(from)) and \(moment(to))"
        }
    }

    static func moment(_ seconds: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    static func seconds(_ value: Double) -> String {
        value < 90 ? String(format: "%.0fs", value) : String(format: "%.1fm", value / 60)
    }

    /// A part of a distribution of durations, or "—" when it holds none: a queue where nobody
    /// was taken has no wait, which "0s" would pass off as instant.
    static func seconds(_ distribution: Distribution, _ part: KeyPath<Distribution, Double>) -> String {
        distribution.count == 0 ? "—" : seconds(distribution[keyPath: part])
    }

    static func tallies(_ counts: [String: Int]) -> String {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            .joined(separator: ", ")
    }

    /// What the figures leave out, when they leave out anything: rows that could not be read.
    static func leftOut(_ stats: ConversationStats) -> String? {
        guard !stats.damagedRows.isEmpty else { return nil }
        let count = stats.damagedRows.reduce(0) { $0 + $1.count }
        return "left out: \(count) damaged row\(count == 1 ? "" : "s") ("
            + stats.damagedRows.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
            + "), named on stderr; the figures do not count \(count == 1 ? "it" : "them")"
    }

    /// What a silent turn is, beside their count.
    static let silentDetail = "the bot said nothing; not counted as contained"

    /// Turns the bot answered with nothing, when there were any.
    private var silentLine: [[String]] {
        let silent = stats.summary.silent
        guard silent > 0 else { return [] }
        return [["silent turns", "\(silent)", Self.silentDetail]]
    }

    var text: String {
        let summary = stats.summary
        var lines: [String] = []
        let period = stats.from.map { "\(Self.moment($0)) to \(Self.moment(stats.to ?? $0)) UTC" } ?? ""
        lines.append("usher stats: \(source), \(period)")
        if let note = Self.leftOut(stats) { lines.append(note) }
        lines.append("")
        // With no escalation there are no reasons or queues to list, and no line for them.
        let escalated =
            stats.escalationReasons.isEmpty
            ? "\(summary.escalated) handed to a person"
            : "\(summary.escalated): " + Self.tallies(stats.escalationReasons)
        let byQueue = stats.escalationQueues.isEmpty ? [] : [["  by queue", "", Self.tallies(stats.escalationQueues)]]
        lines += table(
            [
                [
                    "conversations", "\(summary.conversations)",
                    String(format: "%.1f turns each", summary.turnsPerConversation),
                ],
                [
                    "containment", Self.percent(summary.containmentRate),
                    "\(summary.contained) never handed to a person",
                ],
                ["escalation", Self.percent(summary.escalationRate), escalated],
            ] + byQueue + [
                [
                    "abandonment", Self.percent(summary.abandonmentRate),
                    "\(summary.abandoned): in a queue \(stats.abandonedInQueue), in a form \(stats.abandonedInForm)",
                ],
                ["fallback rate", Self.percent(summary.fallbackRate), "of \(summary.botTurns) turns the bot answered"],
            ] + silentLine + [
                ["decided by", "", shares(stats.decidedBy)]
            ], header: nil)
        if !stats.intents.isEmpty {
            lines.append("")
            lines += table(
                stats.intents.map { [$0.intent, "\($0.turns)", String(format: "%.2f", $0.meanConfidence)] },
                header: ["intent", "turns", "mean confidence"])
        }
        if !stats.forms.isEmpty {
            lines.append("")
            lines += table(
                stats.forms.map {
                    [
                        $0.form, "\($0.started)", "\($0.completed)", "\($0.cancelled)", "\($0.failed)", "\($0.dropped)",
                        "\($0.abandoned)", Self.tallies($0.stoppedAt), Self.tallies($0.reprompts),
                    ]
                },
                header: [
                    "form", "started", "completed", "cancelled", "failed", "dropped", "abandoned", "stopped at",
                    "reprompts",
                ])
        }
        if !stats.actions.isEmpty {
            lines.append("")
            lines += table(
                stats.actions.map { [$0.action, "\($0.calls)", Self.tallies($0.outcomes)] },
                header: ["action", "calls settled", "outcomes"])
        }
        if !stats.queues.isEmpty {
            lines.append("")
            lines += table(
                stats.queues.map {
                    [
                        $0.queue, "\($0.queued)", "\($0.wait.count)", Self.seconds($0.wait, \.mean),
                        Self.seconds($0.wait, \.p50),
                        Self.seconds($0.wait, \.p90), Self.seconds($0.wait, \.max), Self.seconds($0.handle, \.mean),
                        "\($0.transfersIn)/\($0.transfersOut)",
                    ]
                },
                header: [
                    "queue", "queued", "taken", "wait mean", "p50", "p90", "max", "handle mean", "transfers in/out",
                ])
            lines.append("")
            lines += table(
                stats.queues.map { [$0.queue] + Self.abandonment($0.abandonment) }
                    + (stats.queues.count > 1 ? [["all queues"] + Self.abandonment(stats.queueAbandonment)] : []),
                header: [
                    "queue", "abandoned", "abandon rate", "time to abandon p50", "p90", "still waiting", "left by",
                ])
        }
        if !stats.agents.isEmpty {
            lines.append("")
            lines += table(
                stats.agents.map {
                    [
                        $0.agent, "\($0.claimed)", "\($0.handle.count)", Self.seconds($0.handle, \.mean),
                        Self.seconds($0.handle, \.p50), Self.seconds($0.handle, \.p90), Self.seconds($0.handle, \.max),
                        "\($0.transfers)",
                    ]
                },
                header: ["agent", "claimed", "finished", "handle mean", "p50", "p90", "max", "transfers"])
        }
        let repeats = stats.repeatContacts
        lines.append("")
        lines.append(
            repeats.identified == 0
                ? "repeat contacts: nothing to count: no conversation named its customer (request metadata \"customer\")"
                : "repeat contacts: \(repeats.repeats) of \(repeats.identified) conversations of known customers "
                    + "(\(Self.percent(repeats.rate))) came back within 24 hours"
                    + (repeats.intents.isEmpty
                        ? ""
                        : "; about "
                            + repeats.intents.prefix(5).map { "\($0.name) \($0.count)" }.joined(separator: ", ")))
        lines.append("")
        let columns = ["conversations", "containment", "escalation", "abandonment", "fallback rate"]
        lines += table(stats.days.map { [$0.date] + Self.rates($0.summary) }, header: ["day"] + columns)
        // One language is the whole table above; several are where a team sees which one trails.
        if stats.languages.count > 1 {
            lines.append("")
            lines += table(
                stats.languages.map { [$0.language] + Self.rates($0.summary) }, header: ["language"] + columns)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Ways of leaving a queue, in the order the table lists them.
    static let queueExits = QueueExit.allCases.map(\.rawValue) + ["reset"]

    /// A queue's abandonment: how many left before an agent took them, of how many waits that
    /// ended, after how long, who still waits, and how they left (every way, 0 included, so
    /// that a 0 is seen to be measured).
    static func abandonment(_ figures: ConversationStats.QueueAbandonment) -> [String] {
        [
            "\(figures.abandoned) of \(figures.abandoned + figures.taken)", percent(figures.rate),
            seconds(figures.time, \.p50), seconds(figures.time, \.p90), "\(figures.stillWaiting)",
            queueExits.map { "\($0) \(figures.ways[$0] ?? 0)" }.joined(separator: ", "),
        ]
    }

    /// A period's or a language's conversations, containment, escalation, abandonment and fallback rate.
    static func rates(_ summary: ConversationStats.Summary) -> [String] {
        [
            "\(summary.conversations)", percent(summary.containmentRate), percent(summary.escalationRate),
            percent(summary.abandonmentRate), percent(summary.fallbackRate),
        ]
    }

    private func shares(_ counts: [String: Int]) -> String {
        let total = counts.values.reduce(0, +)
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) \(Self.percent(rate($0.value, of: total)))" }.joined(separator: ", ")
    }

    private func rate(_ part: Int, of whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }

    /// Columns padded to their widest cell; numbers right-aligned.
    private func table(_ rows: [[String]], header: [String]?) -> [String] {
        let all = (header.map { [$0] } ?? []) + rows
        guard let columns = all.map(\.count).max() else { return [] }
        let widths = (0..<columns).map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in
                let numeric = index > 0 && cell.first.map { $0.isNumber } == true && !cell.contains(" ")
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return numeric ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }
}
