import Foundation

/// Charts as inline SVG, drawn by hand: no script, font or file beyond the page, so the report
/// opens offline and prints as it shows.
enum SVGChart {
    static let palette = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#718096"]

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Horizontal bars, one per item, longest first as given, with the value written after each.
    static func bars(_ items: [(label: String, value: Double, text: String)], title: String) -> String {
        let rowHeight = 22.0
        let labelWidth = 170.0
        let barWidth = 300.0
        let height = Double(max(items.count, 1)) * rowHeight + 10
        let top = items.map(\.value).max() ?? 0
        var svg =
            "<svg class=\"chart bars\" role=\"img\" aria-label=\"\(escape(title))\" width=\"\(number(labelWidth + barWidth + 260))\" height=\"\(number(height))\" viewBox=\"0 0 \(number(labelWidth + barWidth + 260)) \(number(height))\">"
        for (index, item) in items.enumerated() {
            let y = 5 + Double(index) * rowHeight
            let width = top > 0 ? max(1, item.value / top * barWidth) : 1
            svg +=
                "<text x=\"\(number(labelWidth - 6))\" y=\"\(number(y + 15))\" text-anchor=\"end\">\(escape(item.label))</text>"
            svg +=
                "<rect class=\"bar\" x=\"\(number(labelWidth))\" y=\"\(number(y + 3))\" width=\"\(number(width))\" height=\"\(number(rowHeight - 6))\" fill=\"\(palette[0])\"><title>\(escape(item.label)): \(escape(item.text))</title></rect>"
            svg += "<text x=\"\(number(labelWidth + width + 6))\" y=\"\(number(y + 15))\">\(escape(item.text))</text>"
        }
        return svg + "</svg>"
    }

    /// Rates per day as lines (0–100 %), one colour per series, with a legend.
    static func lines(days: [String], series: [(name: String, values: [Double])], title: String) -> String {
        let width = 640.0
        let height = 240.0
        let left = 44.0
        let bottom = 36.0
        let plotWidth = width - left - 16
        let plotHeight = height - bottom - 28
        func x(_ index: Int) -> Double {
            left + (days.count <= 1 ? plotWidth / 2 : Double(index) / Double(days.count - 1) * plotWidth)
        }
        func y(_ value: Double) -> Double { 28 + (1 - min(max(value, 0), 1)) * plotHeight }
        var svg =
            "<svg class=\"chart lines\" role=\"img\" aria-label=\"\(escape(title))\" width=\"\(number(width))\" height=\"\(number(height))\" viewBox=\"0 0 \(number(width)) \(number(height))\">"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg +=
                "<line x1=\"\(number(left))\" x2=\"\(number(width - 16))\" y1=\"\(number(y(tick)))\" y2=\"\(number(y(tick)))\" stroke=\"#e2e8f0\"/>"
            svg +=
                "<text x=\"\(number(left - 6))\" y=\"\(number(y(tick) + 4))\" text-anchor=\"end\">\(Int(tick * 100))%</text>"
        }
        let step = max(1, days.count / 8)
        for (index, day) in days.enumerated() where index % step == 0 || index == days.count - 1 {
            // The first and last dates lean inwards, so neither is cut off at the edge.
            let anchor = days.count < 2 ? "middle" : index == 0 ? "start" : index == days.count - 1 ? "end" : "middle"
            svg +=
                "<text x=\"\(number(x(index)))\" y=\"\(number(height - 14))\" text-anchor=\"\(anchor)\">\(escape(day))</text>"
        }
        for (number, line) in series.enumerated() {
            let colour = palette[number % palette.count]
            let points = line.values.enumerated().map { "\(Self.number(x($0.offset))),\(Self.number(y($0.element)))" }
            svg +=
                "<polyline class=\"series\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
            for (index, value) in line.values.enumerated() {
                svg +=
                    "<circle cx=\"\(Self.number(x(index)))\" cy=\"\(Self.number(y(value)))\" r=\"3\" fill=\"\(colour)\"><title>\(escape(line.name)) \(escape(days[index])): \(String(format: "%.1f", value * 100))%</title></circle>"
            }
            svg +=
                "<rect x=\"\(Self.number(left + Double(number) * 150))\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(Self.number(left + Double(number) * 150 + 18))\" y=\"16\">\(escape(line.name))</text>"
        }
        return svg + "</svg>"
    }
}
