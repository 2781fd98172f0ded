/// The attributes of one entity that an event sets.
public struct AttributeEffect: Hashable, Sendable, Codable {
    /// The entity: the plan itself, a resolution, or another entity by id.
    public let entity: EntityKey
    /// The attributes set, named like the entity's properties (`title`, `status`, `goals`…).
    public let attributes: [String]

    /// Creates an effect.
    public init(entity: EntityKey, attributes: [String]) {
        self.entity = entity
        self.attributes = attributes
    }
}

extension PlanEvent {
    /// Which attributes of which entities the event sets — what an audit trail and blame are built from.
    public var effects: [AttributeEffect] {
        func set(_ id: Identifier, _ attributes: [String]) -> AttributeEffect { AttributeEffect(entity: .entity(id), attributes: attributes) }
        func plan(_ attributes: [String]) -> AttributeEffect { AttributeEffect(entity: .plan, attributes: attributes) }
        func present(_ pairs: [(String, Bool)]) -> [String] { pairs.filter(\.1).map(\.0) }
        switch self {
        case .planCreated: return [plan(["id", "title", "county", "levels", "deadline"])]
        case let .planRevised(e):
            return [plan(present([("title", e.title != nil), ("county", e.county != nil), ("levels", e.levels != nil), ("deadline", e.deadline != nil)]))]
        case .draftNamed: return [plan(["draftLabel"])]
        case let .visionSectionWritten(e): return [set(e.section, ["title", "text"]), plan(["sections"])]
        case let .visionSectionRevised(e): return [set(e.section, present([("title", e.title != nil), ("text", e.text != nil)]))]
        case let .visionSectionRemoved(e): return [set(e.section, ["removed"]), plan(["sections"])]
        case .visionSectionsReordered: return [plan(["sections"])]
        case .principlesSet: return [plan(["principles"])]
        case .mottoSet: return [plan(["motto"])]
        case let .fieldProposed(e): return [set(e.field, ["code", "title", "commitment", "tags", "derivedFrom", "status"] + (e.themes == nil ? [] : ["themes"]))]
        case let .fieldRevised(e):
            return [set(e.field, present([("code", e.code != nil), ("title", e.title != nil), ("commitment", e.commitment != nil),
                                          ("tags", e.tags != nil), ("derivedFrom", e.derivedFrom != nil), ("themes", e.themes != nil)]))]
        case let .fieldActivated(e): return [set(e.field, ["status"])]
        case let .fieldMerged(e): return [set(e.field, ["status"])]
        case let .fieldSplit(e): return [set(e.field, ["status"])]
        case let .fieldRetired(e): return [set(e.field, ["status"])]
        case let .goalFormulated(e):
            return [set(e.goal, ["field", "parent", "level", "statement", "targetGroup", "effectLevel", "targets", "derivedFrom", "status"]
                        + (e.themes == nil ? [] : ["themes"]))]
        case let .goalRevised(e):
            return [set(e.goal, present([("level", e.level != nil), ("statement", e.statement != nil), ("targetGroup", e.targetGroup != nil),
                                         ("effectLevel", e.effectLevel != nil), ("targets", e.targets != nil), ("derivedFrom", e.derivedFrom != nil),
                                         ("themes", e.themes != nil)]))]
        case let .goalMoved(e): return [set(e.goal, ["field", "parent"])] + e.descendants.map { set($0, ["field"]) }
        case let .goalStatusChanged(e): return [set(e.goal, ["status"])]
        case let .measurePlanned(e):
            return [set(e.measure, ["title", "description", "lead", "partners", "plannedStart", "plannedEnd", "horizon", "goals",
                                    "milestones", "budget", "derivedFrom", "status"]
                        + (e.field == nil ? [] : ["field"]) + (e.themes == nil ? [] : ["themes"]))]
        case let .measureRevised(e):
            return [set(e.measure, present([("title", e.title != nil), ("description", e.description != nil), ("lead", e.lead != nil),
                                            ("partners", e.partners != nil), ("plannedStart", e.plannedStart != nil),
                                            ("plannedEnd", e.plannedEnd != nil), ("horizon", e.horizon != nil),
                                            ("milestones", e.milestones != nil), ("budget", e.budget != nil), ("derivedFrom", e.derivedFrom != nil),
                                            ("field", e.field != nil), ("themes", e.themes != nil)]))]
        case let .measureRelinked(e): return [set(e.measure, ["goals"])]
        case let .measureStatusChanged(e):
            var attributes = ["status"]
            if e.to == .inProgress { attributes.append("actualStart") }
            if e.to.isFinal { attributes.append("actualEnd") }
            return [set(e.measure, attributes)]
        case let .measureHealthAssessed(e): return [set(e.measure, ["health"])]
        case let .measureProgressReported(e): return [set(e.measure, ["progress"])]
        case let .milestoneReached(e): return [set(e.measure, ["milestones"]), set(e.milestone, ["reached"])]
        case let .indicatorDefined(e): return [set(e.indicator, ["code", "name", "unit", "polarity", "source"])]
        case let .indicatorRevised(e):
            return [set(e.indicator, present([("code", e.code != nil), ("name", e.name != nil), ("unit", e.unit != nil),
                                              ("polarity", e.polarity != nil), ("source", e.source != nil)]))]
        case let .indicatorRetired(e): return [set(e.indicator, ["retiredReason"])]
        case let .observationRecorded(e): return [set(e.observation, ["indicator", "period", "region", "value"])]
        case let .observationCorrected(e):
            return [set(e.observation, ["indicator", "period", "region", "value", "corrects"]), set(e.corrects, ["correctedBy"])]
        case let .bodyEstablished(e): return [set(e.body, ["name", "kind", "mandate", "dissolved"])]
        case let .bodyRevised(e): return [set(e.body, present([("name", e.name != nil), ("kind", e.kind != nil), ("mandate", e.mandate != nil)]))]
        case let .bodyDissolved(e): return [set(e.body, e.on == nil ? ["dissolved"] : ["dissolved", "dissolvedOn"])]
        case let .resolutionRecorded(e):
            return [AttributeEffect(entity: .resolution(e.number), attributes: ["body", "date", "subject", "result", "votes"] + (e.kind != nil ? ["kind"] : []))]
        case let .resolutionDeliberated(e):
            return [AttributeEffect(entity: .resolution(e.number), attributes: ["deliberations"])]
        case let .versionAdopted(e):
            return [plan(["versions", "draftLabel"]), AttributeEffect(entity: .resolution(e.resolution), attributes: ["adopted"])]
                + e.activatedFields.map { set($0, ["status"]) } + e.adoptedGoals.map { set($0, ["status"]) }
        case let .participationHeld(e): return [set(e.format, ["kind", "title", "date", "participants"])]
        case let .participationRevised(e):
            return [set(e.format, present([("kind", e.kind != nil), ("title", e.title != nil), ("date", e.date != nil), ("participants", e.participants != nil)]))]
        case let .contributionReceived(e): return [set(e.contribution, ["format", "summary", "disposition"])]
        case let .contributionDisposed(e): return [set(e.contribution, ["disposition", "linkedTo", "note"])]
        case let .actorRegistered(e): return [set(e.actor, ["name", "sector"])]
        case let .actorRevised(e): return [set(e.actor, present([("name", e.name != nil), ("sector", e.sector != nil)]))]
        case let .actorRemoved(e): return [set(e.actor, ["removed"])]
        case .planWithdrawn: return [plan(["withdrawal"])]
        case let .contactsAssigned(e):
            // The plan's contacts are keyed `plan` (PlanState.planContactKey), which is EntityKey.plan's text.
            return EntityKey(rawValue: e.entity).map { [AttributeEffect(entity: $0, attributes: ["contacts"])] } ?? []
        case let .planReordered(e):
            return [plan([("fieldSequence", e.fields != nil), ("goalSequence", e.goals != nil), ("measureSequence", e.measures != nil)]
                .filter(\.1).map(\.0))]
        case let .resolutionCorrected(e): return [AttributeEffect(entity: .resolution(e.number), attributes: e.corrected.attributes)]
        case let .themeDefined(e): return [set(e.theme, ["title", "description"])]
        case let .themeRevised(e): return [set(e.theme, present([("title", e.title != nil), ("description", e.description != nil)]))]
        case let .themeRemoved(e): return [set(e.theme, ["removed"])] + e.from.map { set($0, ["themes"]) }
        }
    }
}
