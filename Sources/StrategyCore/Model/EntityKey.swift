/// Names one entity of a plan wherever changes are traced to it — audit trails, blame, the log filter and the
/// effects of an event: the plan itself, a resolution by its number, or any other entity by its id.
///
/// Its text form (``rawValue``) is what the audit index, JSON output and `strategyctl` use: `plan`,
/// `resolution:NUMBER`, or the id (`ziel-a1`). In code, write a key as a string literal in that form
/// (`"resolution:KT-2025/014"`) or with a case.
public enum EntityKey: Hashable, Sendable, Comparable {
    /// The plan itself: its title, county, levels, versions.
    case plan
    /// A resolution (*Beschluss*), by its number: resolutions have numbers, not ids.
    case resolution(String)
    /// A field, goal, measure, indicator, body, theme, participation, contribution, observation or person, by id.
    case entity(Identifier)

    /// The text form: `plan`, `resolution:NUMBER`, or the id.
    public var rawValue: String {
        switch self {
        case .plan: Self.planText
        case let .resolution(number): Self.resolutionPrefix + number
        case let .entity(id): id.rawValue
        }
    }

    /// Reads the text form: `plan`, `resolution:NUMBER` (a number that is not blank), or a valid id; nil otherwise.
    public init?(rawValue: String) {
        if rawValue == Self.planText {
            self = .plan
        } else if rawValue.hasPrefix(Self.resolutionPrefix) {
            let number = String(rawValue.dropFirst(Self.resolutionPrefix.count))
            guard !number.trimmingSpaces.isEmpty else { return nil }
            self = .resolution(number)
        } else if let id = try? Identifier(rawValue) {
            self = .entity(id)
        } else {
            return nil
        }
    }

    /// Orders keys by their text form.
    public static func < (a: EntityKey, b: EntityKey) -> Bool { a.rawValue < b.rawValue }

    static let planText = "plan"
    static let resolutionPrefix = "resolution:"
}

extension EntityKey: CustomStringConvertible {
    /// The text form, ``rawValue``.
    public var description: String { rawValue }
}

extension EntityKey: ExpressibleByStringLiteral {
    /// A key written in code, in its text form. A literal that is no key (`"Ziel A"`) stops the program: it is a
    /// mistake in the source, not in input; read input with ``init(rawValue:)``.
    public init(stringLiteral value: String) {
        guard let key = EntityKey(rawValue: value) else {
            preconditionFailure("'\(value)' is not an entity key: write 'plan', 'resolution:NUMBER' or an id")
        }
        self = key
    }
}

extension EntityKey: Codable {
    /// Reads the text form.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let key = EntityKey(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an entity key"))
        }
        self = key
    }

    /// Writes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
