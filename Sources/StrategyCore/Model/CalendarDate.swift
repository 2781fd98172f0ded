// A date of the business calendar with its precision, and how it is shown; parsing it from text is in
// CalendarDate+Parsing.swift.

/// A date in the business calendar (`2026-08-01`): when something takes effect, is due or was decided.
///
/// Business dates have no time of day and no time zone, so they compare and encode the same everywhere. They are
/// distinct from the time the store recorded an event.
///
/// A date carries its **precision**. Plans recorded after the fact often know only a year (`2010`), a month
/// (`2010-11`, "November 2010"), a season (`2017-spring`, "Frühjahr 2017") or that something happened *before* a date
/// (`before 2018`). Such a date is kept as the sources state it — it is never padded into a day — and is written
/// back, rendered and compared as what it is:
///
/// | written | ``precision`` | ``germanText`` |
/// |---|---|---|
/// | `2010-11-30` | ``DatePrecision/day`` | `2010-11-30` |
/// | `2010-11` | ``DatePrecision/month`` | `November 2010` |
/// | `2017-spring` | ``DatePrecision/season(_:)`` | `Frühjahr 2017` |
/// | `2010` | ``DatePrecision/year`` | `2010` |
/// | `before 2018` | ``DatePrecision/year``, ``isBefore`` | `vor 2018` |
///
/// Dates sort by the first day of the period they name; on the same first day a day sorts before a month, a month
/// before a season, a season before a year, and "before X" sorts just before X. For questions that need a day — is a
/// version in force on a date, did one thing certainly happen before another — use ``firstDay``, ``lastDay`` and
/// ``isCertainlyBefore(_:)``.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12; for a year or a season the first month of the period (and not a fact of its own).
    public let month: Int
    /// The day of the month; for a partial date the first day of the period (and not a fact of its own).
    public let day: Int
    /// How precisely the sources state the date.
    public let precision: DatePrecision
    /// True for "before" the period: `before 2018` is known only to lie before 2018-01-01.
    public let isBefore: Bool

    /// Creates a date; returns nil for a day that does not exist (`2025-02-29`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.precision = .day
        self.isBefore = false
    }

    /// A date known to the month ("November 2010"); nil outside 1…9999 and 1…12.
    public static func month(_ month: Int, of year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: month, day: 1).map { CalendarDate(period: $0, precision: .month, before: false) }
    }

    /// A date known to the season ("Frühjahr 2017"); winter is December of `year` to February of the next year.
    public static func season(_ season: Season, of year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: season.firstMonth, day: 1).map { CalendarDate(period: $0, precision: .season(season), before: false) }
    }

    /// A date known to the year ("2010").
    public static func year(_ year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: 1, day: 1).map { CalendarDate(period: $0, precision: .year, before: false) }
    }

    /// "Before" this date (`before 2018`); a date that is already "before" something is returned unchanged.
    public var before: CalendarDate { CalendarDate(period: self, precision: precision, before: true) }

    private init(period start: CalendarDate, precision: DatePrecision, before: Bool) {
        self.year = start.year
        self.month = start.month
        self.day = start.day
        self.precision = precision
        self.isBefore = before || start.isBefore
    }

    /// The canonical text: `2010-11-30`, `2010-11`, `2017-spring`, `2010`, `before 2018`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let period: String
        switch precision {
        case .day: period = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        case .month: period = "\(pad(year, 4))-\(pad(month, 2))"
        case .season(let season): period = "\(pad(year, 4))-\(season.rawValue)"
        case .year: period = pad(year, 4)
        }
        return isBefore ? "before " + period : period
    }

    /// The date as a German text: `2010-11-30`, `November 2010`, `Frühjahr 2017`, `2010`, `vor 2018`.
    public var germanText: String { text(in: .de) }

    /// True when the date names a single known day.
    public var isExactDay: Bool { precision == .day && !isBefore }

    /// The first day the date can be; nil for "before" a date, which has no known first day.
    public var firstDay: CalendarDate? {
        isBefore ? nil : CalendarDate(year: year, month: month, day: day)
    }

    /// The last day the date can be: the period's last day, or for "before X" the day before X begins.
    public var lastDay: CalendarDate {
        let start = CalendarDate(year: year, month: month, day: day)!
        if isBefore { return start.dayBefore ?? start }
        switch precision {
        case .day: return start
        case .month: return CalendarDate(year: year, month: month, day: Self.daysIn(month: month, year: year))!
        case .season(let season):
            let lastMonth = season.firstMonth + 2
            let (y, m) = lastMonth > 12 ? (year + 1, lastMonth - 12) : (year, lastMonth)
            return CalendarDate(year: min(y, 9999), month: m, day: Self.daysIn(month: m, year: min(y, 9999)))!
        case .year: return CalendarDate(year: year, month: 12, day: 31)!
        }
    }

    /// True when this date certainly lies before `other`: its last possible day is before the first possible day of
    /// `other`. Two periods that overlap (`2010` and `2010-06-01`) are neither certainly before nor after each other.
    public func isCertainlyBefore(_ other: CalendarDate) -> Bool {
        guard let otherFirst = other.firstDay else { return false }
        return lastDay.dayKey < otherFirst.dayKey
    }

    /// True when the two dates can name the same day (`2010-11` and `2010-11-30`; a day and itself).
    public func mayCoincide(with other: CalendarDate) -> Bool {
        !isCertainlyBefore(other) && !other.isCertainlyBefore(self)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    private var dayKey: Int { (year * 100 + month) * 100 + day }

    /// First day, then "before" ahead of the period itself, then the width of the period.
    private var sortKey: (Int, Int, Int) {
        let width: Int
        switch precision {
        case .day: width = 0
        case .month: width = 1
        case .season: width = 2
        case .year: width = 3
        }
        return (dayKey, isBefore ? 0 : 1, width)
    }

    private var dayBefore: CalendarDate? {
        if day > 1 { return CalendarDate(year: year, month: month, day: day - 1) }
        if month > 1 { return CalendarDate(year: year, month: month - 1, day: Self.daysIn(month: month - 1, year: year)) }
        return CalendarDate(year: year - 1, month: 12, day: 31)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(canonical: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date as YYYY-MM-DD (or YYYY-MM, YYYY-season, YYYY, 'before …'), found '\(text)'")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let germanMonths = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember",
    ]
    static let englishMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]
}

/// How precisely a ``CalendarDate`` is known.
public enum DatePrecision: Hashable, Sendable {
    /// A day: `2010-11-30`.
    case day
    /// A month: `2010-11`.
    case month
    /// A season: `2017-spring`.
    case season(Season)
    /// A year: `2010`.
    case year
}

/// The seasons a date may be known to ("Frühjahr 2017").
public enum Season: String, Hashable, Sendable, CaseIterable {
    /// March to May (*Frühjahr*, *Frühling*).
    case spring
    /// June to August (*Sommer*).
    case summer
    /// September to November (*Herbst*).
    case autumn
    /// December to February of the next year (*Winter*).
    case winter

    /// The first month of the season.
    public var firstMonth: Int {
        switch self {
        case .spring: 3
        case .summer: 6
        case .autumn: 9
        case .winter: 12
        }
    }
}

extension CalendarDate {
    /// The date as text in `language`: `2010-11-30`; `November 2010` / `November 2010`; `Frühjahr 2017` /
    /// `spring 2017`; `2010`; `vor 2018` / `before 2018` — a partial date is never shown as a day.
    public func text(in language: Language) -> String {
        let months = language == .de ? Self.germanMonths : Self.englishMonths.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        let period: String
        switch precision {
        case .day: period = CalendarDate(year: year, month: month, day: day)!.description
        case .month: period = "\(months[month - 1]) \(year)"
        case .season(let season): period = "\(season.label(language)) \(year)" + (season == .winter ? "/\(String(format2: (year + 1) % 100))" : "")
        case .year: period = String(year)
        }
        return isBefore ? (language == .de ? "vor " : "before ") + period : period
    }
}

private extension String {
    /// Two digits: `7` → `07`.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : String(value)
    }
}
