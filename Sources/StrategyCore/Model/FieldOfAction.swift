/// A *Handlungsfeld*: a field of action of the plan, such as "a) Lebenslanges Lernen".
public struct FieldOfAction: Hashable, Sendable, Codable, Identifiable {
    /// The stable id.
    public let id: Identifier
    /// The short code shown before the title: `a`–`e` or `1`–`n`; nil for a field the plan does not number.
    public var code: String?
    /// The title.
    public var title: String
    /// What the county commits to ("Wir …, indem wir …"); nil when the plan gives the field's title only.
    public var commitment: String?
    /// Free keywords (*Schlagworte*), for example "Digitalität"; the plan's defined cross-cutting themes are `themes`.
    public var tags: [String]
    /// The plan's cross-cutting themes (``Theme``) the field serves.
    @OmittedWhenEmpty public var themes: [Identifier]
    /// What the field was derived from (a vision section, an earlier field).
    public var derivedFrom: [Identifier]
    /// Where the field is in its lifecycle.
    public var status: FieldStatus

    /// Creates a field.
    public init(
        id: Identifier, code: String?, title: String, commitment: String?, tags: [String] = [], themes: [Identifier] = [],
        derivedFrom: [Identifier] = [], status: FieldStatus = .proposed
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.commitment = commitment
        self.tags = tags
        self.themes = themes
        self.derivedFrom = derivedFrom
        self.status = status
    }
}

/// The lifecycle of a field of action: proposed → active → merged | split | retired, keeping its lineage.
public enum FieldStatus: Hashable, Sendable, Codable {
    /// Drafted, not yet part of an adopted version.
    case proposed
    /// In force.
    case active
    /// Merged into another field.
    case merged(into: Identifier)
    /// Split into other fields.
    case split(into: [Identifier])
    /// No longer pursued.
    case retired(reason: String)

    /// Proposed or active: the field can still hold goals.
    public var isOpen: Bool {
        switch self {
        case .proposed, .active: return true
        case .merged, .split, .retired: return false
        }
    }

    /// The status's name as used in plan files and reports.
    public var name: String {
        switch self {
        case .proposed: return "proposed"
        case .active: return "active"
        case .merged: return "merged"
        case .split: return "split"
        case .retired: return "retired"
        }
    }
}
