/// A measure was planned: `measure.planned`.
public struct MeasurePlanned: Hashable, Sendable, Codable {
    /// The measure's id.
    public var measure: Identifier
    /// The title.
    public var title: String
    /// What it does.
    public var description: String
    /// The leading role or actor (never a person's name); nil when the plan does not say.
    public var lead: String?
    /// Partners.
    public var partners: [String]
    /// The planned start.
    public var plannedStart: CalendarDate?
    /// The planned end.
    public var plannedEnd: CalendarDate?
    /// Short, medium or long term; nil when the plan does not say (never assumed).
    public var horizon: Horizon?
    /// The goals it serves.
    public var goals: [Identifier]
    /// Dated steps.
    public var milestones: [Milestone]
    /// Budget lines.
    public var budget: [BudgetLine]
    /// What it was derived from.
    public var derivedFrom: [Identifier]
    /// The field it belongs to, when the plan places it in one (a measure that serves no goal, for example).
    public var field: Identifier?
    /// The cross-cutting themes it serves; nil for none.
    public var themes: [Identifier]?

    /// Creates the payload.
    public init(measure: Identifier, title: String, description: String = "", lead: String?, partners: [String] = [], plannedStart: CalendarDate? = nil, plannedEnd: CalendarDate? = nil, horizon: Horizon? = nil, goals: [Identifier] = [], milestones: [Milestone] = [], budget: [BudgetLine] = [], derivedFrom: [Identifier] = [], field: Identifier? = nil, themes: [Identifier]? = nil) {
        self.field = field
        self.themes = themes
        self.measure = measure
        self.title = title
        self.description = description
        self.lead = lead
        self.partners = partners
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.horizon = horizon
        self.goals = goals
        self.milestones = milestones
        self.budget = budget
        self.derivedFrom = derivedFrom
    }
}

/// A measure's attributes changed: `measure.revised` (schema 3: the lead can be removed; schema 2 made the horizon
/// removable). Only changed attributes are set.
public struct MeasureRevised: Hashable, Sendable, Codable {
    /// The measure's id.
    public var measure: Identifier
    /// The new title.
    public var title: String?
    /// The new description.
    public var description: String?
    /// The new lead, or its removal (schema 3; version 2 could only set it).
    public var lead: Clearable<String>?
    /// The new partners.
    public var partners: [String]?
    /// The new planned start, or its removal.
    public var plannedStart: Clearable<CalendarDate>?
    /// The new planned end, or its removal.
    public var plannedEnd: Clearable<CalendarDate>?
    /// The new horizon, or its removal (schema 2; version 1 could only set it).
    public var horizon: Clearable<Horizon>?
    /// The new milestones.
    public var milestones: [Milestone]?
    /// The new budget lines.
    public var budget: [BudgetLine]?
    /// The new derivation links.
    public var derivedFrom: [Identifier]?
    /// The field it belongs to now, or its removal.
    public var field: Clearable<Identifier>?
    /// The cross-cutting themes it serves now (empty: none).
    public var themes: [Identifier]?

    /// Creates the payload.
    public init(measure: Identifier, title: String? = nil, description: String? = nil, lead: Clearable<String>? = nil, partners: [String]? = nil, plannedStart: Clearable<CalendarDate>? = nil, plannedEnd: Clearable<CalendarDate>? = nil, horizon: Clearable<Horizon>? = nil, milestones: [Milestone]? = nil, budget: [BudgetLine]? = nil, derivedFrom: [Identifier]? = nil, field: Clearable<Identifier>? = nil, themes: [Identifier]? = nil) {
        self.field = field
        self.themes = themes
        self.measure = measure
        self.title = title
        self.description = description
        self.lead = lead
        self.partners = partners
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.horizon = horizon
        self.milestones = milestones
        self.budget = budget
        self.derivedFrom = derivedFrom
    }
}

/// A measure now serves other goals: `measure.relinked`.
public struct MeasureRelinked: Hashable, Sendable, Codable {
    /// The measure's id.
    public var measure: Identifier
    /// The goals it serves now.
    public var goals: [Identifier]
    /// The goals it served before.
    public var previous: [Identifier]

    /// Creates the payload.
    public init(measure: Identifier, goals: [Identifier], previous: [Identifier]) {
        self.measure = measure
        self.goals = goals
        self.previous = previous
    }
}

/// A measure's status changed: `measure.status.changed`.
public struct MeasureStatusChanged: Hashable, Sendable, Codable {
    /// The measure's id.
    public var measure: Identifier
    /// The old status.
    public var from: MeasureStatus
    /// The new status.
    public var to: MeasureStatus
    /// Why (required for `discarded`).
    public var reason: String?
    /// The business date of the change; it sets the actual start or end.
    public var on: CalendarDate?

    /// Creates the payload.
    public init(measure: Identifier, from: MeasureStatus, to: MeasureStatus, reason: String? = nil, on: CalendarDate? = nil) {
        self.measure = measure
        self.from = from
        self.to = to
        self.reason = reason
        self.on = on
    }
}

/// A measure's health was assessed: `measure.health.assessed`.
public struct MeasureHealthAssessed: Hashable, Sendable, Codable {
    /// The measure's id.
    public var measure: Identifier
    /// On track, at risk or critical.
    public var health: Health
    /// Why.
    public var note: String?

    /// Creates the payload.
    public init(measure: Identifier, health: Health, note: String? = nil) {
        self.measure = measure
        self.health = health
        self.note = note
    }
}

/// Progress of a measure was reported: `measure.progress.reported`.
public struct MeasureProgressReported: Hashable, Sendable, Codable {
    /// The measure's id.
    public var measure: Identifier
    /// Progress, 0–100.
    public var percent: Int
    /// What was done.
    public var note: String?

    /// Creates the payload.
    public init(measure: Identifier, percent: Int, note: String? = nil) {
        self.measure = measure
        self.percent = percent
        self.note = note
    }
}

/// A milestone was reached: `measure.milestone.reached`.
public struct MilestoneReached: Hashable, Sendable, Codable {
    /// The measure's id.
    public var measure: Identifier
    /// The milestone's id.
    public var milestone: Identifier
    /// When.
    public var on: CalendarDate

    /// Creates the payload.
    public init(measure: Identifier, milestone: Identifier, on: CalendarDate) {
        self.measure = measure
        self.milestone = milestone
        self.on = on
    }
}
