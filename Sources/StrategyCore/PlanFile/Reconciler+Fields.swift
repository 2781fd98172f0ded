// Reconciler: the commands for the fields of action and their goal trees, with their statuses.

extension Reconciler {
    /// Goals the file no longer lists, abandoned, children before their parents.
    static func abandonUnlistedGoals(_ d: PlanDocument, _ state: PlanState, reason: String?, into commands: inout [PlanCommand]) {
        let wantedGoals = Set(d.goals.map(\.id))
        for goal in parentsFirst(Array(state.goals.values)).reversed() where !wantedGoals.contains(goal.id) && goal.status.isOpen {
            commands.append(.changeGoalStatus(goal.id, to: .abandoned, reason: reason))
        }
    }

    /// Fields the file no longer lists whose goals all end, retired early so that their codes are free for new
    /// fields; returns them.
    static func retireEmptiedFields(_ d: PlanDocument, _ state: PlanState, reason: String?, into commands: inout [PlanCommand]) -> Set<Identifier> {
        let wantedGoals = Set(d.goals.map(\.id))
        let documentFieldIDs = Set(d.fields.map(\.id))
        var retiredEarly = Set<Identifier>()
        for field in state.fieldsInOrder where !documentFieldIDs.contains(field.id) && field.status.isOpen {
            let staying = state.goals.values.contains { $0.field == field.id && $0.status.isOpen && wantedGoals.contains($0.id) }
            if !staying {
                commands.append(.retireField(field.id, reason: reason ?? ""))
                retiredEarly.insert(field.id)
            }
        }
        return retiredEarly
    }

    /// A new field the file states as retired whose code another field of the file uses (a Fortschreibung that
    /// gave a retired field's code to a new one, exported and imported into an empty store): it is created with
    /// its goals in their stated statuses and retired before the other fields are proposed, so that its code is
    /// free again. Returns those fields and their goals.
    static func retiredFieldsFirst(_ d: PlanDocument, _ state: PlanState, resolution: String?, into commands: inout [PlanCommand]) -> Set<Identifier> {
        var retiredFirst = Set<Identifier>()
        for field in d.fields where state.fields[field.id] == nil && d.declaredStatus.contains(field.id) {
            guard case let .retired(fieldReason) = field.status,
                  let code = field.code, d.fields.contains(where: { $0.id != field.id && $0.code == code }) else { continue }
            commands.append(.proposeField(FieldProposed(
                field: field.id, code: field.code, title: field.title, commitment: field.commitment, tags: field.tags,
                derivedFrom: field.derivedFrom, themes: field.themes)))
            let goals = parentsFirst(d.goals.filter { $0.field == field.id && state.goals[$0.id] == nil })
            for goal in goals {
                commands.append(.formulateGoal(GoalFormulated(
                    goal: goal.id, field: goal.field, parent: goal.parent, level: goal.level, statement: goal.statement,
                    targetGroup: goal.targetGroup, effectLevel: goal.effectLevel, targets: goal.targets, derivedFrom: goal.derivedFrom,
                    themes: goal.themes)))
            }
            for goal in goals where d.declaredStatus.contains(goal.id) {
                let steps = path(from: GoalStatus.draft, to: goal.status, successors: \.successors)
                // Adopting on the way needs the import's resolution recorded; the file may be what records it.
                if steps.contains(.adopted), let number = resolution, state.resolutions[number] == nil,
                   let resolution = d.resolutions.first(where: { $0.number == number }) {
                    commands += resolution.recordCommands
                }
                for step in steps { commands.append(.changeGoalStatus(goal.id, to: step, reason: nil)) }
            }
            commands.append(.retireField(field.id, reason: fieldReason))
            retiredFirst.insert(field.id)
            retiredFirst.formUnion(goals.map(\.id))
        }
        return retiredFirst
    }

    /// Fields proposed or revised.
    static func fieldCommands(_ d: PlanDocument, _ state: PlanState, retiredFirst: Set<Identifier>, into commands: inout [PlanCommand]) {
        for field in d.fields where !retiredFirst.contains(field.id) {
            if let existing = state.fields[field.id] {
                commands.append(.reviseField(FieldRevised(
                    field: field.id, code: Clearable.change(from: existing.code, to: field.code), title: field.title,
                    commitment: Clearable.change(from: existing.commitment, to: field.commitment), tags: field.tags,
                    derivedFrom: field.derivedFrom, themes: field.themes)))
            } else {
                commands.append(.proposeField(FieldProposed(
                    field: field.id, code: field.code, title: field.title, commitment: field.commitment, tags: field.tags,
                    derivedFrom: field.derivedFrom, themes: field.themes)))
            }
        }
    }

    /// Goals formulated, or moved and revised; parents first.
    static func goalCommands(_ d: PlanDocument, _ state: PlanState, retiredFirst: Set<Identifier>, into commands: inout [PlanCommand]) {
        for goal in parentsFirst(d.goals) where !retiredFirst.contains(goal.id) {
            if let existing = state.goals[goal.id] {
                if existing.field != goal.field || existing.parent != goal.parent {
                    commands.append(.moveGoal(goal.id, field: goal.field, parent: goal.parent))
                }
                commands.append(.reviseGoal(GoalRevised(
                    goal: goal.id, level: goal.level, statement: goal.statement,
                    targetGroup: Clearable.change(from: existing.targetGroup, to: goal.targetGroup),
                    effectLevel: Clearable.change(from: existing.effectLevel, to: goal.effectLevel),
                    targets: goal.targets, derivedFrom: goal.derivedFrom, themes: goal.themes)))
            } else {
                commands.append(.formulateGoal(GoalFormulated(
                    goal: goal.id, field: goal.field, parent: goal.parent, level: goal.level, statement: goal.statement,
                    targetGroup: goal.targetGroup, effectLevel: goal.effectLevel, targets: goal.targets, derivedFrom: goal.derivedFrom,
                    themes: goal.themes)))
            }
        }
    }

    /// The statuses the file states for goals.
    static func goalStatusCommands(_ d: PlanDocument, _ state: PlanState, retiredFirst: Set<Identifier>, into commands: inout [PlanCommand]) {
        for goal in d.goals where d.declaredStatus.contains(goal.id) && !retiredFirst.contains(goal.id) {
            let from = state.goals[goal.id]?.status ?? .draft
            for step in path(from: from, to: goal.status, successors: \.successors) {
                commands.append(.changeGoalStatus(goal.id, to: step, reason: nil))
            }
        }
    }

    /// Field statuses, after goals have moved or ended; fields the file no longer lists, retired.
    static func fieldStatusCommands(
        _ d: PlanDocument, _ state: PlanState, reason: String?, retiredFirst: Set<Identifier>, retiredEarly: Set<Identifier>,
        into commands: inout [PlanCommand]
    ) {
        let documentFields = Dictionary(d.fields.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for field in d.fields where d.declaredStatus.contains(field.id) && !retiredFirst.contains(field.id) {
            let current = state.fields[field.id]?.status ?? .proposed
            if current == field.status { continue }
            switch field.status {
            case .proposed: break  // reported by `reconcile`: a field cannot go back to proposed
            case .active: commands.append(.activateField(field.id))
            case let .merged(into): commands.append(.mergeField(field.id, into: into))
            case let .split(into): commands.append(.splitField(field.id, into: into))
            case let .retired(fieldReason): commands.append(.retireField(field.id, reason: fieldReason))
            }
        }
        for field in state.fieldsInOrder where documentFields[field.id] == nil && field.status.isOpen && !retiredEarly.contains(field.id) {
            commands.append(.retireField(field.id, reason: reason ?? ""))
        }
    }
}
