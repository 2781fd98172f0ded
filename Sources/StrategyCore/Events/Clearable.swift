/// A change to an optional attribute in a revision: set it to a value, or clear it.
///
/// In a revision, `nil` means "unchanged"; `.cleared` means "remove the value".
public enum Clearable<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    /// Set the attribute to a value.
    case set(Value)
    /// Remove the attribute's value.
    case cleared

    /// The value after the change.
    public var value: Value? {
        if case let .set(value) = self { return value }
        return nil
    }

    /// The change that turns `old` into `new`, or nil when they are equal.
    public static func change(from old: Value?, to new: Value?) -> Clearable? {
        if old == new { return nil }
        return new.map(Clearable.set) ?? .cleared
    }

    private enum CodingKeys: String, CodingKey { case set, cleared }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let value = try container.decodeIfPresent(Value.self, forKey: .set) {
            self = .set(value)
        } else if try container.decodeIfPresent(Bool.self, forKey: .cleared) == true {
            self = .cleared
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected 'set' or 'cleared'"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .set(value): try container.encode(value, forKey: .set)
        case .cleared: try container.encode(true, forKey: .cleared)
        }
    }
}
