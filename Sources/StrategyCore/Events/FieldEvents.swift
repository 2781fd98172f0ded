/// A field of action was proposed: `field.proposed`.
public struct FieldProposed: Hashable, Sendable, Codable {
    /// The field's id.
    public var field: Identifier
    /// Its code (a–e, 1–n); nil for an unnumbered field.
    public var code: String?
    /// Its title.
    public var title: String
    /// What the county commits to; nil when the plan gives none.
    public var commitment: String?
    /// Free keywords.
    public var tags: [String]
    /// What it was derived from.
    public var derivedFrom: [Identifier]
    /// The cross-cutting themes it serves; nil for none.
    public var themes: [Identifier]?

    /// Creates the payload.
    public init(field: Identifier, code: String?, title: String, commitment: String?, tags: [String] = [], derivedFrom: [Identifier] = [], themes: [Identifier]? = nil) {
        self.field = field
        self.code = code
        self.title = title
        self.commitment = commitment
        self.tags = tags
        self.derivedFrom = derivedFrom
        self.themes = themes
    }
}

/// A field's attributes changed: `field.revised` (schema 2: code and commitment can be removed; version 1 could only
/// set them). Only changed attributes are set.
public struct FieldRevised: Hashable, Sendable, Codable {
    /// The field's id.
    public var field: Identifier
    /// The new code, or its removal.
    public var code: Clearable<String>?
    /// The new title.
    public var title: String?
    /// The new commitment, or its removal.
    public var commitment: Clearable<String>?
    /// The new tags.
    public var tags: [String]?
    /// The new derivation links.
    public var derivedFrom: [Identifier]?
    /// The cross-cutting themes it serves now (empty: none).
    public var themes: [Identifier]?

    /// Creates the payload.
    public init(field: Identifier, code: Clearable<String>? = nil, title: String? = nil, commitment: Clearable<String>? = nil, tags: [String]? = nil, derivedFrom: [Identifier]? = nil, themes: [Identifier]? = nil) {
        self.field = field
        self.code = code
        self.title = title
        self.commitment = commitment
        self.tags = tags
        self.derivedFrom = derivedFrom
        self.themes = themes
    }
}

/// A proposed field came into force: `field.activated`.
public struct FieldActivated: Hashable, Sendable, Codable {
    /// The field's id.
    public var field: Identifier

    /// Creates the payload.
    public init(field: Identifier) {
        self.field = field
    }
}

/// A field was merged into another: `field.merged`.
public struct FieldMerged: Hashable, Sendable, Codable {
    /// The merged field.
    public var field: Identifier
    /// The field it lives on in.
    public var into: Identifier

    /// Creates the payload.
    public init(field: Identifier, into: Identifier) {
        self.field = field
        self.into = into
    }
}

/// A field was split into others: `field.split`.
public struct FieldSplit: Hashable, Sendable, Codable {
    /// The split field.
    public var field: Identifier
    /// The fields it lives on in.
    public var into: [Identifier]

    /// Creates the payload.
    public init(field: Identifier, into: [Identifier]) {
        self.field = field
        self.into = into
    }
}

/// A field is no longer pursued: `field.retired`.
public struct FieldRetired: Hashable, Sendable, Codable {
    /// The field's id.
    public var field: Identifier
    /// Why.
    public var reason: String

    /// Creates the payload.
    public init(field: Identifier, reason: String) {
        self.field = field
        self.reason = reason
    }
}
