/// A goal was formulated: `goal.formulated` (schema version 2: targets as a list).
public struct GoalFormulated: Hashable, Sendable, Codable {
    /// The goal's id.
    public var goal: Identifier
    /// The field it belongs to.
    public var field: Identifier
    /// The goal above it, if any.
    public var parent: Identifier?
    /// Strategic or operational.
    public var level: GoalLevel
    /// What is to be reached.
    public var statement: String
    /// Who it is for.
    public var targetGroup: String?
    /// The effect level, 1–7.
    public var effectLevel: Int?
    /// Measurable targets.
    public var targets: [Target]
    /// What it was derived from.
    public var derivedFrom: [Identifier]
    /// The cross-cutting themes it serves; nil for none.
    public var themes: [Identifier]?

    /// Creates the payload.
    public init(goal: Identifier, field: Identifier, parent: Identifier? = nil, level: GoalLevel, statement: String, targetGroup: String? = nil, effectLevel: Int? = nil, targets: [Target] = [], derivedFrom: [Identifier] = [], themes: [Identifier]? = nil) {
        self.themes = themes
        self.goal = goal
        self.field = field
        self.parent = parent
        self.level = level
        self.statement = statement
        self.targetGroup = targetGroup
        self.effectLevel = effectLevel
        self.targets = targets
        self.derivedFrom = derivedFrom
    }
}

/// A goal's attributes changed: `goal.revised`. Only changed attributes are set.
public struct GoalRevised: Hashable, Sendable, Codable {
    /// The goal's id.
    public var goal: Identifier
    /// The new level.
    public var level: GoalLevel?
    /// The new statement.
    public var statement: String?
    /// The new target group, or its removal.
    public var targetGroup: Clearable<String>?
    /// The new effect level, or its removal.
    public var effectLevel: Clearable<Int>?
    /// The new targets.
    public var targets: [Target]?
    /// The new derivation links.
    public var derivedFrom: [Identifier]?
    /// The cross-cutting themes it serves now (empty: none).
    public var themes: [Identifier]?

    /// Creates the payload.
    public init(goal: Identifier, level: GoalLevel? = nil, statement: String? = nil, targetGroup: Clearable<String>? = nil, effectLevel: Clearable<Int>? = nil, targets: [Target]? = nil, derivedFrom: [Identifier]? = nil, themes: [Identifier]? = nil) {
        self.themes = themes
        self.goal = goal
        self.level = level
        self.statement = statement
        self.targetGroup = targetGroup
        self.effectLevel = effectLevel
        self.targets = targets
        self.derivedFrom = derivedFrom
    }
}

/// A goal moved to another field or parent goal, with its sub-goals: `goal.moved`.
public struct GoalMoved: Hashable, Sendable, Codable {
    /// The goal's id.
    public var goal: Identifier
    /// The field it moved to.
    public var field: Identifier
    /// The goal it moved under, if any.
    public var parent: Identifier?
    /// The field it left.
    public var fromField: Identifier
    /// The goal it was under before.
    public var fromParent: Identifier?
    /// Sub-goals that moved with it.
    public var descendants: [Identifier]

    /// Creates the payload.
    public init(goal: Identifier, field: Identifier, parent: Identifier? = nil, fromField: Identifier, fromParent: Identifier? = nil, descendants: [Identifier] = []) {
        self.goal = goal
        self.field = field
        self.parent = parent
        self.fromField = fromField
        self.fromParent = fromParent
        self.descendants = descendants
    }
}

/// A goal's status changed: `goal.status.changed`.
public struct GoalStatusChanged: Hashable, Sendable, Codable {
    /// The goal's id.
    public var goal: Identifier
    /// The old status.
    public var from: GoalStatus
    /// The new status.
    public var to: GoalStatus
    /// Why (required for `abandoned`).
    public var reason: String?

    /// Creates the payload.
    public init(goal: Identifier, from: GoalStatus, to: GoalStatus, reason: String? = nil) {
        self.goal = goal
        self.from = from
        self.to = to
        self.reason = reason
    }
}
