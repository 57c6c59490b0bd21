import Foundation
import Usher

/// The report as one self-contained HTML page: inline CSS and SVG, no script, no fonts or
/// images to fetch, so it opens offline, mails as one file and prints as it shows.
struct StatsPage {
    let stats: ConversationStats
    let source: String
    /// The largest groups of messages the bot did not understand, when the caller has them.
    var unmatched: [UnmatchedGroup] = []

    private func escape(_ text: String) -> String { SVGChart.escape(text) }

    private static func listed(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "none" : StatsText.tallies(counts)
    }

    var html: String {
        let summary = stats.summary
        let period = stats.from.map { "\(StatsText.moment($0)) to \(StatsText.moment(stats.to ?? $0)) UTC" } ?? ""
        var body = "<h1>How the bot did</h1><p class=\"period\">\(escape(source)), \(escape(period))</p>"
        if let note = StatsText.leftOut(stats) { body += "<p class=\"period\">\(escape(note))</p>" }
        body += "<section class=\"figures\">"
        for (label, value, detail) in [
            (
                "Conversations", "\(summary.conversations)",
                String(format: "%.1f turns each", summary.turnsPerConversation)
            ),
            ("Containment", StatsText.percent(summary.containmentRate), "\(summary.contained) kept by the bot"),
            ("Escalation", StatsText.percent(summary.escalationRate), "\(summary.escalated) handed to people"),
            (
                "Abandonment", StatsText.percent(summary.abandonmentRate),
                "\(summary.abandoned) left waiting or mid-form"
            ),
            ("Fallback rate", StatsText.percent(summary.fallbackRate), "of \(summary.botTurns) bot turns"),
        ] + (summary.silent > 0 ? [("Silent turns", "\(summary.silent)", StatsText.silentDetail)] : []) {
            body +=
                "<div class=\"figure\"><div class=\"label\">\(label)</div><div class=\"value\">\(escape(value))</div><div class=\"detail\">\(escape(detail))</div></div>"
        }
        body += "</section>"
        body += "<h2>Per day</h2>"
        body += SVGChart.lines(
            days: stats.days.map(\.date),
            series: [
                ("containment", stats.days.map(\.summary.containmentRate)),
                ("escalation", stats.days.map(\.summary.escalationRate)),
                ("fallback rate", stats.days.map(\.summary.fallbackRate)),
            ], title: "containment, escalation and fallback rate per day")
        if stats.languages.count > 1 {
            body +=
                "<h2>Per language</h2><table><tr><th>language</th><th>conversations</th><th>containment</th>"
                + "<th>escalation</th><th>abandonment</th><th>fallback rate</th></tr>"
            for language in stats.languages {
                let cells = StatsText.rates(language.summary).map { "<td class=\"n\">\(escape($0))</td>" }
                body += "<tr><td>\(escape(language.language))</td>\(cells.joined())</tr>"
            }
            body += "</table>"
        }
        body += "<h2>Why conversations went to people</h2>"
        body += SVGChart.bars(
            stats.escalationReasons.sorted { $0.value > $1.value }.map { ($0.key, Double($0.value), "\($0.value)") },
            title: "escalations by reason")
        body += "<h2>What customers asked</h2>"
        body += SVGChart.bars(
            stats.intents.prefix(15).map {
                ($0.intent, Double($0.turns), "\($0.turns) (confidence \(String(format: "%.2f", $0.meanConfidence)))")
            }, title: "intents by volume")
        if !stats.forms.isEmpty {
            body += "<h2>Forms</h2>"
            for funnel in stats.forms {
                body += "<h3>\(escape(funnel.form))</h3>"
                body += SVGChart.bars(
                    [
                        ("started", Double(funnel.started), "\(funnel.started)"),
                        ("completed", Double(funnel.completed), "\(funnel.completed)"),
                        ("cancelled", Double(funnel.cancelled), "\(funnel.cancelled)"),
                        ("failed", Double(funnel.failed), "\(funnel.failed)"),
                        ("dropped", Double(funnel.dropped), "\(funnel.dropped)"),
                        ("abandoned", Double(funnel.abandoned), "\(funnel.abandoned)"),
                    ], title: "funnel of \(funnel.form)")
                if !funnel.stoppedAt.isEmpty || !funnel.reprompts.isEmpty {
                    body +=
                        "<p class=\"note\">Stopped at: \(escape(Self.listed(funnel.stoppedAt))). Asked again: \(escape(Self.listed(funnel.reprompts))).</p>"
                }
            }
        }
        if !stats.queues.isEmpty {
            body += "<h2>Waiting for people</h2>"
            body += SVGChart.bars(
                stats.queues.map {
                    (
                        $0.queue, $0.wait.p90,
                        "p50 \(StatsText.seconds($0.wait, \.p50)), p90 \(StatsText.seconds($0.wait, \.p90)), max \(StatsText.seconds($0.wait, \.max)) (\($0.wait.count) taken)"
                    )
                }, title: "queue waits (90th percentile)")
            let all = stats.queueAbandonment
            body +=
                "<h3>Left before an agent took them</h3><p class=\"note\">"
                + escape(
                    "\(all.abandoned) of the \(all.abandoned + all.taken) waits that ended were customers leaving "
                        + "(\(StatsText.percent(all.rate))); \(all.stillWaiting) still waiting at the end.") + "</p>"
                + "<table><tr><th>queue</th><th>abandoned</th><th>abandon rate</th><th>time to abandon p50</th>"
                + "<th>p90</th><th>still waiting</th><th>left by</th></tr>"
            for queue in stats.queues {
                let cells = StatsText.abandonment(queue.abandonment).enumerated().map { index, cell in
                    "<td\(index < 5 ? " class=\"n\"" : "")>\(escape(cell))</td>"
                }
                body += "<tr><td>\(escape(queue.queue))</td>\(cells.joined())</tr>"
            }
            body += "</table>"
        }
        if !unmatched.isEmpty {
            body +=
                "<h2>What the bot did not understand</h2><table><tr><th>messages</th><th>for example</th><th>closest intent</th></tr>"
            for group in unmatched.prefix(15) {
                body +=
                    "<tr><td class=\"n\">\(group.count)</td><td>\(escape(group.representative))</td><td>\(escape(group.closestIntent ?? "none")) \(String(format: "%.2f", group.confidence))</td></tr>"
            }
            body += "</table>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Usher report: \(escape(source))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 760px; color: #1a202c; }
            h1 { margin-bottom: 0; } .period { color: #4a5568; margin-top: .2em; }
            h2 { margin-top: 1.6em; border-bottom: 1px solid #e2e8f0; } h3 { margin-bottom: .2em; }
            .figures { display: flex; flex-wrap: wrap; gap: 12px; }
            .figure { border: 1px solid #e2e8f0; border-radius: 6px; padding: 8px 12px; min-width: 120px; }
            .label { color: #4a5568; font-size: 90%; } .value { font-size: 180%; font-weight: 600; }
            .detail { color: #718096; font-size: 85%; }
            svg { display: block; font-size: 12px; } svg text { fill: #2d3748; }
            table { border-collapse: collapse; } td, th { padding: 3px 8px; border-bottom: 1px solid #edf2f7; text-align: left; }
            td.n { text-align: right; } .note { color: #4a5568; font-size: 90%; }
            @media print { body { margin: 0; } h2 { break-after: avoid; } svg { break-inside: avoid; } }
            </style></head><body>
            \(body)
            </body></html>

            """
    }
}
