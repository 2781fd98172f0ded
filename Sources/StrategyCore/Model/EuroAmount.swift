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
