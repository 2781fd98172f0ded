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
