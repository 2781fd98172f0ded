/// A date in the business calendar (`2026-08-01`): when something takes effect, is due or was decided.
///
/// Business dates have no time of day and no time zone, so they compare and encode the same everywhere. They are
/// distinct from the time the store recorded an event.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// Creates a date; returns nil for a day that does not exist (`2025-02-29`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; returns nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date as YYYY-MM-DD, found '\(text)'")
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
