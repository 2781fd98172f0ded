// Reconciler: the commands for the measures and the statuses the file states for them.

extension Reconciler {
    /// Measures the file no longer lists, discarded on the shortest legal path.
    static func discardUnlistedMeasures(_ d: PlanDocument, _ state: PlanState, reason: String?, into commands: inout [PlanCommand]) {
        let wantedMeasures = Set(d.measures.map(\.id))
        for measure in PlanState.ordered(state.measures) where !wantedMeasures.contains(measure.id) && !measure.status.isFinal {
            for step in path(from: measure.status, to: .discarded, successors: \.successors) {
                commands.append(.declareMeasureStatus(measure.id, to: step, reason: step == .discarded ? reason : nil))
            }
        }
    }

    /// Measures planned, or revised and relinked.
    static func measureCommands(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        for measure in d.measures {
            if let existing = state.measures[measure.id] {
                commands.append(.reviseMeasure(MeasureRevised(
                    measure: measure.id, title: measure.title, description: measure.description,
                    lead: Clearable.change(from: existing.lead, to: measure.lead),
                    partners: measure.partners, plannedStart: Clearable.change(from: existing.plannedStart, to: measure.plannedStart),
                    plannedEnd: Clearable.change(from: existing.plannedEnd, to: measure.plannedEnd),
                    horizon: Clearable.change(from: existing.horizon, to: measure.horizon),
                    milestones: measure.milestones, budget: measure.budget, derivedFrom: measure.derivedFrom,
                    field: Clearable.change(from: existing.field, to: measure.field), themes: measure.themes)))
                commands.append(.relinkMeasure(measure.id, goals: measure.goals))
            } else {
                commands.append(.planMeasure(MeasurePlanned(
                    measure: measure.id, title: measure.title, description: measure.description, lead: measure.lead,
                    partners: measure.partners, plannedStart: measure.plannedStart, plannedEnd: measure.plannedEnd,
                    horizon: measure.horizon, goals: measure.goals, milestones: measure.milestones, budget: measure.budget,
                    derivedFrom: measure.derivedFrom, field: measure.field, themes: measure.themes)))
            }
        }
    }

    /// The statuses the file states for measures.
    static func measureStatusCommands(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        for measure in d.measures where d.declaredStatus.contains(measure.id) {
            let from = state.measures[measure.id]?.status ?? .planned
            for step in path(from: from, to: measure.status, successors: \.successors) {
                commands.append(.declareMeasureStatus(measure.id, to: step, reason: nil))
            }
        }
    }
}
