/// The plan was created: `plan.created`.
public struct PlanCreated: Hashable, Sendable, Codable {
    /// The plan's id.
    public var plan: Identifier
    /// The plan's title, for example "Masterplan Bildung".
    public var title: String
    /// The county, for example "Landkreis Vechta".
    public var county: String
    /// How the plan names its goal levels.
    public var levels: LevelNames
    /// A deadline for the plan itself, such as Börde's "concept by the end of 2025".
    public var deadline: CalendarDate?

    /// Creates the payload.
    public init(plan: Identifier, title: String, county: String, levels: LevelNames = LevelNames(), deadline: CalendarDate? = nil) {
        self.plan = plan
        self.title = title
        self.county = county
        self.levels = levels
        self.deadline = deadline
    }
}

/// The plan's own attributes changed: `plan.revised`. Only changed attributes are set.
public struct PlanRevised: Hashable, Sendable, Codable {
    /// The new title.
    public var title: String?
    /// The new county name.
    public var county: String?
    /// The new level names.
    public var levels: LevelNames?
    /// The new deadline, or its removal.
    public var deadline: Clearable<CalendarDate>?

    /// Creates the payload.
    public init(title: String? = nil, county: String? = nil, levels: LevelNames? = nil, deadline: Clearable<CalendarDate>? = nil) {
        self.title = title
        self.county = county
        self.levels = levels
        self.deadline = deadline
    }
}

/// The working draft was given the label it will be adopted under: `draft.named`.
public struct DraftNamed: Hashable, Sendable, Codable {
    /// The label, for example "Masterplan Bildung 2.0".
    public var label: String

    /// Creates the payload.
    public init(label: String) {
        self.label = label
    }
}

/// A plan created by mistake (a typo'd id, a file meant for another plan) was withdrawn: `plan.withdrawn`.
///
/// The plan and its events stay in the log — nothing is erased — but it leaves the store's lists and takes no more
/// changes.
public struct PlanWithdrawn: Hashable, Sendable, Codable {
    /// Why, for example "angelegt mit falscher Kennung 'vehcta'".
    public var reason: String

    /// Creates the payload.
    public init(reason: String) {
        self.reason = reason
    }
}

/// The plan's own order of its fields, goals or measures changed: `plan.reordered`.
///
/// A plan lists its fields of action, goals and measures in an order of its own — thematic, chronological, by
/// importance — and that order is content: a Fortschreibung that moves a field to the front says something. Each list
/// that is set is the new order of all entities of its kind as the plan lists them; an entity a list leaves out
/// (added later by a command) follows the listed ones.
public struct PlanReordered: Hashable, Sendable, Codable {
    /// The fields of action in the plan's order.
    public var fields: [Identifier]?
    /// The goals in the plan's order (their order among the goals of the same field and parent is what shows).
    public var goals: [Identifier]?
    /// The measures in the plan's order.
    public var measures: [Identifier]?

    /// Creates the payload.
    public init(fields: [Identifier]? = nil, goals: [Identifier]? = nil, measures: [Identifier]? = nil) {
        self.fields = fields
        self.goals = goals
        self.measures = measures
    }

    /// True when no list is set.
    public var isEmpty: Bool { fields == nil && goals == nil && measures == nil }
}

/// The contacts of the plan, a field or a measure changed: `contacts.assigned`. It names persons by their ids only;
/// their details are in the register of persons, encrypted and erasable.
public struct ContactsAssigned: Hashable, Sendable, Codable {
    /// The entity: ``PlanState/planContactKey`` for the plan, else a field's or measure's id.
    public var entity: String
    /// The contacts in order; empty when the entity has none any more.
    public var persons: [Identifier]

    /// Creates the payload.
    public init(entity: String, persons: [Identifier]) {
        self.entity = entity
        self.persons = persons
    }
}
