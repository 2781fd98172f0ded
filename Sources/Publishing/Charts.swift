import Foundation
import StrategyCore

/// Inline SVG charts. Each is an image with a title and a description (`role="img"`, `aria-labelledby`) that says in
/// words what it shows; the page puts the chart's data next to it as a table. Colours are never the only carrier:
/// every bar and line is labelled with text.
enum Chart {
    /// Escapes text for SVG and HTML.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A number as the chart writes it: at most two decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// A line chart of values in order (an indicator's observations), with horizontal lines for the baseline and
    /// the target. `id` makes the title's and description's ids unique on the page.
    static func line(id: String, title: String, description: String, points: [(label: String, value: Double)],
                     references: [(label: String, value: Double)]) -> String {
        let width = 640.0, height = 280.0, left = 56.0, right = 24.0, top = 20.0, bottom = 48.0
        let values = points.map(\.value) + references.map(\.value)
        guard let low = values.min(), let high = values.max() else { return "" }
        let span = high - low == 0 ? max(1, abs(high)) : high - low
        let minimum = low - span * 0.1, maximum = high + span * 0.1
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (1 - (value - minimum) / (maximum - minimum)) }
        let step = points.count > 1 ? (width - left - right) / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { points.count > 1 ? left + step * Double(index) : (left + width - right) / 2 }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        svg += "<title id=\"\(id)-title\">\(escape(title))</title><desc id=\"\(id)-desc\">\(escape(description))</desc>"
        svg += "<line class=\"axis\" x1=\"\(Int(left))\" y1=\"\(Int(height - bottom))\" x2=\"\(Int(width - right))\" y2=\"\(Int(height - bottom))\"/>"
        svg += "<line class=\"axis\" x1=\"\(Int(left))\" y1=\"\(Int(top))\" x2=\"\(Int(left))\" y2=\"\(Int(height - bottom))\"/>"
        for value in [minimum, (minimum + maximum) / 2, maximum] {
            svg += "<text class=\"tick\" x=\"\(Int(left - 6))\" y=\"\(number(y(value) + 4))\" text-anchor=\"end\">\(number(value))</text>"
        }
        for (index, reference) in references.enumerated() {
            let at = y(reference.value)
            svg += "<line class=\"reference reference-\(index)\" x1=\"\(Int(left))\" y1=\"\(number(at))\" x2=\"\(Int(width - right))\" y2=\"\(number(at))\"/>"
            svg += "<text class=\"reference-label\" x=\"\(Int(width - right))\" y=\"\(number(at - 4))\" text-anchor=\"end\">\(escape(reference.label)) \(number(reference.value))</text>"
        }
        if points.count > 1 {
            let path = points.indices.map { "\(number(x($0))),\(number(y(points[$0].value)))" }.joined(separator: " ")
            svg += "<polyline class=\"series\" points=\"\(path)\"/>"
        }
        for (index, point) in points.enumerated() {
            svg += "<circle class=\"point\" cx=\"\(number(x(index)))\" cy=\"\(number(y(point.value)))\" r=\"4\"/>"
            svg += "<text class=\"value\" x=\"\(number(x(index)))\" y=\"\(number(y(point.value) - 8))\" text-anchor=\"middle\">\(number(point.value))</text>"
            svg += "<text class=\"tick\" x=\"\(number(x(index)))\" y=\"\(Int(height - bottom + 18))\" text-anchor=\"middle\">\(escape(point.label))</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars, one per category, each labelled with its name and count (a field's measures by status).
    static func bars(id: String, title: String, description: String, bars: [(label: String, count: Int)]) -> String {
        let rowHeight = 28.0, labelWidth = 220.0, width = 640.0
        let height = rowHeight * Double(bars.count) + 8
        let most = Double(max(1, bars.map(\.count).max() ?? 1))
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        svg += "<title id=\"\(id)-title\">\(escape(title))</title><desc id=\"\(id)-desc\">\(escape(description))</desc>"
        for (index, bar) in bars.enumerated() {
            let y = 4 + rowHeight * Double(index)
            let length = (width - labelWidth - 48) * Double(bar.count) / most
            svg += "<text class=\"tick\" x=\"\(Int(labelWidth - 8))\" y=\"\(number(y + 18))\" text-anchor=\"end\">\(escape(bar.label))</text>"
            svg += "<rect class=\"bar bar-\(index % 6)\" x=\"\(Int(labelWidth))\" y=\"\(number(y + 4))\" width=\"\(number(max(length, 1)))\" height=\"\(Int(rowHeight - 10))\"/>"
            svg += "<text class=\"value\" x=\"\(number(labelWidth + max(length, 1) + 6))\" y=\"\(number(y + 18))\">\(bar.count)</text>"
        }
        return svg + "</svg>"
    }

    /// Events on a time axis (versions and resolutions), each a mark with its date and a short label, alternating
    /// above and below the axis so that labels do not overlap.
    static func timeline(id: String, title: String, description: String, events: [(date: CalendarDate, label: String, kind: Int)]) -> String {
        guard let first = events.map(\.date).min(), let last = events.map(\.date).max() else { return "" }
        let width = 720.0, height = 200.0, left = 40.0, right = 40.0, axis = 100.0
        func day(_ date: CalendarDate) -> Double { Double(date.year) * 372 + Double(date.month) * 31 + Double(date.day) }
        let span = max(1, day(last) - day(first))
        func x(_ date: CalendarDate) -> Double { events.count == 1 ? width / 2 : left + (width - left - right) * (day(date) - day(first)) / span }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        svg += "<title id=\"\(id)-title\">\(escape(title))</title><desc id=\"\(id)-desc\">\(escape(description))</desc>"
        svg += "<line class=\"axis\" x1=\"\(Int(left))\" y1=\"\(Int(axis))\" x2=\"\(Int(width - right))\" y2=\"\(Int(axis))\"/>"
        for (index, event) in events.enumerated() {
            let at = x(event.date), above = index % 2 == 0
            let textY = above ? axis - 30 - Double(index % 4 / 2) * 26 : axis + 40 + Double(index % 4 / 2) * 26
            svg += "<line class=\"tick-line\" x1=\"\(number(at))\" y1=\"\(Int(axis))\" x2=\"\(number(at))\" y2=\"\(number(above ? textY + 6 : textY - 14))\"/>"
            svg += event.kind == 0
                ? "<circle class=\"mark mark-version\" cx=\"\(number(at))\" cy=\"\(Int(axis))\" r=\"6\"/>"
                : "<rect class=\"mark mark-resolution\" x=\"\(number(at - 5))\" y=\"\(Int(axis - 5))\" width=\"10\" height=\"10\"/>"
            let anchor = at < left + 60 ? "start" : at > width - right - 60 ? "end" : "middle"
            svg += "<text class=\"tick\" x=\"\(number(at))\" y=\"\(number(textY))\" text-anchor=\"\(anchor)\">\(escape(event.label))</text>"
            svg += "<text class=\"tick date\" x=\"\(number(at))\" y=\"\(number(textY + 13))\" text-anchor=\"\(anchor)\">\(escape(event.date.description))</text>"
        }
        return svg + "</svg>"
    }
}
