// Decides commands: the dispatch from each command to its handler, and the checks on an event's context.
//
// The handlers live by domain area, as the events do in Events/: Plan+DecidePlan (the plan, its order, contacts),
// +DecideVision, +DecideFields, +DecideGoals, +DecideMeasures, +DecideMonitoring (indicators, observations),
// +DecideGovernance (bodies, resolutions, adoption of versions), +DecideParticipation (formats, contributions,
// actors) and +DecideThemes. Withdrawing the plan is decided here, in the dispatch.

extension Plan {
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
        case let .adoptRecording(label, resolution, effectiveDate):
            return try adoptRecording(label: label, resolution: resolution, effectiveDate: effectiveDate, rules)
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
}
