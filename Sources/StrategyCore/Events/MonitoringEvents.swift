/// An indicator was defined: `indicator.defined`.
public struct IndicatorDefined: Hashable, Sendable, Codable {
    /// The indicator's id.
    public var indicator: Identifier
    /// Its code.
    public var code: String
    /// Its name.
    public var name: String
    /// Its unit.
    public var unit: String
    /// Which direction is good.
    public var polarity: Polarity
    /// Where the data comes from.
    public var source: String

    /// Creates the payload.
    public init(indicator: Identifier, code: String, name: String, unit: String, polarity: Polarity, source: String) {
        self.indicator = indicator
        self.code = code
        self.name = name
        self.unit = unit
        self.polarity = polarity
        self.source = source
    }
}

/// An indicator's attributes changed: `indicator.revised`. Only changed attributes are set.
public struct IndicatorRevised: Hashable, Sendable, Codable {
    /// The indicator's id.
    public var indicator: Identifier
    /// The new code.
    public var code: String?
    /// The new name.
    public var name: String?
    /// The new unit.
    public var unit: String?
    /// The new polarity.
    public var polarity: Polarity?
    /// The new source.
    public var source: String?

    /// Creates the payload.
    public init(indicator: Identifier, code: String? = nil, name: String? = nil, unit: String? = nil, polarity: Polarity? = nil, source: String? = nil) {
        self.indicator = indicator
        self.code = code
        self.name = name
        self.unit = unit
        self.polarity = polarity
        self.source = source
    }
}

/// An indicator is no longer used: `indicator.retired`.
public struct IndicatorRetired: Hashable, Sendable, Codable {
    /// The indicator's id.
    public var indicator: Identifier
    /// Why.
    public var reason: String

    /// Creates the payload.
    public init(indicator: Identifier, reason: String) {
        self.indicator = indicator
        self.reason = reason
    }
}

/// A value of an indicator was recorded: `observation.recorded`.
public struct ObservationRecorded: Hashable, Sendable, Codable {
    /// The observation's id.
    public var observation: Identifier
    /// The indicator.
    public var indicator: Identifier
    /// The period, for example "2023/24".
    public var period: String
    /// The region.
    public var region: String
    /// The value.
    public var value: Quantity

    /// Creates the payload.
    public init(observation: Identifier, indicator: Identifier, period: String, region: String, value: Quantity) {
        self.observation = observation
        self.indicator = indicator
        self.period = period
        self.region = region
        self.value = value
    }
}

/// A recorded value was corrected by a new observation: `observation.corrected`.
public struct ObservationCorrected: Hashable, Sendable, Codable {
    /// The new observation's id.
    public var observation: Identifier
    /// The observation it corrects.
    public var corrects: Identifier
    /// The corrected value.
    public var value: Quantity
    /// Why.
    public var reason: String

    /// Creates the payload.
    public init(observation: Identifier, corrects: Identifier, value: Quantity, reason: String) {
        self.observation = observation
        self.corrects = corrects
        self.value = value
        self.reason = reason
    }
}
