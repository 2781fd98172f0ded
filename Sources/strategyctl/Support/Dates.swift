import Foundation
import StrategyCore

/// Dates and times as the command line reads and writes them.
enum Dates {
    /// Today's date in UTC.
    static var today: CalendarDate? {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// A day as the command line takes it: `2024-04-18`, or as German offices write it, `18.04.2024` (also
    /// `18.4.2024`); a German day is echoed on stderr as the ISO date it was read as.
    static func day(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(text) { return date }
        guard let date = germanDay(text) else { return nil }
        echo(text, date)
        return date
    }

    /// A date of a record, as precisely as the sources state it (``CalendarDate/init(partial:)``), or a German day.
    static func partial(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(partial: text) { return date }
        guard let date = germanDay(text) else { return nil }
        echo(text, date)
        return date
    }

    /// `18.04.2024` or `18.4.2024`.
    private static func germanDay(_ text: String) -> CalendarDate? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static let echoed = EchoedDates()

    private static func echo(_ text: String, _ date: CalendarDate) {
        guard echoed.first(text) else { return }
        Terminal.standardError(Terminal.language == .de ? "Hinweis: '\(text)' gelesen als \(date)\n" : "note: '\(text)' read as \(date)\n")
    }

    /// `2024-03-01`, `2024-03-01T10:00`, `2024-03-01T10:00:00Z`, `2024-03-01T10:00:00+01:00`; a date means the end of
    /// that day, a time without a zone means UTC.
    static func parseTime(_ text: String) -> Date? {
        if let date = day(text) {
            return utc("\(date)T23:59:59Z")
        }
        var candidate = text
        if candidate.count == 16 { candidate += ":00" }  // 2024-03-01T10:00
        if !(candidate.hasSuffix("Z") || candidate.dropFirst(19).contains("+") || candidate.dropFirst(19).contains("-")) { candidate += "Z" }
        return utc(candidate)
    }

    private static func utc(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// `2024-03-01T10:00:00Z`.
    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// The German dates already echoed, so that each is echoed once per run.
private final class EchoedDates: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<String> = []

    func first(_ text: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return seen.insert(text).inserted
    }
}
