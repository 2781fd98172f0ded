/// A cross-cutting theme (*Querschnittsthema*) of the plan — Inklusion, Integration, BNE, Digitalität — that belongs to
/// no single field of action. Fields, goals and measures refer to the themes they serve (`themes`).
public struct Theme: Hashable, Sendable, Codable, Identifiable {
    /// The stable id.
    public let id: Identifier
    /// The title, for example "Bildung für nachhaltige Entwicklung (BNE)".
    public var title: String
    /// What the plan says about the theme; nil when it gives the title only.
    public var description: String?

    /// Creates a theme.
    public init(id: Identifier, title: String, description: String? = nil) {
        self.id = id
        self.title = title
        self.description = description
    }
}

/// A list that the canonical encoding leaves out when it is empty, and reads as empty when it is absent.
///
/// Lists added to content types after plans were sealed use it: a plan that uses none of them encodes as it did
/// before, so the content hashes of versions adopted earlier still match.
@propertyWrapper
public struct OmittedWhenEmpty<Element: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    /// The list.
    public var wrappedValue: [Element]

    /// Wraps a list.
    public init(wrappedValue: [Element]) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode([Element].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedEncodingContainer {
    /// Leaves an empty ``OmittedWhenEmpty`` list out.
    public mutating func encode<Element>(_ value: OmittedWhenEmpty<Element>, forKey key: Key) throws {
        if !value.wrappedValue.isEmpty { try encode(value.wrappedValue, forKey: key) }
    }
}

extension KeyedDecodingContainer {
    /// Reads an absent ``OmittedWhenEmpty`` list as empty.
    public func decode<Element>(_ type: OmittedWhenEmpty<Element>.Type, forKey key: Key) throws -> OmittedWhenEmpty<Element> {
        OmittedWhenEmpty(wrappedValue: try decodeIfPresent([Element].self, forKey: key) ?? [])
    }
}
