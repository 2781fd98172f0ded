/// A goal (*Ziel*) in the tree below a field of action.
public struct Goal: Hashable, Sendable, Codable, Identifiable {
    /// The stable id.
    public let id: Identifier
    /// The field the goal belongs to.
    public var field: Identifier
    /// The goal above this one, or nil for a goal directly below the field.
    public var parent: Identifier?
    /// Strategic or operational; each plan names the levels its own way (``LevelNames``).
    public var level: GoalLevel
    /// What is to be reached.
    public var statement: String
    /// Who the goal is for.
    public var targetGroup: String?
    /// The effect level (*Wirkungsebene*) 1–7, if the plan uses an effect staircase.
    public var effectLevel: Int?
    /// Measurable targets (SMART goals).
    public var targets: [Target]
    /// What the goal was derived from (a field, a vision section, a principle's section, another goal).
    public var derivedFrom: [Identifier]
    /// Where the goal is in its lifecycle.
    public var status: GoalStatus
    /// The plan's cross-cutting themes (``Theme``) the goal serves.
    @OmittedWhenEmpty public var themes: [Identifier]

    /// Creates a goal.
    public init(
        id: Identifier, field: Identifier, parent: Identifier? = nil, level: GoalLevel, statement: String,
        targetGroup: String? = nil, effectLevel: Int? = nil, targets: [Target] = [], derivedFrom: [Identifier] = [],
        status: GoalStatus = .draft, themes: [Identifier] = []
    ) {
        self.themes = themes
        self.id = id
        self.field = field
        self.parent = parent
        self.level = level
        self.statement = statement
        self.targetGroup = targetGroup
        self.effectLevel = effectLevel
        self.targets = targets
        self.derivedFrom = derivedFrom
        self.status = status
    }
}

/// The level of a goal in the tree.
public enum GoalLevel: String, Hashable, Sendable, Codable, CaseIterable {
    /// A strategic goal (*Leitziel*, *strategisches Ziel*; "Strategie" in Börde).
    case strategic
    /// An operational goal (*Handlungsziel*; "Unterziel" in Vechta).
    case operational
}

/// How a plan names its goal levels.
public struct LevelNames: Hashable, Sendable, Codable {
    /// The name of strategic goals, for example "Leitziel" or "Strategie"; nil when the plan does not name them.
    public var strategic: String?
    /// The name of operational goals, for example "Handlungsziel" or "Unterziel"; nil when the plan does not name
    /// them.
    public var operational: String?

    /// Creates level names; a level the plan does not name stays nil (no county's term is assumed).
    public init(strategic: String? = nil, operational: String? = nil) {
        self.strategic = strategic
        self.operational = operational
    }

    /// The plan's name of a level, or nil when the plan does not name it.
    public func name(of level: GoalLevel) -> String? {
        level == .strategic ? strategic : operational
    }
}

/// A target of a goal: numeric — an indicator moving from a baseline to a target value by a date — or qualitative —
/// a text in the plan's words ("deutlich reduzieren", "flächendeckend") instead of a value.
///
/// A numeric target has an indicator, a `target` value and a `targetDate`. A qualitative target has a `text` and no
/// value; the indicator it concerns and its date are set only where the plan names them. A baseline needs an
/// indicator.
public struct Target: Hashable, Sendable, Codable {
    /// The indicator measured; nil for a qualitative target that names none.
    public var indicator: Identifier?
    /// The value at the start.
    public var baseline: Quantity?
    /// When the baseline was measured.
    public var baselineDate: CalendarDate?
    /// The value to reach; nil for a qualitative target.
    public var target: Quantity?
    /// What is to be reached, in the plan's words, for a qualitative target; nil for a numeric one.
    public var text: String?
    /// When it is to be reached; always set for a numeric target, nil when a qualitative one names no date.
    public var targetDate: CalendarDate?

    /// Creates a numeric target.
    public init(indicator: Identifier, baseline: Quantity? = nil, baselineDate: CalendarDate? = nil, target: Quantity, targetDate: CalendarDate) {
        self.indicator = indicator
        self.baseline = baseline
        self.baselineDate = baselineDate
        self.target = target
        self.targetDate = targetDate
    }

    /// Creates a qualitative target: a text instead of a value, with the indicator, baseline and date the plan
    /// names.
    public init(text: String, indicator: Identifier? = nil, baseline: Quantity? = nil, baselineDate: CalendarDate? = nil, targetDate: CalendarDate? = nil) {
        self.indicator = indicator
        self.baseline = baseline
        self.baselineDate = baselineDate
        self.text = text
        self.targetDate = targetDate
    }

    /// Creates a target from all its parts, as stored; the decider checks that they fit together.
    init(indicator: Identifier?, baseline: Quantity?, baselineDate: CalendarDate?, target: Quantity?, text: String?, targetDate: CalendarDate?) {
        self.indicator = indicator
        self.baseline = baseline
        self.baselineDate = baselineDate
        self.target = target
        self.text = text
        self.targetDate = targetDate
    }

    /// Whether the target is a text rather than a value.
    public var isQualitative: Bool { target == nil }
}

/// The lifecycle of a goal: draft → adopted → achieved | partly achieved | not achieved | abandoned.
public enum GoalStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Formulated, not yet adopted.
    case draft
    /// Adopted by a body with the mandate, or with a plan version.
    case adopted
    /// Reached.
    case achieved
    /// Reached in part.
    case partlyAchieved = "partly_achieved"
    /// Not reached.
    case notAchieved = "not_achieved"
    /// Given up (a reason is required).
    case abandoned

    /// Draft or adopted: the goal is still pursued.
    public var isOpen: Bool { self == .draft || self == .adopted }

    /// The statuses this one may change to.
    public var successors: Set<GoalStatus> {
        switch self {
        case .draft: return [.adopted, .abandoned]
        case .adopted: return [.achieved, .partlyAchieved, .notAchieved, .abandoned]
        case .achieved, .partlyAchieved, .notAchieved, .abandoned: return []
        }
    }
}
