public import StrategyCore

/// What changed between two states of a plan: entities added, removed and changed, attribute by attribute, with a
/// word-level diff of long texts.
///
/// `Codable` for JSON output; ``renderText(style:language:)`` and ``renderMarkdown(language:)`` render it for a terminal and as an
/// *Änderungsprotokoll* grouped by field of action.
public struct PlanDiff: Hashable, Sendable, Codable {
    /// The earlier point, language-neutral: a version label, `draft`, or the point as written (`@42`).
    public let from: String
    /// The later point, language-neutral.
    public let to: String
    /// The log position of the earlier point's state, when known.
    public let fromPosition: UInt64?
    /// The log position of the later point's state, when known.
    public let toPosition: UInt64?

    /// The name ``from`` and ``to`` give the draft.
    public static let draftPoint = "draft"

    /// A point as a reader says it: "Entwurf (Position 42)", "Bildungsstrategie 2019 (position 17)".
    public func pointText(_ label: String, position: UInt64?, in language: Language) -> String {
        let name = label == Self.draftPoint ? Term.draftLabel(language) : label
        guard let position else { return name }
        return "\(name) (\(language == .de ? "Position" : "position") \(position))"
    }
    /// The plan's title at the later point.
    public let planTitle: String
    /// The changes, grouped: plan and vision first, then by field of action, then the rest.
    public let changes: [EntityChange]
    /// The display titles of the fields of action the changes are grouped by (`2) Digitalität`).
    public let fieldTitles: [String: String]

    /// True when the two states are the same.
    public var isEmpty: Bool { changes.isEmpty }

    /// Creates a diff, as ``StrategyEngine/diff(_:from:to:)`` returns it.
    public init(from: String, to: String, fromPosition: UInt64? = nil, toPosition: UInt64? = nil, planTitle: String,
                changes: [EntityChange], fieldTitles: [String: String] = [:]) {
        self.from = from
        self.to = to
        self.fromPosition = fromPosition
        self.toPosition = toPosition
        self.planTitle = planTitle
        self.changes = changes
        self.fieldTitles = fieldTitles
    }
}

/// How one entity changed.
public struct EntityChange: Hashable, Sendable, Codable {
    /// Added, removed or modified.
    public enum Kind: String, Hashable, Sendable, Codable {
        case added, removed, modified
    }

    /// The kind of entity.
    public let entityKind: EntityKind
    /// The entity's key: its id, `plan`, or `resolution:NUMBER`.
    public let entity: String
    /// What happened to it.
    public let kind: Kind
    /// Its display title (at the later point, or the earlier one when removed).
    public let title: String
    /// The field of action it belongs to (for grouping), if any.
    public let field: String?
    /// What the change amounts to: `renamed`, `moved`, `relinked`, `status`, `retired`.
    public let labels: [String]
    /// Changed attributes (for modified entities).
    public let attributes: [AttributeChange]
    /// The whole entity before (for removed ones).
    public let before: JSONValue?
    /// The whole entity after (for added ones).
    public let after: JSONValue?

    /// Creates the change of one entity.
    public init(entityKind: EntityKind, entity: String, kind: Kind, title: String, field: String? = nil, labels: [String] = [],
                attributes: [AttributeChange] = [], before: JSONValue? = nil, after: JSONValue? = nil) {
        self.entityKind = entityKind
        self.entity = entity
        self.kind = kind
        self.title = title
        self.field = field
        self.labels = labels
        self.attributes = attributes
        self.before = before
        self.after = after
    }
}

/// How one attribute changed.
public struct AttributeChange: Hashable, Sendable, Codable {
    /// The attribute.
    public let name: String
    /// The old value (nil: absent).
    public let old: JSONValue?
    /// The new value (nil: absent).
    public let new: JSONValue?
    /// For long texts: the change word by word.
    public let words: [WordChange]?

    /// Creates the change of one attribute; `words` only for texts.
    public init(name: String, old: JSONValue?, new: JSONValue?, words: [WordChange]? = nil) {
        self.name = name
        self.old = old
        self.new = new
        self.words = words
    }
}

/// One run of a word-level text diff.
public struct WordChange: Hashable, Sendable, Codable {
    /// Unchanged, removed or inserted.
    public enum Kind: String, Hashable, Sendable, Codable {
        case same, removed, inserted
    }

    /// The kind of run.
    public let kind: Kind
    /// The text of the run, spaces and punctuation included.
    public let text: String

    /// Creates a run of words.
    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
