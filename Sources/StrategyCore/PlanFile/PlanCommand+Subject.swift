// The entity a plan command concerns, to find it in a plan file.

extension PlanCommand {
    /// The id (or `resolution:NUMBER`) of the entity the command concerns, to find it in a plan file.
    public var subject: String? {
        switch self {
        case let .createPlan(e): return e.plan.rawValue
        case let .correctResolution(number, _, _, _): return "resolution:" + number
        case .revisePlan, .nameDraft, .withdrawPlan, .setPrinciples, .setMotto, .reorderVisionSections, .adopt, .adoptRecording, .reorder: return nil
        case let .assignContacts(entity, _): return entity == .plan ? nil : entity.rawValue
        case let .writeVisionSection(e): return e.section.rawValue
        case let .reviseVisionSection(e): return e.section.rawValue
        case let .removeVisionSection(id): return id.rawValue
        case let .proposeField(e): return e.field.rawValue
        case let .reviseField(e): return e.field.rawValue
        case let .activateField(id), let .mergeField(id, _), let .splitField(id, _), let .retireField(id, _): return id.rawValue
        case let .formulateGoal(e): return e.goal.rawValue
        case let .reviseGoal(e): return e.goal.rawValue
        case let .moveGoal(id, _, _), let .changeGoalStatus(id, _, _): return id.rawValue
        case let .planMeasure(e): return e.measure.rawValue
        case let .reviseMeasure(e): return e.measure.rawValue
        case let .relinkMeasure(id, _), let .changeMeasureStatus(id, _, _), let .declareMeasureStatus(id, _, _), let .assessMeasureHealth(id, _, _),
             let .reportMeasureProgress(id, _, _): return id.rawValue
        case let .reachMilestone(measure, _, _): return measure.rawValue
        case let .defineIndicator(e): return e.indicator.rawValue
        case let .reviseIndicator(e): return e.indicator.rawValue
        case let .retireIndicator(id, _): return id.rawValue
        case let .recordObservation(e): return e.observation.rawValue
        case let .correctObservation(e): return e.observation.rawValue
        case let .establishBody(e): return e.body.rawValue
        case let .reviseBody(e): return e.body.rawValue
        case let .dissolveBody(id, _, _): return id.rawValue
        case let .recordResolution(e): return "resolution:" + e.number
        case let .holdParticipation(e): return e.format.rawValue
        case let .reviseParticipation(e): return e.format.rawValue
        case let .receiveContribution(e): return e.contribution.rawValue
        case let .disposeContribution(e): return e.contribution.rawValue
        case let .registerActor(e): return e.actor.rawValue
        case let .reviseActor(e): return e.actor.rawValue
        case let .removeActor(id): return id.rawValue
        case let .defineTheme(e): return e.theme.rawValue
        case let .reviseTheme(e): return e.theme.rawValue
        case let .removeTheme(id): return id.rawValue
        }
    }
}
