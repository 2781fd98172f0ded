/// A measure (*Maßnahme*, *Projekt*): what is done to reach goals.
public struct Measure: Hashable, Sendable, Codable, Identifiable {
    /// The stable id.
    public let id: Identifier
    /// The title.
    public var title: String
    /// What the measure does.
    public var description: String
    /// Who leads it: an organisational role ("Bildungsbüro") or an actor's id — never a person's name; nil when the
    /// plan does not say.
    public var lead: String?
    /// Partners: actor ids or organisations.
    public var partners: [String]
    /// The planned start.
    public var plannedStart: CalendarDate?
    /// The planned end.
    public var plannedEnd: CalendarDate?
    /// When work actually started (set when it goes in progress).
    public var actualStart: CalendarDate?
    /// When it actually ended (set when completed, institutionalised or discarded).
    public var actualEnd: CalendarDate?
    /// Short, medium or long term; nil when the plan does not say.
    public var horizon: Horizon?
    /// The goals the measure serves (n:m).
    public var goals: [Identifier]
    /// Dated steps.
    public var milestones: [Milestone]
    /// Budget lines.
    public var budget: [BudgetLine]
    /// What the measure was derived from.
    public var derivedFrom: [Identifier]
    /// Where the measure is in its lifecycle.
    public var status: MeasureStatus
    /// How it is going, on its own axis.
    public var health: Health?
    /// The last reported progress, 0–100 percent.
    public var progress: Int?
    /// The field of action the measure belongs to, for a measure that serves no goal of its own (or whose plan
    /// places it in a field); nil when the plan places it nowhere but through its goals.
    public var field: Identifier?
    /// The plan's cross-cutting themes (``Theme``) the measure serves.
    @OmittedWhenEmpty public var themes: [Identifier]

    /// Creates a measure.
    public init(
        id: Identifier, title: String, description: String = "", lead: String? = nil, partners: [String] = [],
        plannedStart: CalendarDate? = nil, plannedEnd: CalendarDate? = nil, horizon: Horizon? = nil,
        goals: [Identifier] = [], milestones: [Milestone] = [], budget: [BudgetLine] = [], derivedFrom: [Identifier] = [],
        status: MeasureStatus = .planned, field: Identifier? = nil, themes: [Identifier] = []
    ) {
        self.field = field
        self.themes = themes
        self.id = id
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
        self.status = status
    }
}

/// When a measure is to take effect.
public enum Horizon: String, Hashable, Sendable, Codable, CaseIterable {
    /// Within about a year.
    case short
    /// Within a few years.
    case medium
    /// Longer.
    case long
}

/// The lifecycle of a measure: planned → in progress → completed | institutionalized; in progress ⇄ suspended;
/// planned or suspended → discarded (a reason is required).
public enum MeasureStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Not started.
    case planned
    /// Under way.
    case inProgress = "in_progress"
    /// Paused.
    case suspended
    /// Done.
    case completed
    /// Made permanent (*verstetigt*).
    case institutionalized
    /// Dropped (a reason is required).
    case discarded

    /// The statuses this one may change to.
    public var successors: Set<MeasureStatus> {
        switch self {
        case .planned: return [.inProgress, .discarded]
        case .inProgress: return [.completed, .institutionalized, .suspended]
        case .suspended: return [.inProgress, .discarded]
        case .completed, .institutionalized, .discarded: return []
        }
    }

    /// Whether the measure has ended.
    public var isFinal: Bool { successors.isEmpty }
}

/// How a measure is going, independent of its status.
public enum Health: String, Hashable, Sendable, Codable, CaseIterable {
    /// On track.
    case onTrack = "on_track"
    /// At risk.
    case atRisk = "at_risk"
    /// Critical.
    case critical
}

/// A dated step of a measure (*Meilenstein*).
public struct Milestone: Hashable, Sendable, Codable, Identifiable {
    /// The milestone's id, unique within the plan.
    public let id: Identifier
    /// What is reached.
    public var title: String
    /// When it is due.
    public var due: CalendarDate
    /// When it was reached, if it was.
    public var reached: CalendarDate?

    /// Creates a milestone.
    public init(id: Identifier, title: String, due: CalendarDate, reached: CalendarDate? = nil) {
        self.id = id
        self.title = title
        self.due = due
        self.reached = reached
    }
}

/// Money for a measure: an amount, where it comes from, and the budget year.
public struct BudgetLine: Hashable, Sendable, Codable {
    /// The amount.
    public var amount: EuroAmount
    /// The source, for example "Kreishaushalt" or a funding programme.
    public var source: String
    /// The budget year.
    public var year: Int

    /// Creates a budget line.
    public init(amount: EuroAmount, source: String, year: Int) {
        self.amount = amount
        self.source = source
        self.year = year
    }
}
