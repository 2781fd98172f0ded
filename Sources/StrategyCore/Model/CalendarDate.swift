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

    /// Parses a day, `YYYY-MM-DD`; returns nil for anything else, partial dates included. Use it where a day is
    /// needed (a point in time to ask about); ``init(partial:)`` where a record may be known only in part.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses the canonical form of any date: `2010-11-30`, `2010-11`, `2017-spring`, `2010`, `before 2018`
    /// (``description`` gives it back). Nil for anything else.
    public init?(canonical text: String) {
        var body = Substring(text)
        let before = body.hasPrefix("before ")
        if before { body = body.dropFirst("before ".count) }
        guard let date = Self.canonicalPeriod(body) else { return nil }
        self = before ? date.before : date
    }

    /// Parses a date as people write it in plan files and on the command line: every canonical form
    /// (``init(canonical:)``), and in German or English words `November 2010`, `Nov. 2010`, `11/2010`,
    /// `Frühjahr 2017` (`Frühling`, `Sommer`, `Herbst`, `Winter`; `spring` …), `vor 2018`, `vor November 2010`.
    /// Nil for anything else.
    public init?(partial text: String) {
        let trimmed = text.trimmingSpaces
        if let date = CalendarDate(canonical: trimmed) { self = date; return }
        var words = trimmed.split(separator: " ").map(String.init)
        var before = false
        if let first = words.first?.lowercased(), first == "vor" || first == "before" {
            before = true
            words.removeFirst()
        }
        let rest = words.joined(separator: " ")
        if before, let date = CalendarDate(canonical: rest) { self = date.before; return }
        var date: CalendarDate?
        if words.count == 2, let year = Self.yearNumber(words[1]) {
            let word = words[0].lowercased()
            if let season = Season.named(word) {
                date = .season(season, of: year)
            } else if let month = Self.monthNumber(word) {
                date = .month(month, of: year)
            }
        } else if words.count == 2, Season.named(words[0].lowercased()) == .winter,
                  let slash = words[1].firstIndex(of: "/"), let year = Self.yearNumber(String(words[1][..<slash])) {
            // "Winter 2017/18": the winter that begins in December 2017.
            let next = String(words[1][words[1].index(after: slash)...])
            if next.count == 2 ? Int(next) == (year + 1) % 100 : Int(next) == year + 1 { date = .season(.winter, of: year) }
        } else if words.count == 1, let slash = words[0].firstIndex(of: "/"), slash != words[0].startIndex,
                  let month = Int(words[0][..<slash]), let year = Self.yearNumber(String(words[0][words[0].index(after: slash)...])) {
            date = .month(month, of: year)
        }
        guard let date else { return nil }
        self = before ? date.before : date
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

    private static func monthNumber(_ word: String) -> Int? {
        let name = word.hasSuffix(".") ? String(word.dropLast()) : word
        guard name.count >= 3 else { return nil }
        for (index, (german, english)) in zip(germanMonths.map { $0.lowercased() }, englishMonths).enumerated() {
            if name == german || name == english { return index + 1 }
            // Abbreviations as written in minutes: "Nov. 2010", "Sept. 2019", "Mrz 2020".
            if word.hasSuffix(".") && (german.hasPrefix(name) || english.hasPrefix(name)) { return index + 1 }
        }
        return name == "mrz" ? 3 : nil
    }

    private static func yearNumber(_ text: String) -> Int? {
        guard text.count == 4, text.allSatisfy({ $0 >= "0" && $0 <= "9" }), let year = Int(text), year >= 1 else { return nil }
        return year
    }

    private static func canonicalPeriod(_ text: Substring) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, let year = yearNumber(String(first)) else { return nil }
        switch parts.count {
        case 1: return .year(year)
        case 2:
            if let season = Season(rawValue: String(parts[1])) { return .season(season, of: year) }
            guard parts[1].count == 2, parts[1].allSatisfy({ $0 >= "0" && $0 <= "9" }), let month = Int(parts[1]) else { return nil }
            return .month(month, of: year)
        case 3: return CalendarDate(String(text))
        default: return nil
        }
    }
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

    static func named(_ word: String) -> Season? {
        switch word {
        case "frühjahr", "frühling", "spring": .spring
        case "sommer", "summer": .summer
        case "herbst", "autumn", "fall": .autumn
        case "winter": .winter
        default: nil
        }
    }
}

private extension String {
    /// Two digits: `7` → `07`.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : String(value)
    }
}

/// An exact decimal number as people write it (`12.5`, `-3`, `1200`), for indicator values.
///
/// Kept as normalised text — no binary floating point — so values compare, encode and hash exactly.
public struct Quantity: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The normalised decimal text: no leading zeros, no trailing fractional zeros, no `-0`.
    public let text: String

    /// Parses a decimal such as `12.50` (stored as `12.5`); returns nil for anything else.
    public init?(_ text: String) {
        var body = Substring(text.trimmingSpaces)
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() } else if body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty || parts.count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0 >= "0" && $0 <= "9" } }) else { return nil }
        if parts.count == 2 && parts[1].isEmpty { return nil }
        var integer = String(whole.drop { $0 == "0" })
        if integer.isEmpty { integer = "0" }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        while fraction.last == "0" { fraction.removeLast() }
        guard integer.count + fraction.count <= 38 else { return nil }
        var normalised = integer + (fraction.isEmpty ? "" : "." + fraction)
        if negative && normalised != "0" { normalised = "-" + normalised }
        self.text = normalised
    }

    /// Text that is already in normalised form (as this library stores it), checked without re-parsing: an
    /// optional `-`, an integer part without leading zeros, and a fraction without trailing zeros. Nil otherwise.
    init?(normalized text: String) {
        var utf8 = Substring(text).utf8[...]
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        let whole = utf8.prefix(while: isDigit)
        guard let first = whole.first, first != UInt8(ascii: "0") || whole.count == 1 else { return nil }
        var rest = utf8.dropFirst(whole.count)
        var digits = whole.count
        if let dot = rest.first {
            guard dot == UInt8(ascii: "."), rest.count >= 2, rest.dropFirst().allSatisfy(isDigit),
                  rest.last != UInt8(ascii: "0") else { return nil }
            digits += rest.count - 1
            rest = rest.dropFirst(rest.count)
        }
        guard digits <= 38, text != "-0" else { return nil }
        self.text = text
    }

    /// An integer quantity.
    public init(_ value: Int) {
        self.text = String(value)
    }

    public var description: String { text }

    /// The value as a `Double`, for charts and ratios; not for storage or comparison of equality.
    public var approximateValue: Double { Double(text) ?? 0 }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.approximateValue < rhs.approximateValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let quantity = Quantity(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a decimal number, found '\(text)'")
        }
        self = quantity
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// An amount of money in euro cents, so that sums are exact.
public struct EuroAmount: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The amount in cents.
    public let cents: Int64

    /// Creates an amount from cents.
    public init(cents: Int64) {
        self.cents = cents
    }

    /// Parses `12500`, `12500.5` or `12500.50` (euro, at most two decimals); returns nil for anything else.
    public init?(euros text: String) {
        let trimmed = text.trimmingSpaces
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 15,
              parts[0].allSatisfy({ $0 >= "0" && $0 <= "9" }), let euros = Int64(parts[0]) else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0 >= "0" && $0 <= "9" }),
                  let value = Int64(fraction) else { return nil }
            cents = fraction.count == 1 ? value * 10 : value
        }
        self.cents = euros * 100 + cents
    }

    /// `12500.00`.
    public var description: String {
        let cents = abs(self.cents % 100)
        return "\(self.cents / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public static func < (lhs: EuroAmount, rhs: EuroAmount) -> Bool { lhs.cents < rhs.cents }

    public init(from decoder: any Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
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
