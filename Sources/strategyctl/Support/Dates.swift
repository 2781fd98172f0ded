import Foundation
import StrategyCore

/// Dates and times as the command line reads and writes them.
enum Dates {
    /// Today's date in UTC.
    static var today: CalendarDate? {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// `2024-03-01`, `2024-03-01T10:00`, `2024-03-01T10:00:00Z`, `2024-03-01T10:00:00+01:00`; a date means the end of
    /// that day, a time without a zone means UTC.
    static func parseTime(_ text: String) -> Date? {
        if let date = CalendarDate(text) {
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
