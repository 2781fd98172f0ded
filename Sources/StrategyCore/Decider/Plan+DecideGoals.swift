// Decides the commands on goals: formulate, revise, move, change status.
//
// A goal's statement, level, target group, effect level, targets and links are checked in `validateGoal`, for a new
// goal (`formulateGoal`) and for a revision (`reviseGoal`) alike.

extension Plan {
    private static func validateGoal(
        _ id: Identifier, level: GoalLevel, statement: String, targetGroup: String?, effectLevel: Int?,
        targets: [Target], derivedFrom: [Identifier], _ rules: Rules
    ) throws(DomainError) {
        let name = "goal '\(id)'"
        try rules.text(statement, "\(name).statement", maxLength: 5_000)
        if let targetGroup { try rules.label(targetGroup, "\(name).targetGroup") }
        if let effectLevel, !(1...7).contains(effectLevel) {
            throw .invalidValue(field: "\(name).effectLevel", reason: Wording(de: "muss zwischen 1 und 7 liegen, nicht \(effectLevel)", en: "must be between 1 and 7, not \(effectLevel)"))
        }
        try rules.targets(targets, name)
        try rules.references(derivedFrom, "\(name).derivedFrom")
        if derivedFrom.contains(id) { throw .invalidValue(field: "\(name).derivedFrom", reason: Wording(de: "ein Ziel kann nicht aus sich selbst hervorgehen", en: "a goal cannot derive from itself")) }
    }

    static func formulateGoal(_ e: GoalFormulated, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.goal)
        let field = try rules.field(e.field, "goal '\(e.goal)'.field")
        if !field.status.isOpen {
            throw .invalidValue(field: "goal '\(e.goal)'.field", reason: Wording(de: "das Handlungsfeld '\(e.field)' ist \(field.status.label.de) und nimmt keine neuen Ziele auf", en: "field '\(e.field)' is \(field.status.name) and takes no new goals"))
        }
        if let parent = e.parent {
            let parentGoal = try rules.goal(parent, "goal '\(e.goal)'.parent")
            if let problem = Rules.parentOutsideField(parent: parent, parentField: parentGoal.field, field: e.field) {
                throw .invalidValue(field: "goal '\(e.goal)'.parent", reason: problem)
            }
        }
        try validateGoal(e.goal, level: e.level, statement: e.statement, targetGroup: e.targetGroup, effectLevel: e.effectLevel,
                         targets: e.targets, derivedFrom: e.derivedFrom, rules)
        try rules.themes(e.themes ?? [], "goal '\(e.goal)'.themes")
        var event = e
        if event.themes == [] { event.themes = nil }
        return [.goalFormulated(event)]
    }

    static func reviseGoal(_ e: GoalRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let goal = try rules.goal(e.goal, "goal")
        var change = GoalRevised(goal: e.goal)
        if let level = e.level, level != goal.level { change.level = level }
        if let statement = e.statement, statement != goal.statement { change.statement = statement }
        if let targetGroup = e.targetGroup, targetGroup.value != goal.targetGroup { change.targetGroup = targetGroup }
        if let effectLevel = e.effectLevel, effectLevel.value != goal.effectLevel { change.effectLevel = effectLevel }
        if let targets = e.targets, targets != goal.targets { change.targets = targets }
        if let derivedFrom = e.derivedFrom, derivedFrom != goal.derivedFrom { change.derivedFrom = derivedFrom }
        if let themes = e.themes, themes != goal.themes { try rules.themes(themes, "goal '\(e.goal)'.themes"); change.themes = themes }
        guard change != GoalRevised(goal: e.goal) else { return [] }
        var after = goal
        after.apply(change)
        try validateGoal(e.goal, level: after.level, statement: after.statement, targetGroup: after.targetGroup,
                         effectLevel: after.effectLevel, targets: after.targets, derivedFrom: after.derivedFrom, rules)
        if !goal.status.isOpen { throw .illegalTransition(kind: .goal, id: e.goal, from: goal.status.rawValue, to: "revised") }
        try rules.reasonIfSealed(e.goal, .goal, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.goalRevised(change)]
    }

    static func moveGoal(_ id: Identifier, field: Identifier, parent: Identifier?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let goal = try rules.goal(id, "goal")
        if goal.field == field && goal.parent == parent { return [] }
        let target = try rules.field(field, "goal '\(id)'.field")
        if !target.status.isOpen {
            throw .invalidValue(field: "goal '\(id)'.field", reason: Wording(de: "das Handlungsfeld '\(field)' ist \(target.status.label.de) und nimmt keine Ziele auf", en: "field '\(field)' is \(target.status.name) and takes no goals"))
        }
        if let parent {
            let parentAfterMove = { (goal: Identifier) in goal == id ? parent : rules.state.goals[goal]?.parent }
            if !Rules.goalCycles(from: [id], parent: parentAfterMove).isEmpty { throw .cyclicGoalTree(goal: id, parent: parent) }
            let parentGoal = try rules.goal(parent, "goal '\(id)'.parent")
            if let problem = Rules.parentOutsideField(parent: parent, parentField: parentGoal.field, field: field) {
                throw .invalidValue(field: "goal '\(id)'.parent", reason: problem)
            }
        }
        if !goal.status.isOpen { throw .illegalTransition(kind: .goal, id: id, from: goal.status.rawValue, to: "moved") }
        try rules.reasonIfSealed(id, .goal, Wording(de: "das Verschieben", en: "moving it"))
        return [.goalMoved(GoalMoved(
            goal: id, field: field, parent: parent, fromField: goal.field, fromParent: goal.parent,
            descendants: goal.field == field ? [] : rules.state.descendants(of: id)))]
    }

    static func changeGoalStatus(_ id: Identifier, to: GoalStatus, reason: String?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let goal = try rules.goal(id, "goal")
        if goal.status == to { return [] }
        guard goal.status.successors.contains(to) else {
            throw .illegalTransition(kind: .goal, id: id, from: goal.status.rawValue, to: to.rawValue)
        }
        var recordedReason = reason ?? rules.context.reason
        switch to {
        case .abandoned:
            recordedReason = try rules.requiredReason(reason, .goal, id.rawValue, Wording(de: "das Aufgeben", en: "abandoning it"))
        case .adopted:
            _ = try rules.mandate(.adoptGoals, resolution: rules.context.resolution, acceptAlso: .adoptPlan, for: "adopting goal '\(id)'")
        default:
            try rules.optionalText(reason, "goal '\(id)'.reason", maxLength: 2_000)
        }
        // One rule for goals and measures: ending one (abandoned, discarded) needs a reason; progress does not,
        // also for what an adopted version contains.
        return [.goalStatusChanged(GoalStatusChanged(goal: id, from: goal.status, to: to, reason: recordedReason))]
    }
}
