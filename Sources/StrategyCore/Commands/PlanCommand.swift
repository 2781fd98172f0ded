/// Everything a user can ask of a plan. ``Plan/decide(_:context:state:)-(PlanCommand,_,_)`` turns a command into events, or refuses
/// it with a ``DomainError``.
///
/// Creation commands carry the payload of the event they lead to; revision commands carry the desired values of
/// the attributes to change (unchanged attributes may be passed too — only real changes are recorded).
public enum PlanCommand: Hashable, Sendable {
    /// Create the plan.
    case createPlan(PlanCreated)
    /// Change the plan's title, county, level names or deadline.
    case revisePlan(PlanRevised)
    /// Name the working draft with the label it will be adopted under.
    case nameDraft(label: String)
    /// Correct a recorded resolution: the members of `facts` that are set replace the record's; `reason` names the
    /// source of the correct values. `deliberation` names which of the paper's deliberations, counted from 0 in the
    /// order they were recorded (nil: the first); the subject belongs to the paper.
    case correctResolution(number: String, deliberation: Int? = nil, facts: ResolutionFacts, reason: String)
    /// Withdraw a plan created by mistake: it stays in the log, leaves the lists and takes no more changes.
    case withdrawPlan(reason: String)
    /// Set the plan's own order of its fields, goals or measures (each list that is set names every entity of its
    /// kind in the plan's order); lists that leave the order as it is are not recorded.
    case reorder(PlanReordered)
    /// Name the contacts (registered persons) of the plan (`.plan`), a field, a measure or a contribution.
    case assignContacts(entity: EntityKey, persons: [Identifier])

    /// Add a vision section.
    case writeVisionSection(VisionSectionWritten)
    /// Change a vision section.
    case reviseVisionSection(VisionSectionRevised)
    /// Remove a vision section.
    case removeVisionSection(Identifier)
    /// Put the vision sections in a new order.
    case reorderVisionSections([Identifier])
    /// Set the guiding principles.
    case setPrinciples([String])
    /// Set or remove the motto.
    case setMotto(String?)

    /// Propose a field of action.
    case proposeField(FieldProposed)
    /// Change a field of action.
    case reviseField(FieldRevised)
    /// Bring a proposed field into force (needs a resolution of a body with the mandate).
    case activateField(Identifier)
    /// Merge a field into another.
    case mergeField(Identifier, into: Identifier)
    /// Split a field into others.
    case splitField(Identifier, into: [Identifier])
    /// Retire a field.
    case retireField(Identifier, reason: String)

    /// Formulate a goal.
    case formulateGoal(GoalFormulated)
    /// Change a goal.
    case reviseGoal(GoalRevised)
    /// Move a goal (with its sub-goals) to another field or parent.
    case moveGoal(Identifier, field: Identifier, parent: Identifier?)
    /// Change a goal's status (adopting needs a resolution of a body with the mandate).
    case changeGoalStatus(Identifier, to: GoalStatus, reason: String?)

    /// Plan a measure.
    case planMeasure(MeasurePlanned)
    /// Change a measure.
    case reviseMeasure(MeasureRevised)
    /// Link a measure to other goals.
    case relinkMeasure(Identifier, goals: [Identifier])
    /// Change a measure's status.
    case changeMeasureStatus(Identifier, to: MeasureStatus, reason: String?)
    /// Record the status a plan file states for a measure. The file says what the status is, not when it changed:
    /// unlike ``changeMeasureStatus(_:to:reason:)`` it does not set the actual start or end, which stay unknown.
    case declareMeasureStatus(Identifier, to: MeasureStatus, reason: String?)
    /// Assess a measure's health.
    case assessMeasureHealth(Identifier, health: Health, note: String?)
    /// Report a measure's progress.
    case reportMeasureProgress(Identifier, percent: Int, note: String?)
    /// Record that a milestone was reached.
    case reachMilestone(measure: Identifier, milestone: Identifier, on: CalendarDate)

    /// Define an indicator.
    case defineIndicator(IndicatorDefined)
    /// Change an indicator.
    case reviseIndicator(IndicatorRevised)
    /// Retire an indicator.
    case retireIndicator(Identifier, reason: String)
    /// Record an observation.
    case recordObservation(ObservationRecorded)
    /// Correct an observation by a new one.
    case correctObservation(ObservationCorrected)

    /// Establish a body.
    case establishBody(BodyEstablished)
    /// Change a body.
    case reviseBody(BodyRevised)
    /// Dissolve a body, on a day if the sources say (nil: not stated); for a dissolved body, record or correct that
    /// day.
    case dissolveBody(Identifier, reason: String?, on: CalendarDate? = nil)
    /// Record a council paper's deliberation: the paper with its first deliberation, or — for a paper on record with
    /// the same subject — a further deliberation by a body on a date not yet recorded.
    case recordResolution(ResolutionRecorded)
    /// Adopt the draft as a version by a resolution. The label defaults to the draft's label.
    case adopt(label: String?, resolution: String, effectiveDate: CalendarDate)
    /// Adopt the draft by a resolution as the minutes state it, recording the resolution first when the plan has no
    /// record of it: what an office does with the council's minutes in hand. A resolution on record must be the
    /// same decision — the same body, a date that can be the same — or the adoption is refused: a record is
    /// corrected (``correctResolution(number:deliberation:facts:reason:)``), never overwritten. The version takes
    /// effect on `effectiveDate`, else on the resolution's date.
    case adoptRecording(label: String?, resolution: ResolutionRecorded, effectiveDate: CalendarDate?)

    /// Record a participation format.
    case holdParticipation(ParticipationHeld)
    /// Change a participation format's record.
    case reviseParticipation(ParticipationRevised)
    /// Record a contribution.
    case receiveContribution(ContributionReceived)
    /// Decide what becomes of a contribution.
    case disposeContribution(ContributionDisposed)

    /// Register an education actor.
    case registerActor(ActorRegistered)
    /// Change an actor.
    case reviseActor(ActorRevised)
    /// Remove an actor from the register.
    case removeActor(Identifier)

    /// Define a cross-cutting theme.
    case defineTheme(ThemeDefined)
    /// Change a theme.
    case reviseTheme(ThemeRevised)
    /// Remove a theme that nothing refers to any more.
    case removeTheme(Identifier)
}
