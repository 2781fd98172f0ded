public import HashTreeCollections

/// The state of one plan: what folding its events gives.
///
/// `PlanState` is a value: every ``Plan/evolve(_:_:)`` returns a new one, so any earlier state can be kept,
/// compared and diffed. Entities live in dictionaries keyed by their ``Identifier``; all identifiers of a plan share
/// one namespace, so a reference (`derivedFrom`, `linkedTo`) names exactly one entity.
public struct PlanState: Hashable, Sendable, Codable {
    /// The plan's id; nil before `plan.created`.
    public var id: Identifier?
    /// The title.
    public var title: String
    /// The county.
    public var county: String
    /// How the plan names its goal levels.
    public var levels: LevelNames
    /// A deadline for the plan itself.
    public var deadline: CalendarDate?
    /// The label the working draft will be adopted under.
    public var draftLabel: String?
    /// The vision (Leitbild).
    public var vision: Vision
    /// Fields of action.
    public var fields: [Identifier: FieldOfAction]
    /// Goals.
    public var goals: [Identifier: Goal]
    /// Measures.
    public var measures: [Identifier: Measure]
    /// Indicators.
    public var indicators: [Identifier: Indicator]
    /// Observations of indicators.
    public var observations: TreeDictionary<Identifier, Observation>
    /// Bodies.
    public var bodies: [Identifier: Body]
    /// Resolutions, by council paper number.
    public var resolutions: [String: Resolution]
    /// Participation formats held.
    public var participation: [Identifier: ParticipationFormat]
    /// Contributions from participation.
    public var contributions: [Identifier: Contribution]
    /// Registered education actors.
    public var actors: [Identifier: Actor]
    /// Adopted versions, oldest first.
    public var versions: [PlanVersion]
    /// Changes to the plan's content since the last adoption (or since creation).
    public var changesSinceAdoption: Int
    /// The entities the latest adopted version contains: changing them requires a reason.
    public var sealed: IdentifierSet
    /// Why the plan was withdrawn (created by mistake), or nil while it is a plan of the store.
    public var withdrawal: String? = nil
    /// Every field's id in the order the fields were proposed — a plan file's order on its first import. It places
    /// the fields the plan does not number (``fieldsInOrder``).
    public var fieldOrder: [Identifier] = []
    /// Cross-cutting themes (*Querschnittsthemen*) that belong to no single field.
    public var themes: [Identifier: Theme] = [:]
    /// The plan's own order of its fields (`plan.reordered`); nil while it has stated none, and fields follow their
    /// codes. See ``fieldsInOrder``.
    public var fieldSequence: [Identifier]? = nil
    /// The plan's own order of its goals; nil while it has stated none, and goals follow their ids.
    public var goalSequence: [Identifier]? = nil
    /// The plan's own order of its measures; nil while it has stated none, and measures follow their ids.
    public var measureSequence: [Identifier]? = nil
    /// The contacts (registered persons, by id) of the plan (key ``planContactKey``) and of its fields and measures.
    public var contacts: [String: [Identifier]] = [:]

    /// The key of the plan's own contacts in ``contacts``.
    public static let planContactKey = EntityKey.plan.rawValue

    /// The state before the plan exists.
    public static let empty = PlanState(
        id: nil, title: "", county: "", levels: LevelNames(), deadline: nil, draftLabel: nil, vision: Vision(),
        fields: [:], goals: [:], measures: [:], indicators: [:], observations: [:], bodies: [:], resolutions: [:],
        participation: [:], contributions: [:], actors: [:], versions: [], changesSinceAdoption: 0, sealed: IdentifierSet())

    /// Whether `plan.created` has happened.
    public var exists: Bool { id != nil }

    /// The latest adopted version.
    public var currentVersion: PlanVersion? { versions.last }

    /// The version with a label.
    public func version(_ label: String) -> PlanVersion? { versions.first { $0.label == label } }
}

/// A set of identifiers that encodes as a sorted list, so that equal sets always encode to the same bytes.
public struct IdentifierSet: Hashable, Sendable, Codable, Sequence {
    /// The identifiers.
    public var members: Set<Identifier>

    /// Creates a set.
    public init(_ members: some Sequence<Identifier> = []) {
        self.members = Set(members)
    }

    /// Whether the set contains `id`.
    public func contains(_ id: Identifier) -> Bool { members.contains(id) }

    public func makeIterator() -> Set<Identifier>.Iterator { members.makeIterator() }

    public init(from decoder: any Decoder) throws {
        members = Set(try decoder.singleValueContainer().decode([Identifier].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(members.sorted())
    }
}

/// A place in a goal tree: a field, and a parent goal or none for the field's top level.
public struct GoalTreeKey: Hashable, Sendable {
    /// The field.
    public let field: Identifier
    /// The parent goal, or nil.
    public let parent: Identifier?

    /// Creates a key.
    public init(field: Identifier, parent: Identifier?) {
        self.field = field
        self.parent = parent
    }
}

/// The kinds of entities in a plan.
public enum EntityKind: String, Hashable, Sendable, Codable, CaseIterable {
    case plan, visionSection = "vision_section", field, goal, measure, milestone, indicator, observation, body,
         resolution, participation, contribution, actor, version, theme
}

extension PlanState {
    /// What an identifier names in this plan, or nil.
    public func kind(of id: Identifier) -> EntityKind? {
        if id == self.id { return .plan }
        if fields[id] != nil { return .field }
        if themes[id] != nil { return .theme }
        if goals[id] != nil { return .goal }
        if measures[id] != nil { return .measure }
        if indicators[id] != nil { return .indicator }
        if bodies[id] != nil { return .body }
        if actors[id] != nil { return .actor }
        if participation[id] != nil { return .participation }
        if contributions[id] != nil { return .contribution }
        if observations[id] != nil { return .observation }
        if vision.section(id) != nil { return .visionSection }
        if milestoneOwner(id) != nil { return .milestone }
        return nil
    }

    /// The measure that holds a milestone.
    public func milestoneOwner(_ milestone: Identifier) -> Identifier? {
        measures.values.first { $0.milestones.contains { $0.id == milestone } }?.id
    }

    /// Fields in the plan's own order (``fieldSequence``) where it has stated one; otherwise — and for fields the
    /// order leaves out — in code order (natural: `2` before `10`), then the fields without a code in the order they
    /// were proposed.
    public var fieldsInOrder: [FieldOfAction] {
        Self.arranged(defaultFieldOrder, by: fieldSequence)
    }

    /// The measures in the plan's own order (``measureSequence``), the rest in natural id order.
    public var measuresInOrder: [Measure] {
        Self.arranged(Self.ordered(measures), by: measureSequence)
    }

    /// `items` (in their fallback order) rearranged by `sequence`: the listed ones first, in its order, then the rest
    /// as they were.
    ///
    /// - Complexity: O(*n* log *n*).
    static func arranged<Value: Identifiable>(_ items: [Value], by sequence: [Identifier]?) -> [Value] where Value.ID == Identifier {
        guard let sequence, !sequence.isEmpty else { return items }
        let position = Dictionary(sequence.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return items.enumerated().sorted { a, b in
            (position[a.element.id] ?? Int.max, a.offset) < (position[b.element.id] ?? Int.max, b.offset)
        }.map(\.element)
    }

    private var defaultFieldOrder: [FieldOfAction] {
        let numbered = fields.values.compactMap { field in field.code.map { (code: $0, field: field) } }
            .sorted { naturalLess($0.code, $1.code) || ($0.code == $1.code && Identifier.naturalOrder($0.field.id, $1.field.id)) }
            .map(\.field)
        let unnumbered = fields.values.filter { $0.code == nil }
        guard !unnumbered.isEmpty else { return numbered }
        let position = Dictionary(fieldOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return numbered + unnumbered.sorted { a, b in
            let (pa, pb) = (position[a.id] ?? Int.max, position[b.id] ?? Int.max)
            return pa != pb ? pa < pb : Identifier.naturalOrder(a.id, b.id)
        }
    }

    /// The goals directly below a field (no parent) or below a goal, in the plan's order (natural id order where it
    /// states none).
    public func goals(inField field: Identifier, parent: Identifier?) -> [Goal] {
        Self.arranged(goals.values.filter { $0.field == field && $0.parent == parent }.sorted { Identifier.naturalOrder($0.id, $1.id) }, by: goalSequence)
    }

    /// Goals by (field, parent), each list in natural id order: the goal trees of every field at once, for code
    /// that walks many trees (``goals(inField:parent:)`` filters all goals each time).
    public var goalTree: [GoalTreeKey: [Goal]] {
        var tree: [GoalTreeKey: [Goal]] = [:]
        for goal in goals.values { tree[GoalTreeKey(field: goal.field, parent: goal.parent), default: []].append(goal) }
        for key in tree.keys { tree[key] = Self.arranged(tree[key]!.sorted { Identifier.naturalOrder($0.id, $1.id) }, by: goalSequence) }
        return tree
    }

    /// Every goal below `goal`, depth first.
    public func descendants(of goal: Identifier) -> [Identifier] {
        let children = Self.arranged(goals.values.filter { $0.parent == goal }.sorted { Identifier.naturalOrder($0.id, $1.id) }, by: goalSequence)
        return children.map(\.id).flatMap { [$0] + descendants(of: $0) }
    }

    /// Values of a dictionary in natural id order.
    public static func ordered<Value: Identifiable>(_ values: [Identifier: Value]) -> [Value] where Value.ID == Identifier {
        values.values.sorted { Identifier.naturalOrder($0.id, $1.id) }
    }

    /// Sizes of the plan: open fields, open goals, measures that have not ended.
    public var counts: VersionCounts {
        VersionCounts(
            fields: fields.values.filter { $0.status.isOpen }.count,
            goals: goals.values.filter { $0.status.isOpen }.count,
            measures: measures.values.filter { !$0.status.isFinal }.count)
    }

    /// The ids of everything a version would seal: the plan, vision sections, fields, goals, measures,
    /// indicators, bodies, actors and cross-cutting themes.
    public var contentIDs: IdentifierSet {
        var ids: [Identifier] = id.map { [$0] } ?? []
        ids += vision.sections.map(\.id)
        ids += fields.keys
        ids += goals.keys
        ids += measures.keys
        ids += indicators.keys
        ids += bodies.keys
        ids += actors.keys
        ids += themes.keys
        return IdentifierSet(ids)
    }

    /// Whether the plan has any content that could be adopted.
    public var hasContent: Bool {
        !vision.isEmpty || !fields.isEmpty || !goals.isEmpty || !measures.isEmpty
    }
}
