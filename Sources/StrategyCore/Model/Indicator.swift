/// A monitoring figure (*Kennzahl*, *Indikator*).
public struct Indicator: Hashable, Sendable, Codable, Identifiable {
    /// The stable id.
    public let id: Identifier
    /// The code used in reports, for example "B-07".
    public var code: String
    /// The name.
    public var name: String
    /// The unit, for example "Prozent" or "Anzahl".
    public var unit: String
    /// Whether higher values are better.
    public var polarity: Polarity
    /// Where the data comes from.
    public var source: String
    /// Set when the indicator is no longer used.
    public var retiredReason: String?

    /// Creates an indicator.
    public init(id: Identifier, code: String, name: String, unit: String, polarity: Polarity, source: String) {
        self.id = id
        self.code = code
        self.name = name
        self.unit = unit
        self.polarity = polarity
        self.source = source
    }
}

/// Which direction of an indicator is good.
public enum Polarity: String, Hashable, Sendable, Codable, CaseIterable {
    /// Higher values are better.
    case higherIsBetter = "higher_is_better"
    /// Lower values are better.
    case lowerIsBetter = "lower_is_better"
    /// Neither direction is good in itself.
    case neutral
}

/// A value of an indicator for a period and a region (*Messwert*).
public struct Observation: Hashable, Sendable, Codable, Identifiable {
    /// The observation's id.
    public let id: Identifier
    /// The indicator observed.
    public var indicator: Identifier
    /// The period, for example "2023/24" or "2023-12-31".
    public var period: String
    /// The region, for example "Landkreis Vechta".
    public var region: String
    /// The value.
    public var value: Quantity
    /// The observation this one corrects.
    public var corrects: Identifier?
    /// The observation that corrected this one.
    public var correctedBy: Identifier?
    /// Why this observation corrects the one it names (set for corrections only).
    public var reason: String?

    /// Creates an observation.
    public init(id: Identifier, indicator: Identifier, period: String, region: String, value: Quantity, corrects: Identifier? = nil) {
        self.id = id
        self.indicator = indicator
        self.period = period
        self.region = region
        self.value = value
        self.corrects = corrects
    }
}
