extension Plan {
    /// The events a command leads to in `state`, or the rule it breaks.
    ///
    /// `decide` is pure and deterministic: the same command, context and state always give the same events. A
    /// command that changes nothing (a revision to the current values, a resolution recorded again) gives no
    /// events. Folding the result with ``evolve(_:_:)`` gives the state after the command.
    ///
    /// - Parameters:
    ///   - command: What is asked.
    ///   - context: Who asks, in which role, why, under which resolution, effective when.
    ///   - state: The plan's current state.
    /// - Throws: A ``DomainError`` naming the entity and the rule; then nothing may be recorded.
    /// Checks an event's context: the reason, role and resolution are texts without personal data; the actor, when
    /// given, is a person id (`p-0042`, see ``ContactDetails``) — never a name or a login.
    public static func checkContext(_ context: EventContext) throws(DomainError) {
        let rules = Rules(state: .empty, context: context)
        try rules.optionalText(context.reason, "reason", maxLength: 2_000)
        try rules.optionalText(context.role, "role", maxLength: 200)
        if let resolution = context.resolution {
            if resolution.count > 64 || resolution.contains("\n") || Rules.forbiddenCharacter(in: resolution) != nil {
                throw .invalidValue(field: "resolution", reason: Wording(de: "muss eine Vorlagennummer sein: eine Zeile mit höchstens 64 Zeichen", en: "must be a council paper number: one line of at most 64 characters"))
            }
            try rules.optionalText(resolution, "resolution", maxLength: 64)
        }
        if let actor = context.actor, !(actor.hasPrefix("p-") && actor.count > 2 && Identifier.problem(with: actor) == nil) {
            throw .invalidValue(field: "actor", reason: Wording(de: "muss eine Personenkennung wie 'p-0042' sein (strategyctl person add), nicht '\(actor)'", en: "must be a person id such as 'p-0042' (strategyctl person add), not '\(actor)'"))
        }
    }

    public static func decide(_ command: PlanCommand, context: EventContext = EventContext(), state: PlanState) throws(DomainError) -> [PlanEvent] {
        let rules = Rules(state: state, context: context)
        try checkContext(context)
        if case .createPlan = command {} else { try rules.requirePlan() }
        if let reason = rules.state.withdrawal { throw .planWithdrawn(reason: reason) }
        switch command {
        case let .createPlan(e): return try createPlan(e, rules)
        case let .revisePlan(e): return try revisePlan(e, rules)
        case let .nameDraft(label): return try nameDraft(label, rules)
        case let .withdrawPlan(reason):
            try rules.text(reason, "plan.withdrawal.reason", maxLength: 2_000)
            return [.planWithdrawn(PlanWithdrawn(reason: reason))]
        case let .writeVisionSection(e): return try writeVisionSection(e, rules)
        case let .reviseVisionSection(e): return try reviseVisionSection(e, rules)
        case let .removeVisionSection(id): return try removeVisionSection(id, rules)
        case let .reorderVisionSections(order): return try reorderVisionSections(order, rules)
        case let .reorder(e): return try reorder(e, rules)
        case let .assignContacts(entity, persons): return try assignContacts(entity, persons, rules)
        case let .setPrinciples(principles): return try setPrinciples(principles, rules)
        case let .setMotto(motto): return try setMotto(motto, rules)
        case let .proposeField(e): return try proposeField(e, rules)
        case let .reviseField(e): return try reviseField(e, rules)
        case let .activateField(id): return try activateField(id, rules)
        case let .mergeField(id, into): return try mergeField(id, into: into, rules)
        case let .splitField(id, into): return try splitField(id, into: into, rules)
        case let .retireField(id, reason): return try retireField(id, reason: reason, rules)
        case let .formulateGoal(e): return try formulateGoal(e, rules)
        case let .reviseGoal(e): return try reviseGoal(e, rules)
        case let .moveGoal(id, field, parent): return try moveGoal(id, field: field, parent: parent, rules)
        case let .changeGoalStatus(id, to, reason): return try changeGoalStatus(id, to: to, reason: reason, rules)
        case let .planMeasure(e): return try planMeasure(e, rules)
        case let .reviseMeasure(e): return try reviseMeasure(e, rules)
        case let .relinkMeasure(id, goals): return try relinkMeasure(id, goals: goals, rules)
        case let .changeMeasureStatus(id, to, reason): return try changeMeasureStatus(id, to: to, reason: reason, dated: true, rules)
        case let .declareMeasureStatus(id, to, reason): return try changeMeasureStatus(id, to: to, reason: reason, dated: false, rules)
        case let .assessMeasureHealth(id, health, note): return try assessMeasureHealth(id, health: health, note: note, rules)
        case let .reportMeasureProgress(id, percent, note): return try reportMeasureProgress(id, percent: percent, note: note, rules)
        case let .reachMilestone(measure, milestone, on): return try reachMilestone(measure, milestone: milestone, on: on, rules)
        case let .defineIndicator(e): return try defineIndicator(e, rules)
        case let .reviseIndicator(e): return try reviseIndicator(e, rules)
        case let .retireIndicator(id, reason): return try retireIndicator(id, reason: reason, rules)
        case let .recordObservation(e): return try recordObservation(e, rules)
        case let .correctObservation(e): return try correctObservation(e, rules)
        case let .establishBody(e): return try establishBody(e, rules)
        case let .reviseBody(e): return try reviseBody(e, rules)
        case let .dissolveBody(id, reason, on): return try dissolveBody(id, reason: reason, on: on, rules)
        case let .recordResolution(e): return try recordResolution(e, rules)
        case let .correctResolution(number, deliberation, facts, reason):
            return try correctResolution(number, deliberation: deliberation, facts: facts, reason: reason, rules)
        case let .adopt(label, resolution, effectiveDate): return try adopt(label: label, resolution: resolution, effectiveDate: effectiveDate, rules)
        case let .holdParticipation(e): return try holdParticipation(e, rules)
        case let .reviseParticipation(e): return try reviseParticipation(e, rules)
        case let .receiveContribution(e): return try receiveContribution(e, rules)
        case let .disposeContribution(e): return try disposeContribution(e, rules)
        case let .registerActor(e): return try registerActor(e, rules)
        case let .reviseActor(e): return try reviseActor(e, rules)
        case let .removeActor(id): return try removeActor(id, rules)
        case let .defineTheme(e): return try defineTheme(e, rules)
        case let .reviseTheme(e): return try reviseTheme(e, rules)
        case let .removeTheme(id): return try removeTheme(id, rules)
        }
    }

    /// Decides a sequence of commands as one unit: each is decided against the state the previous ones lead to.
    /// Returns every event and the final state; throws the first rule a command breaks (then nothing counts).
    public static func decide(
        _ commands: [PlanCommand], context: EventContext = EventContext(), state: PlanState
    ) throws(DomainError) -> (events: [PlanEvent], state: PlanState) {
        var state = state
        var events: [PlanEvent] = []
        for command in commands {
            let produced = try decide(command, context: context, state: state)
            apply(produced, to: &state)
            events += produced
        }
        return (events, state)
    }

    // MARK: Plan

    private static func createPlan(_ e: PlanCreated, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        if let id = rules.state.id { throw .planAlreadyExists(id) }
        try rules.label(e.title, "plan.title")
        try rules.label(e.county, "plan.county")
        if let name = e.levels.strategic { try rules.label(name, "plan.levels.strategic") }
        if let name = e.levels.operational { try rules.label(name, "plan.levels.operational") }
        return [.planCreated(e)]
    }

    private static func revisePlan(_ e: PlanRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let state = rules.state
        var change = PlanRevised()
        if let title = e.title, title != state.title { try rules.label(title, "plan.title"); change.title = title }
        if let county = e.county, county != state.county { try rules.label(county, "plan.county"); change.county = county }
        if let levels = e.levels, levels != state.levels {
            if let name = levels.strategic { try rules.label(name, "plan.levels.strategic") }
            if let name = levels.operational { try rules.label(name, "plan.levels.operational") }
            change.levels = levels
        }
        if let deadline = e.deadline, deadline.value != state.deadline { change.deadline = deadline }
        guard change != PlanRevised() else { return [] }
        try rules.reasonIfSealed(state.id!, .plan, Wording(de: "das Ändern des Plans", en: "changing the plan"))
        return [.planRevised(change)]
    }

    private static func nameDraft(_ label: String, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.label(label, "draft.label")
        if rules.state.version(label) != nil { throw .versionSealed(label: label) }
        if rules.state.draftLabel == label { return [] }
        return [.draftNamed(DraftNamed(label: label))]
    }

    // MARK: Vision

    private static func writeVisionSection(_ e: VisionSectionWritten, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.section)
        try rules.label(e.title, "vision section '\(e.section)'.title")
        try rules.text(e.text, "vision section '\(e.section)'.text")
        if let position = e.position, position < 0 || position > rules.state.vision.sections.count {
            throw .invalidValue(field: "vision section '\(e.section)'.position", reason: Wording(de: "muss zwischen 0 und \(rules.state.vision.sections.count) liegen", en: "must be between 0 and \(rules.state.vision.sections.count)"))
        }
        return [.visionSectionWritten(e)]
    }

    private static func reviseVisionSection(_ e: VisionSectionRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard let section = rules.state.vision.section(e.section) else {
            throw .unknownEntity(kind: .visionSection, id: e.section.rawValue, role: "vision section")
        }
        var change = VisionSectionRevised(section: e.section)
        if let title = e.title, title != section.title { try rules.label(title, "vision section '\(e.section)'.title"); change.title = title }
        if let text = e.text, text != section.text { try rules.text(text, "vision section '\(e.section)'.text"); change.text = text }
        guard change.title != nil || change.text != nil else { return [] }
        try rules.reasonIfSealed(e.section, .visionSection, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.visionSectionRevised(change)]
    }

    private static func removeVisionSection(_ id: Identifier, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard rules.state.vision.section(id) != nil else {
            throw .unknownEntity(kind: .visionSection, id: id.rawValue, role: "vision section")
        }
        try rules.reasonIfSealed(id, .visionSection, Wording(de: "das Entfernen", en: "removing it"))
        return [.visionSectionRemoved(VisionSectionRemoved(section: id))]
    }

    private static func reorderVisionSections(_ order: [Identifier], _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let current = rules.state.vision.sections.map(\.id)
        guard Set(order) == Set(current), order.count == current.count else {
            throw .invalidValue(field: "vision.order", reason: Wording(de: "muss jeden Abschnitt genau einmal nennen: \(current.map(\.rawValue).joined(separator: ", "))", en: "must list every section exactly once: \(current.map(\.rawValue).joined(separator: ", "))"))
        }
        if order == current { return [] }
        if let sealed = order.first(where: rules.state.sealed.contains) { try rules.reasonIfSealed(sealed, .visionSection, Wording(de: "das Umordnen des Leitbilds", en: "reordering the vision")) }
        return [.visionSectionsReordered(VisionSectionsReordered(order: order))]
    }

    private static func setPrinciples(_ principles: [String], _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.texts(principles, "vision.principles")
        if principles == rules.state.vision.principles { return [] }
        if !rules.state.versions.isEmpty { try rules.reasonIfSealed(rules.state.id!, .plan, Wording(de: "das Ändern der Leitsätze", en: "changing the principles")) }
        return [.principlesSet(PrinciplesSet(principles: principles))]
    }

    private static func setMotto(_ motto: String?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        if let motto { try rules.label(motto, "vision.motto") }
        if motto == rules.state.vision.motto { return [] }
        if !rules.state.versions.isEmpty { try rules.reasonIfSealed(rules.state.id!, .plan, Wording(de: "das Ändern des Leitspruchs", en: "changing the motto")) }
        return [.mottoSet(MottoSet(motto: motto))]
    }

    // MARK: Fields

    private static func validateFieldCode(_ code: String, _ field: Identifier, _ rules: Rules) throws(DomainError) {
        try rules.label(code, "field '\(field)'.code")
        if code.count > 8 { throw .invalidValue(field: "field '\(field)'.code", reason: Wording(de: "muss kurz sein (a–e, 1–n), nicht '\(code)'", en: "must be short (a–e, 1–n), not '\(code)'")) }
        if let other = rules.state.fields.values.first(where: { $0.code == code && $0.id != field && $0.status.isOpen }) {
            throw .invalidValue(field: "field '\(field)'.code", reason: Wording(de: "'\(code)' ist schon das Kürzel des Handlungsfelds '\(other.id)'", en: "'\(code)' is already the code of field '\(other.id)'"))
        }
    }

    private static func proposeField(_ e: FieldProposed, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.field)
        if let code = e.code { try validateFieldCode(code, e.field, rules) }
        try rules.label(e.title, "field '\(e.field)'.title")
        if let commitment = e.commitment { try rules.text(commitment, "field '\(e.field)'.commitment") }
        try rules.texts(e.tags, "field '\(e.field)'.tags")
        try rules.references(e.derivedFrom, "field '\(e.field)'.derivedFrom")
        try rules.themes(e.themes ?? [], "field '\(e.field)'.themes")
        var event = e
        if event.themes == [] { event.themes = nil }
        return [.fieldProposed(event)]
    }

    private static func reviseField(_ e: FieldRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let field = try rules.field(e.field, "field")
        let name = "field '\(e.field)'"
        var change = FieldRevised(field: e.field)
        if let code = e.code, code.value != field.code {
            if let value = code.value { try validateFieldCode(value, e.field, rules) }
            change.code = code
        }
        if let title = e.title, title != field.title { try rules.label(title, "\(name).title"); change.title = title }
        if let commitment = e.commitment, commitment.value != field.commitment {
            if let value = commitment.value { try rules.text(value, "\(name).commitment") }
            change.commitment = commitment
        }
        if let tags = e.tags, tags != field.tags { try rules.texts(tags, "\(name).tags"); change.tags = tags }
        if let derivedFrom = e.derivedFrom, derivedFrom != field.derivedFrom {
            try rules.references(derivedFrom, "\(name).derivedFrom", excluding: nil)
            if derivedFrom.contains(e.field) { throw .invalidValue(field: "\(name).derivedFrom", reason: Wording(de: "ein Handlungsfeld kann nicht aus sich selbst hervorgehen", en: "a field cannot derive from itself")) }
            change.derivedFrom = derivedFrom
        }
        if let themes = e.themes, themes != field.themes { try rules.themes(themes, "\(name).themes"); change.themes = themes }
        guard change != FieldRevised(field: e.field) else { return [] }
        if !field.status.isOpen { throw .illegalTransition(kind: .field, id: e.field, from: field.status.name, to: "revised") }
        try rules.reasonIfSealed(e.field, .field, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.fieldRevised(change)]
    }

    private static func activateField(_ id: Identifier, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let field = try rules.field(id, "field")
        guard field.status == .proposed else { throw .illegalTransition(kind: .field, id: id, from: field.status.name, to: "active") }
        _ = try rules.mandate(.adoptGoals, resolution: rules.context.resolution, acceptAlso: .adoptPlan, for: "activating field '\(id)'")
        return [.fieldActivated(FieldActivated(field: id))]
    }

    private static func openGoals(of field: Identifier, _ state: PlanState) -> [Identifier] {
        state.goals.values.filter { $0.field == field && $0.status.isOpen }.map(\.id).sorted(by: Identifier.naturalOrder)
    }

    private static func closeField(_ id: Identifier, action: String, to: String, _ rules: Rules) throws(DomainError) {
        let field = try rules.field(id, "field")
        guard field.status.isOpen else { throw .illegalTransition(kind: .field, id: id, from: field.status.name, to: to) }
        let open = openGoals(of: id, rules.state)
        if !open.isEmpty { throw .fieldHasOpenGoals(field: id, goals: open, action: action) }
        try rules.reasonIfSealed(id, .field, action == "retire" ? Wording(de: "das Beenden", en: "retiring it") : action == "merge" ? Wording(de: "das Zusammenführen", en: "merging it") : Wording(de: "das Aufteilen", en: "splitting it"))
    }

    private static func mergeField(_ id: Identifier, into: Identifier, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let target = try rules.field(into, "field '\(id)'.mergedInto")
        if into == id || !target.status.isOpen {
            throw .invalidValue(field: "field '\(id)'.mergedInto", reason: Wording(de: "'\(into)' muss ein anderes offenes Handlungsfeld sein", en: "'\(into)' must be another open field"))
        }
        try closeField(id, action: "merge", to: "merged", rules)
        return [.fieldMerged(FieldMerged(field: id, into: into))]
    }

    private static func splitField(_ id: Identifier, into: [Identifier], _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard into.count >= 2, Set(into).count == into.count else {
            throw .invalidValue(field: "field '\(id)'.splitInto", reason: Wording(de: "muss mindestens zwei verschiedene Handlungsfelder nennen", en: "must name at least two different fields"))
        }
        for target in into {
            let field = try rules.field(target, "field '\(id)'.splitInto")
            if target == id || !field.status.isOpen {
                throw .invalidValue(field: "field '\(id)'.splitInto", reason: Wording(de: "'\(target)' muss ein anderes offenes Handlungsfeld sein", en: "'\(target)' must be another open field"))
            }
        }
        try closeField(id, action: "split", to: "split", rules)
        return [.fieldSplit(FieldSplit(field: id, into: into))]
    }

    private static func retireField(_ id: Identifier, reason: String, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let reason = try rules.requiredReason(reason, .field, id.rawValue, Wording(de: "das Beenden", en: "retiring it"))
        try closeField(id, action: "retire", to: "retired", rules)
        return [.fieldRetired(FieldRetired(field: id, reason: reason))]
    }

    // MARK: Goals

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

    private static func formulateGoal(_ e: GoalFormulated, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.goal)
        let field = try rules.field(e.field, "goal '\(e.goal)'.field")
        if !field.status.isOpen {
            throw .invalidValue(field: "goal '\(e.goal)'.field", reason: Wording(de: "das Handlungsfeld '\(e.field)' ist \(field.status.label.de) und nimmt keine neuen Ziele auf", en: "field '\(e.field)' is \(field.status.name) and takes no new goals"))
        }
        if let parent = e.parent {
            let parentGoal = try rules.goal(parent, "goal '\(e.goal)'.parent")
            if parentGoal.field != e.field {
                throw .invalidValue(field: "goal '\(e.goal)'.parent", reason: Wording(de: "das Ziel '\(parent)' gehört zum Handlungsfeld '\(parentGoal.field)', nicht zu '\(e.field)'", en: "goal '\(parent)' belongs to field '\(parentGoal.field)', not '\(e.field)'"))
            }
        }
        try validateGoal(e.goal, level: e.level, statement: e.statement, targetGroup: e.targetGroup, effectLevel: e.effectLevel,
                         targets: e.targets, derivedFrom: e.derivedFrom, rules)
        try rules.themes(e.themes ?? [], "goal '\(e.goal)'.themes")
        var event = e
        if event.themes == [] { event.themes = nil }
        return [.goalFormulated(event)]
    }

    private static func reviseGoal(_ e: GoalRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
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

    private static func moveGoal(_ id: Identifier, field: Identifier, parent: Identifier?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let goal = try rules.goal(id, "goal")
        if goal.field == field && goal.parent == parent { return [] }
        let target = try rules.field(field, "goal '\(id)'.field")
        if !target.status.isOpen {
            throw .invalidValue(field: "goal '\(id)'.field", reason: Wording(de: "das Handlungsfeld '\(field)' ist \(target.status.label.de) und nimmt keine Ziele auf", en: "field '\(field)' is \(target.status.name) and takes no goals"))
        }
        let descendants = rules.state.descendants(of: id)
        if let parent {
            if parent == id || descendants.contains(parent) { throw .cyclicGoalTree(goal: id, parent: parent) }
            let parentGoal = try rules.goal(parent, "goal '\(id)'.parent")
            if parentGoal.field != field {
                throw .invalidValue(field: "goal '\(id)'.parent", reason: Wording(de: "das Ziel '\(parent)' gehört zum Handlungsfeld '\(parentGoal.field)', nicht zu '\(field)'", en: "goal '\(parent)' belongs to field '\(parentGoal.field)', not '\(field)'"))
            }
        }
        if !goal.status.isOpen { throw .illegalTransition(kind: .goal, id: id, from: goal.status.rawValue, to: "moved") }
        try rules.reasonIfSealed(id, .goal, Wording(de: "das Verschieben", en: "moving it"))
        return [.goalMoved(GoalMoved(
            goal: id, field: field, parent: parent, fromField: goal.field, fromParent: goal.parent,
            descendants: goal.field == field ? [] : descendants))]
    }

    private static func changeGoalStatus(_ id: Identifier, to: GoalStatus, reason: String?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
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

    // MARK: Measures

    private static func validateMeasure(_ m: Measure, _ rules: Rules) throws(DomainError) {
        let name = "measure '\(m.id)'"
        try rules.label(m.title, "\(name).title")
        try rules.optionalText(m.description, "\(name).description")
        if let lead = m.lead { try rules.label(lead, "\(name).lead") }
        try rules.texts(m.partners, "\(name).partners")
        if let start = m.plannedStart, let end = m.plannedEnd, end.isCertainlyBefore(start) {
            throw .invalidValue(field: "\(name).plannedEnd", reason: Wording(de: "\(end.text(in: .de)) liegt vor dem geplanten Beginn \(start.text(in: .de))", en: "\(end) is before the planned start \(start)"))
        }
        for (index, goal) in m.goals.enumerated() { _ = try rules.goal(goal, "\(name).goals[\(index)]") }
        if Set(m.goals).count != m.goals.count { throw .invalidValue(field: "\(name).goals", reason: Wording(de: "nennt ein Ziel zweimal", en: "lists a goal twice")) }
        var milestoneIDs = Set<Identifier>()
        for (index, milestone) in m.milestones.enumerated() {
            if !milestoneIDs.insert(milestone.id).inserted {
                throw .invalidValue(field: "\(name).milestones[\(index)].id", reason: Wording(de: "'\(milestone.id)' steht zweimal darin", en: "'\(milestone.id)' appears twice"))
            }
            if let kind = rules.state.kind(of: milestone.id), !(kind == .milestone && rules.state.milestoneOwner(milestone.id) == m.id) {
                throw .duplicateID(milestone.id, existing: kind)
            }
            try rules.label(milestone.title, "\(name).milestones[\(index)].title")
        }
        for (index, line) in m.budget.enumerated() {
            try rules.label(line.source, "\(name).budget[\(index)].source")
            if line.amount.cents < 0 { throw .invalidValue(field: "\(name).budget[\(index)].amount", reason: Wording(de: "darf nicht negativ sein", en: "must not be negative")) }
            if !(1900...2200).contains(line.year) { throw .invalidValue(field: "\(name).budget[\(index)].year", reason: Wording(de: "\(line.year) ist kein Haushaltsjahr", en: "\(line.year) is not a budget year")) }
        }
        try rules.references(m.derivedFrom, "\(name).derivedFrom", excluding: nil)
        if let field = m.field { _ = try rules.field(field, "\(name).field") }
        try rules.themes(m.themes, "\(name).themes")
    }

    private static func planMeasure(_ e: MeasurePlanned, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.measure)
        try validateMeasure(Measure(
            id: e.measure, title: e.title, description: e.description, lead: e.lead, partners: e.partners,
            plannedStart: e.plannedStart, plannedEnd: e.plannedEnd, horizon: e.horizon, goals: e.goals,
            milestones: e.milestones, budget: e.budget, derivedFrom: e.derivedFrom, field: e.field, themes: e.themes ?? []), rules)
        var event = e
        if event.themes == [] { event.themes = nil }
        return [.measurePlanned(event)]
    }

    private static func reviseMeasure(_ e: MeasureRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let measure = try rules.measure(e.measure, "measure")
        var change = MeasureRevised(measure: e.measure)
        if let title = e.title, title != measure.title { change.title = title }
        if let description = e.description, description != measure.description { change.description = description }
        if let lead = e.lead, lead.value != measure.lead { change.lead = lead }
        if let partners = e.partners, partners != measure.partners { change.partners = partners }
        if let start = e.plannedStart, start.value != measure.plannedStart { change.plannedStart = start }
        if let end = e.plannedEnd, end.value != measure.plannedEnd { change.plannedEnd = end }
        if let horizon = e.horizon, horizon.value != measure.horizon { change.horizon = horizon }
        if let milestones = e.milestones, milestones.map(\.withoutReached) != measure.milestones.map(\.withoutReached) {
            change.milestones = milestones.map(\.withoutReached)
        }
        if let budget = e.budget, budget != measure.budget { change.budget = budget }
        if let derivedFrom = e.derivedFrom, derivedFrom != measure.derivedFrom { change.derivedFrom = derivedFrom }
        if let field = e.field, field.value != measure.field { change.field = field }
        if let themes = e.themes, themes != measure.themes { change.themes = themes }
        guard change != MeasureRevised(measure: e.measure) else { return [] }
        var after = measure
        after.apply(change)
        try validateMeasure(after, rules)
        if measure.status.isFinal { throw .illegalTransition(kind: .measure, id: e.measure, from: measure.status.rawValue, to: "revised") }
        try rules.reasonIfSealed(e.measure, .measure, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.measureRevised(change)]
    }

    private static func relinkMeasure(_ id: Identifier, goals: [Identifier], _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        var measure = try rules.measure(id, "measure")
        if measure.goals == goals { return [] }
        let previous = measure.goals
        measure.goals = goals
        try validateMeasure(measure, rules)
        try rules.reasonIfSealed(id, .measure, Wording(de: "das Verknüpfen mit anderen Zielen", en: "linking it to other goals"))
        return [.measureRelinked(MeasureRelinked(measure: id, goals: goals, previous: previous))]
    }

    /// A status change; `dated` when the command's effective date is the day the change happened (it then sets the
    /// actual start or end), not when a plan file merely states the status.
    private static func changeMeasureStatus(
        _ id: Identifier, to: MeasureStatus, reason: String?, dated: Bool, _ rules: Rules
    ) throws(DomainError) -> [PlanEvent] {
        let measure = try rules.measure(id, "measure")
        if measure.status == to { return [] }
        guard measure.status.successors.contains(to) else {
            throw .illegalTransition(kind: .measure, id: id, from: measure.status.rawValue, to: to.rawValue)
        }
        var recordedReason = reason ?? rules.context.reason
        if to == .discarded {
            recordedReason = try rules.requiredReason(reason, .measure, id.rawValue, Wording(de: "das Verwerfen", en: "discarding it"))
        } else {
            try rules.optionalText(reason, "measure '\(id)'.reason", maxLength: 2_000)
        }
        return [.measureStatusChanged(MeasureStatusChanged(
            measure: id, from: measure.status, to: to, reason: recordedReason, on: dated ? rules.context.effectiveDate : nil))]
    }

    private static func assessMeasureHealth(_ id: Identifier, health: Health, note: String?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let measure = try rules.measure(id, "measure")
        try rules.optionalText(note, "measure '\(id)'.note", maxLength: 2_000)
        if measure.status.isFinal { throw .illegalTransition(kind: .measure, id: id, from: measure.status.rawValue, to: "assessed") }
        if measure.health == health && note == nil { return [] }
        return [.measureHealthAssessed(MeasureHealthAssessed(measure: id, health: health, note: note))]
    }

    private static func reportMeasureProgress(_ id: Identifier, percent: Int, note: String?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let measure = try rules.measure(id, "measure")
        guard (0...100).contains(percent) else {
            throw .invalidValue(field: "measure '\(id)'.progress", reason: Wording(de: "muss zwischen 0 und 100 Prozent liegen, nicht \(percent)", en: "must be between 0 and 100 percent, not \(percent)"))
        }
        try rules.optionalText(note, "measure '\(id)'.note", maxLength: 2_000)
        guard measure.status == .inProgress || measure.status == .suspended else {
            throw .invalidValue(field: "measure '\(id)'.progress", reason: Wording(de: "Fortschritt wird für Maßnahmen in Umsetzung gemeldet; diese ist \(measure.status.label.de)", en: "progress is reported for measures in progress; this one is \(measure.status.rawValue)"))
        }
        return [.measureProgressReported(MeasureProgressReported(measure: id, percent: percent, note: note))]
    }

    private static func reachMilestone(_ id: Identifier, milestone: Identifier, on: CalendarDate, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let measure = try rules.measure(id, "measure")
        guard let found = measure.milestones.first(where: { $0.id == milestone }) else {
            throw .unknownEntity(kind: .milestone, id: milestone.rawValue, role: "measure '\(id)'.milestones")
        }
        if found.reached == on { return [] }
        return [.milestoneReached(MilestoneReached(measure: id, milestone: milestone, on: on))]
    }

    // MARK: Monitoring

    private static func defineIndicator(_ e: IndicatorDefined, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.indicator)
        let name = "indicator '\(e.indicator)'"
        try rules.label(e.code, "\(name).code")
        try rules.label(e.name, "\(name).name")
        try rules.label(e.unit, "\(name).unit")
        try rules.label(e.source, "\(name).source")
        return [.indicatorDefined(e)]
    }

    private static func reviseIndicator(_ e: IndicatorRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let indicator = try rules.indicator(e.indicator, "indicator")
        let name = "indicator '\(e.indicator)'"
        var change = IndicatorRevised(indicator: e.indicator)
        if let code = e.code, code != indicator.code { try rules.label(code, "\(name).code"); change.code = code }
        if let value = e.name, value != indicator.name { try rules.label(value, "\(name).name"); change.name = value }
        if let unit = e.unit, unit != indicator.unit { try rules.label(unit, "\(name).unit"); change.unit = unit }
        if let polarity = e.polarity, polarity != indicator.polarity { change.polarity = polarity }
        if let source = e.source, source != indicator.source { try rules.label(source, "\(name).source"); change.source = source }
        guard change != IndicatorRevised(indicator: e.indicator) else { return [] }
        try rules.reasonIfSealed(e.indicator, .indicator, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.indicatorRevised(change)]
    }

    private static func retireIndicator(_ id: Identifier, reason: String, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let indicator = try rules.indicator(id, "indicator")
        if indicator.retiredReason != nil { throw .illegalTransition(kind: .indicator, id: id, from: "retired", to: "retired") }
        let reason = try rules.requiredReason(reason, .indicator, id.rawValue, Wording(de: "das Beenden", en: "retiring it"))
        let usedBy = rules.state.goals.values.filter { $0.status.isOpen && $0.targets.contains { $0.indicator == id } }.map(\.id).sorted()
        if let goal = usedBy.first {
            throw .invalidValue(field: "indicator '\(id)'", reason: Wording(de: "das Ziel '\(goal)' misst seinen Zielwert noch damit", en: "goal '\(goal)' still measures its target with it"))
        }
        return [.indicatorRetired(IndicatorRetired(indicator: id, reason: reason))]
    }

    private static func recordObservation(_ e: ObservationRecorded, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.observation)
        let indicator = try rules.indicator(e.indicator, "observation '\(e.observation)'.indicator")
        if indicator.retiredReason != nil {
            throw .invalidValue(field: "observation '\(e.observation)'.indicator", reason: Wording(de: "die Kennzahl '\(e.indicator)' wird nicht mehr geführt", en: "indicator '\(e.indicator)' is retired"))
        }
        try rules.label(e.period, "observation '\(e.observation)'.period")
        try rules.label(e.region, "observation '\(e.observation)'.region")
        return [.observationRecorded(e)]
    }

    private static func correctObservation(_ e: ObservationCorrected, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.observation)
        guard let corrected = rules.state.observations[e.corrects] else {
            throw .unknownEntity(kind: .observation, id: e.corrects.rawValue, role: "observation '\(e.observation)'.corrects")
        }
        if let by = corrected.correctedBy { throw .observationAlreadyCorrected(observation: e.corrects, by: by) }
        let reason = try rules.requiredReason(e.reason, .observation, e.corrects.rawValue, Wording(de: "das Berichtigen", en: "correcting it"))
        var event = e
        event.reason = reason
        return [.observationCorrected(event)]
    }

    // MARK: Governance

    private static func establishBody(_ e: BodyEstablished, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.body)
        try rules.label(e.name, "body '\(e.body)'.name")
        var event = e
        event.mandate = Array(Set(e.mandate)).sorted()
        return [.bodyEstablished(event)]
    }

    private static func reviseBody(_ e: BodyRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let body = try rules.body(e.body, "body")
        var change = BodyRevised(body: e.body)
        if let name = e.name, name != body.name { try rules.label(name, "body '\(e.body)'.name"); change.name = name }
        if let kind = e.kind, kind != body.kind { change.kind = kind }
        if let mandate = e.mandate, Set(mandate) != body.mandate { change.mandate = Array(Set(mandate)).sorted() }
        guard change != BodyRevised(body: e.body) else { return [] }
        if body.dissolved { throw .illegalTransition(kind: .body, id: e.body, from: "dissolved", to: "revised") }
        try rules.reasonIfSealed(e.body, .body, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.bodyRevised(change)]
    }

    private static func dissolveBody(_ id: Identifier, reason: String?, on: CalendarDate?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let body = try rules.body(id, "body")
        // Dissolved already: only a date that was not known, or differs, is news. A dissolution stated without a
        // date leaves a known date as it is.
        if body.dissolved && (on == nil || on == body.dissolvedOn) { return [] }
        try rules.optionalText(reason, "body '\(id)'.reason", maxLength: 2_000)
        try rules.reasonIfSealed(id, .body, body.dissolved ? Wording(de: "das Ändern des Auflösungsdatums", en: "changing the date it was dissolved on") : Wording(de: "das Auflösen", en: "dissolving it"))
        return [.bodyDissolved(BodyDissolved(body: id, reason: reason ?? rules.context.reason, on: on))]
    }

    private static func recordResolution(_ e: ResolutionRecorded, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let name = "resolution \(e.number)"
        // A paper number is an identifier of the council's, never personal data: checked for form only.
        if e.number.trimmingSpaces.isEmpty { throw .invalidValue(field: "resolution.number", reason: Wording(de: "darf nicht leer sein", en: "must not be empty")) }
        if e.number.count > 64 { throw .invalidValue(field: "resolution.number", reason: Wording(de: "hat mehr als 64 Zeichen", en: "has more than 64 characters")) }
        if e.number.contains("\n") || Rules.forbiddenCharacter(in: e.number) != nil {
            throw .invalidValue(field: "resolution.number", reason: Wording(de: "muss eine einzelne Zeile ohne Steuerzeichen sein", en: "must be a single line without control characters"))
        }
        _ = try rules.body(e.body, "\(name).body")
        try rules.label(e.subject, "\(name).subject")
        if let votes = e.votes { try checkVotes(votes, "\(name).votes", rules) }
        guard let existing = rules.state.resolutions[e.number] else { return [.resolutionRecorded(e)] }
        // The same paper again: a deliberation already on record is no news; a deliberation by a body on a date not
        // yet on record is the paper's next deliberation (a committee recommended, the council decides; a paper
        // referred back is decided later). What differs from a record is corrected, never recorded over.
        if existing.subject != e.subject { throw .resolutionAlreadyRecorded(number: e.number) }
        let deliberation = e.deliberation
        if existing.deliberations.contains(deliberation) { return [] }
        if existing.deliberations.contains(where: { $0.body == deliberation.body && $0.date == deliberation.date }) {
            throw .resolutionAlreadyRecorded(number: e.number)
        }
        return [.resolutionDeliberated(ResolutionDeliberated(number: e.number, deliberation: deliberation))]
    }

    /// Votes as reported: no negative count, no votes against a unanimous decision, not empty.
    private static func checkVotes(_ votes: Votes, _ field: String, _ rules: Rules) throws(DomainError) {
        if [votes.yes, votes.no, votes.abstain].contains(where: { ($0 ?? 0) < 0 }) {
            throw .invalidValue(field: field, reason: Wording(de: "Stimmenzahlen dürfen nicht negativ sein", en: "vote counts must not be negative"))
        }
        if votes.unanimous == true && (votes.no ?? 0) > 0 {
            throw .invalidValue(field: field, reason: Wording(de: "eine einstimmige Abstimmung hat keine Gegenstimmen", en: "a unanimous vote has no votes against"))
        }
        if votes.isEmpty { throw .invalidValue(field: field, reason: Wording(de: "meldet nichts; die Stimmen weglassen", en: "reports nothing; leave the votes out")) }
        if let note = votes.note { try rules.label(note, "\(field).note") }
    }

    private static func correctResolution(
        _ number: String, deliberation index: Int?, facts: ResolutionFacts, reason: String, _ rules: Rules
    ) throws(DomainError) -> [PlanEvent] {
        guard let paper = rules.state.resolutions[number] else {
            throw .unknownEntity(kind: .resolution, id: number, role: "correction")
        }
        let name = "resolution \(number)"
        guard paper.deliberations.indices.contains(index ?? 0) else {
            throw .invalidValue(
                field: "\(name).deliberation",
                reason: Wording(de: "die Vorlage hat \(paper.deliberations.count) Beratung(en); Nummer \((index ?? 0) + 1) ist nicht darunter", en: "the paper has \(paper.deliberations.count) deliberation(s); number \((index ?? 0) + 1) is not among them"))
        }
        let record = paper.deliberations[index ?? 0]
        try rules.text(reason, "\(name).correction.reason", maxLength: 2_000)
        var previous = ResolutionFacts(), corrected = ResolutionFacts()
        if let body = facts.body, body != record.body { _ = try rules.body(body, "\(name).body"); previous.body = record.body; corrected.body = body }
        if let date = facts.date, date != record.date { previous.date = record.date; corrected.date = date }
        if let subject = facts.subject, subject != paper.subject { try rules.label(subject, "\(name).subject"); previous.subject = paper.subject; corrected.subject = subject }
        if let result = facts.result, result != record.result { previous.result = record.result; corrected.result = result }
        if let votes = facts.votes, votes.value != record.votes {
            if let value = votes.value { try checkVotes(value, "\(name).votes", rules) }
            previous.votes = record.votes.map(Clearable.set) ?? .cleared
            corrected.votes = votes
        }
        if let kind = facts.kind, kind.value != record.kind {
            previous.kind = record.kind.map(Clearable.set) ?? .cleared
            corrected.kind = kind
        }
        if corrected.isEmpty { return [] }
        var after = paper
        let position = index ?? 0
        if let body = corrected.body { after.deliberations[position].body = body }
        if let date = corrected.date { after.deliberations[position].date = date }
        if let result = corrected.result { after.deliberations[position].result = result }
        if let kind = corrected.kind { after.deliberations[position].kind = kind.value }
        if after.deliberations.enumerated().contains(where: { other in
            other.offset != position && other.element.body == after.deliberations[position].body
                && other.element.date == after.deliberations[position].date
        }) {
            throw .invalidValue(field: "\(name)", reason: Wording(de: "die Berichtigung ergäbe zwei Beratungen desselben Gremiums am selben Tag", en: "the correction would make two deliberations of the same body on the same date"))
        }
        // A version rests on the resolution that adopted it: what made that resolution carry stays.
        if let version = rules.state.versions.first(where: { $0.resolution == number }) {
            if !after.result.carries || after.body != paper.body {
                throw .invalidValue(
                    field: "\(name)",
                    reason: Wording(de: "er hat die Fassung '\(version.label)' beschlossen; Ergebnis und Gremium können nicht von diesem Beschluss weg berichtigt werden", en: "it adopted version '\(version.label)'; its result and body cannot be corrected away from that adoption"))
            }
        }
        return [.resolutionCorrected(ResolutionCorrected(
            number: number, previous: previous, corrected: corrected, reason: reason, deliberation: index == 0 ? nil : index))]
    }

    /// The plan's own order: each list names entities of its kind, each once; a list that leaves the order shown as
    /// it is is no news.
    private static func reorder(_ e: PlanReordered, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let state = rules.state
        func check(_ ids: [Identifier]?, _ kind: EntityKind, _ name: String) throws(DomainError) {
            guard let ids else { return }
            var seen = Set<Identifier>()
            for id in ids {
                guard state.kind(of: id) == kind else { throw .unknownEntity(kind: kind, id: id.rawValue, role: "plan order of \(name)") }
                if !seen.insert(id).inserted { throw .invalidValue(field: "plan.order.\(name)", reason: Wording(de: "nennt '\(id)' zweimal", en: "names '\(id)' twice")) }
            }
        }
        try check(e.fields, .field, "fields")
        try check(e.goals, .goal, "goals")
        try check(e.measures, .measure, "measures")
        // Only the relative order of the listed entities counts: an entity the list leaves out (a field the plan
        // retired and no longer lists) is no reason to record an order.
        var change = PlanReordered()
        if let fields = e.fields, state.fieldsInOrder.map(\.id).filter(Set(fields).contains) != fields { change.fields = fields }
        if let goals = e.goals {
            var after = state
            after.goalSequence = goals
            let listed = Set(goals)
            let (before, now) = (state.goalTree, after.goalTree)
            if before.contains(where: { key, list in list.map(\.id).filter(listed.contains) != (now[key] ?? []).map(\.id).filter(listed.contains) }) {
                change.goals = goals
            }
        }
        if let measures = e.measures, state.measuresInOrder.map(\.id).filter(Set(measures).contains) != measures { change.measures = measures }
        return change.isEmpty ? [] : [.planReordered(change)]
    }

    /// Contacts are registered persons, each named once, of the plan or of a field or measure it holds.
    private static func assignContacts(_ entity: String, _ persons: [Identifier], _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let state = rules.state
        if entity != PlanState.planContactKey {
            guard let id = try? Identifier(entity), let kind = state.kind(of: id), kind == .field || kind == .measure || kind == .contribution else {
                throw .unknownEntity(kind: .field, id: entity, role: "contacts (a field, measure or contribution)")
            }
        }
        var seen = Set<Identifier>()
        for person in persons {
            guard person.rawValue.hasPrefix("p-") else {
                throw .invalidValue(field: "\(entity).contacts", reason: Wording(de: "'\(person)' ist keine Personenkennung (p-…)", en: "'\(person)' is not a person id (p-…)"))
            }
            if !seen.insert(person).inserted { throw .invalidValue(field: "\(entity).contacts", reason: Wording(de: "nennt '\(person)' zweimal", en: "names '\(person)' twice")) }
        }
        if (state.contacts[entity] ?? []) == persons { return [] }
        return [.contactsAssigned(ContactsAssigned(entity: entity, persons: persons))]
    }

    private static func adopt(label: String?, resolution number: String, effectiveDate: CalendarDate, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let state = rules.state
        guard let label = label ?? state.draftLabel else {
            throw .invalidValue(field: "adopt.label", reason: Wording(de: "die Fassung benennen (oder erst den Entwurf benennen)", en: "name the version (or name the draft first)"))
        }
        try rules.label(label, "adopt.label")
        if state.version(label) != nil { throw .labelAlreadyUsed(label: label) }
        if let used = state.versions.first(where: { $0.resolution == number }) {
            throw .resolutionAlreadyUsed(number: number, version: used.label)
        }
        let resolution = try rules.mandate(.adoptPlan, resolution: number, for: "adopting version '\(label)'")
        if state.versions.isEmpty ? !state.hasContent : state.changesSinceAdoption == 0 { throw .emptyDraft }
        // Versions follow each other: a version that took effect, or was decided, before the one it succeeds would
        // make "in force on" answer with the later content.
        if let current = state.currentVersion {
            if effectiveDate.isCertainlyBefore(current.effectiveDate) {
                throw .invalidValue(
                    field: "adopt.effectiveDate",
                    reason: Wording(
                        de: "die Fassung '\(label)' träte am \(effectiveDate.text(in: .de)) in Kraft, vor der Fassung '\(current.label)' "
                            + "(in Kraft ab \(current.effectiveDate.text(in: .de))), auf die sie folgt; Fassungen werden der Reihe nach beschlossen",
                        en: "version '\(label)' would take effect on \(effectiveDate), before version '\(current.label)' "
                            + "(in force from \(current.effectiveDate)), which it follows; versions are adopted in order"))
            }
            if let previous = state.resolutions[current.resolution], resolution.date.isCertainlyBefore(previous.date) {
                throw .invalidValue(
                    field: "adopt.resolution",
                    reason: Wording(
                        de: "der Beschluss \(number) ist vom \(resolution.date.text(in: .de)), vor dem Beschluss \(previous.number) "
                            + "(\(previous.date.text(in: .de))), der die Fassung '\(current.label)' beschlossen hat; Fassungen werden der Reihe nach beschlossen",
                        en: "resolution \(number) is dated \(resolution.date), before resolution \(previous.number) "
                            + "(\(previous.date)) that adopted version '\(current.label)'; versions are adopted in order"))
            }
        }
        let activated = state.fields.values.filter { $0.status == .proposed }.map(\.id).sorted(by: Identifier.naturalOrder)
        let adopted = state.goals.values.filter { $0.status == .draft }.map(\.id).sorted(by: Identifier.naturalOrder)
        var sealed = state
        for field in activated { sealed.fields[field]?.status = .active }
        for goal in adopted { sealed.goals[goal]?.status = .adopted }
        return [.versionAdopted(VersionAdopted(
            label: label, resolution: number, body: resolution.body, effectiveDate: effectiveDate,
            contentHash: sealed.contentHash, basedOn: state.currentVersion?.label, counts: sealed.counts,
            activatedFields: activated, adoptedGoals: adopted))]
    }

    // MARK: Participation and actors

    private static func holdParticipation(_ e: ParticipationHeld, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.format)
        try rules.label(e.title, "participation '\(e.format)'.title")
        if let participants = e.participants, participants < 0 {
            throw .invalidValue(field: "participation '\(e.format)'.participants", reason: Wording(de: "darf nicht negativ sein", en: "must not be negative"))
        }
        return [.participationHeld(e)]
    }

    private static func reviseParticipation(_ e: ParticipationRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard let format = rules.state.participation[e.format] else {
            throw .unknownEntity(kind: .participation, id: e.format.rawValue, role: "participation")
        }
        var change = ParticipationRevised(format: e.format)
        if let kind = e.kind, kind != format.kind { change.kind = kind }
        if let title = e.title, title != format.title { try rules.label(title, "participation '\(e.format)'.title"); change.title = title }
        if let date = e.date, date != format.date { change.date = date }
        if let participants = e.participants, participants.value != format.participants {
            if let count = participants.value, count < 0 {
                throw .invalidValue(field: "participation '\(e.format)'.participants", reason: Wording(de: "darf nicht negativ sein", en: "must not be negative"))
            }
            change.participants = participants
        }
        guard change != ParticipationRevised(format: e.format) else { return [] }
        return [.participationRevised(change)]
    }

    private static func receiveContribution(_ e: ContributionReceived, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.contribution)
        guard rules.state.participation[e.format] != nil else {
            throw .unknownEntity(kind: .participation, id: e.format.rawValue, role: "contribution '\(e.contribution)'.format")
        }
        try rules.text(e.summary, "contribution '\(e.contribution)'.summary", maxLength: 5_000)
        return [.contributionReceived(e)]
    }

    private static func disposeContribution(_ e: ContributionDisposed, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard let contribution = rules.state.contributions[e.contribution] else {
            throw .unknownEntity(kind: .contribution, id: e.contribution.rawValue, role: "contribution")
        }
        let name = "contribution '\(e.contribution)'"
        for (index, id) in e.linkedTo.enumerated() {
            let kind = rules.state.kind(of: id)
            if kind != .goal && kind != .measure && kind != .field {
                throw .invalidValue(field: "\(name).linkedTo[\(index)]", reason: Wording(de: "'\(id)' ist kein Ziel, keine Maßnahme und kein Handlungsfeld dieses Plans", en: "'\(id)' is not a goal, measure or field of this plan"))
            }
        }
        try rules.optionalText(e.note, "\(name).note", maxLength: 2_000)
        // A contribution can be taken up "in general" (*grundsätzlich aufgegriffen*) without naming a goal, measure or
        // field: plans often say no more, and a link would have to be invented. Links that are given are checked above.
        if contribution.disposition == e.disposition && contribution.linkedTo == e.linkedTo && contribution.note == e.note { return [] }
        return [.contributionDisposed(e)]
    }

    private static func registerActor(_ e: ActorRegistered, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.actor)
        try rules.label(e.name, "actor '\(e.actor)'.name")
        return [.actorRegistered(e)]
    }

    private static func reviseActor(_ e: ActorRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard let actor = rules.state.actors[e.actor] else { throw .unknownEntity(kind: .actor, id: e.actor.rawValue, role: "actor") }
        var change = ActorRevised(actor: e.actor)
        if let name = e.name, name != actor.name { try rules.label(name, "actor '\(e.actor)'.name"); change.name = name }
        if let sector = e.sector, sector != actor.sector { change.sector = sector }
        guard change != ActorRevised(actor: e.actor) else { return [] }
        try rules.reasonIfSealed(e.actor, .actor, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.actorRevised(change)]
    }

    private static func removeActor(_ id: Identifier, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard rules.state.actors[id] != nil else { throw .unknownEntity(kind: .actor, id: id.rawValue, role: "actor") }
        try rules.reasonIfSealed(id, .actor, Wording(de: "das Entfernen", en: "removing it"))
        return [.actorRemoved(ActorRemoved(actor: id))]
    }
}

extension Plan {
    // MARK: Cross-cutting themes

    fileprivate static func defineTheme(_ e: ThemeDefined, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.theme)
        try rules.label(e.title, "theme '\(e.theme)'.title")
        if let description = e.description { try rules.text(description, "theme '\(e.theme)'.description", maxLength: 5_000) }
        return [.themeDefined(e)]
    }

    fileprivate static func reviseTheme(_ e: ThemeRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard let theme = rules.state.themes[e.theme] else { throw .unknownEntity(kind: .theme, id: e.theme.rawValue, role: "theme") }
        var change = ThemeRevised(theme: e.theme)
        if let title = e.title, title != theme.title { try rules.label(title, "theme '\(e.theme)'.title"); change.title = title }
        if let description = e.description, description.value != theme.description {
            if let text = description.value { try rules.text(text, "theme '\(e.theme)'.description", maxLength: 5_000) }
            change.description = description
        }
        guard change != ThemeRevised(theme: e.theme) else { return [] }
        try rules.reasonIfSealed(e.theme, .theme, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.themeRevised(change)]
    }

    fileprivate static func removeTheme(_ id: Identifier, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard rules.state.themes[id] != nil else { throw .unknownEntity(kind: .theme, id: id.rawValue, role: "theme") }
        let state = rules.state
        // Open fields, goals and measures must let go of the theme first; ended ones lose it with the theme.
        let fields = state.fields.values.filter { $0.themes.contains(id) }.map { ($0.id, $0.status.isOpen) }
        let goals = state.goals.values.filter { $0.themes.contains(id) }.map { ($0.id, $0.status.isOpen) }
        let measures = state.measures.values.filter { $0.themes.contains(id) }.map { ($0.id, !$0.status.isFinal) }
        let users = (fields + goals + measures).sorted { Identifier.naturalOrder($0.0, $1.0) }
        if let open = users.first(where: \.1) {
            throw .invalidValue(field: "theme '\(id)'", reason: Wording(de: "'\(open.0)' verweist noch darauf", en: "'\(open.0)' still refers to it"))
        }
        try rules.reasonIfSealed(id, .theme, Wording(de: "das Entfernen", en: "removing it"))
        return [.themeRemoved(ThemeRemoved(theme: id, from: users.map(\.0)))]
    }
}

extension Milestone {
    /// The milestone as planned, without the date it was reached (a fact recorded by its own event).
    var withoutReached: Milestone { Milestone(id: id, title: title, due: due) }
}
