/// Every fact that can happen to a plan, as past-tense events with stable type names and schema versions.
///
/// A plan's event stream is a sequence of these (with their ``EventContext``); folding them with
/// ``Plan/evolve(_:_:)`` gives the plan's state. Type names (``typeName``) and schema versions
/// (``schemaVersion``) are stable: they are stored with every event, and golden files pin each type's encoding.
/// A change in a payload's shape gets a new schema version and an upcaster (``EventCodec``).
public indirect enum PlanEvent: Hashable, Sendable {
    /// `plan.created`: see ``PlanCreated``.
    case planCreated(PlanCreated)
    /// `plan.revised`: see ``PlanRevised``.
    case planRevised(PlanRevised)
    /// `draft.named`: see ``DraftNamed``.
    case draftNamed(DraftNamed)
    /// `vision.section.written`: see ``VisionSectionWritten``.
    case visionSectionWritten(VisionSectionWritten)
    /// `vision.section.revised`: see ``VisionSectionRevised``.
    case visionSectionRevised(VisionSectionRevised)
    /// `vision.section.removed`: see ``VisionSectionRemoved``.
    case visionSectionRemoved(VisionSectionRemoved)
    /// `vision.sections.reordered`: see ``VisionSectionsReordered``.
    case visionSectionsReordered(VisionSectionsReordered)
    /// `vision.principles.set`: see ``PrinciplesSet``.
    case principlesSet(PrinciplesSet)
    /// `vision.motto.set`: see ``MottoSet``.
    case mottoSet(MottoSet)
    /// `field.proposed`: see ``FieldProposed``.
    case fieldProposed(FieldProposed)
    /// `field.revised`: see ``FieldRevised``.
    case fieldRevised(FieldRevised)
    /// `field.activated`: see ``FieldActivated``.
    case fieldActivated(FieldActivated)
    /// `field.merged`: see ``FieldMerged``.
    case fieldMerged(FieldMerged)
    /// `field.split`: see ``FieldSplit``.
    case fieldSplit(FieldSplit)
    /// `field.retired`: see ``FieldRetired``.
    case fieldRetired(FieldRetired)
    /// `goal.formulated`: see ``GoalFormulated``.
    case goalFormulated(GoalFormulated)
    /// `goal.revised`: see ``GoalRevised``.
    case goalRevised(GoalRevised)
    /// `goal.moved`: see ``GoalMoved``.
    case goalMoved(GoalMoved)
    /// `goal.status.changed`: see ``GoalStatusChanged``.
    case goalStatusChanged(GoalStatusChanged)
    /// `measure.planned`: see ``MeasurePlanned``.
    case measurePlanned(MeasurePlanned)
    /// `measure.revised`: see ``MeasureRevised``.
    case measureRevised(MeasureRevised)
    /// `measure.relinked`: see ``MeasureRelinked``.
    case measureRelinked(MeasureRelinked)
    /// `measure.status.changed`: see ``MeasureStatusChanged``.
    case measureStatusChanged(MeasureStatusChanged)
    /// `measure.health.assessed`: see ``MeasureHealthAssessed``.
    case measureHealthAssessed(MeasureHealthAssessed)
    /// `measure.progress.reported`: see ``MeasureProgressReported``.
    case measureProgressReported(MeasureProgressReported)
    /// `measure.milestone.reached`: see ``MilestoneReached``.
    case milestoneReached(MilestoneReached)
    /// `indicator.defined`: see ``IndicatorDefined``.
    case indicatorDefined(IndicatorDefined)
    /// `indicator.revised`: see ``IndicatorRevised``.
    case indicatorRevised(IndicatorRevised)
    /// `indicator.retired`: see ``IndicatorRetired``.
    case indicatorRetired(IndicatorRetired)
    /// `observation.recorded`: see ``ObservationRecorded``.
    case observationRecorded(ObservationRecorded)
    /// `observation.corrected`: see ``ObservationCorrected``.
    case observationCorrected(ObservationCorrected)
    /// `body.established`: see ``BodyEstablished``.
    case bodyEstablished(BodyEstablished)
    /// `body.revised`: see ``BodyRevised``.
    case bodyRevised(BodyRevised)
    /// `body.dissolved`: see ``BodyDissolved``.
    case bodyDissolved(BodyDissolved)
    /// `resolution.recorded`: see ``ResolutionRecorded``.
    case resolutionRecorded(ResolutionRecorded)
    /// `version.adopted`: see ``VersionAdopted``.
    case versionAdopted(VersionAdopted)
    /// `participation.held`: see ``ParticipationHeld``.
    case participationHeld(ParticipationHeld)
    /// `participation.revised`: see ``ParticipationRevised``.
    case participationRevised(ParticipationRevised)
    /// `contribution.received`: see ``ContributionReceived``.
    case contributionReceived(ContributionReceived)
    /// `contribution.disposed`: see ``ContributionDisposed``.
    case contributionDisposed(ContributionDisposed)
    /// `actor.registered`: see ``ActorRegistered``.
    case actorRegistered(ActorRegistered)
    /// `actor.revised`: see ``ActorRevised``.
    case actorRevised(ActorRevised)
    /// `actor.removed`: see ``ActorRemoved``.
    case actorRemoved(ActorRemoved)
    /// `plan.withdrawn`: see ``PlanWithdrawn``.
    case planWithdrawn(PlanWithdrawn)
    /// `resolution.corrected`: see ``ResolutionCorrected``.
    case resolutionCorrected(ResolutionCorrected)
    /// `theme.defined`: see ``ThemeDefined``.
    case themeDefined(ThemeDefined)
    /// `theme.revised`: see ``ThemeRevised``.
    case themeRevised(ThemeRevised)
    /// `theme.removed`: see ``ThemeRemoved``.
    case themeRemoved(ThemeRemoved)
    /// `resolution.deliberated`: see ``ResolutionDeliberated``.
    case resolutionDeliberated(ResolutionDeliberated)
    /// `plan.reordered`: see ``PlanReordered``.
    case planReordered(PlanReordered)
    /// `contacts.assigned`: see ``ContactsAssigned``.
    case contactsAssigned(ContactsAssigned)
}

extension PlanEvent {
    /// Every event type: its stable name and current schema version, in the order of `Kind.allCases`.
    public static let types: [(name: String, schemaVersion: UInt32)] = Kind.allCases.map { ($0.rawValue, $0.schemaVersion) }

    /// The stable type name, for example `goal.formulated`.
    public var typeName: String { kind.rawValue }

    /// The current schema version of this type's payload.
    public var schemaVersion: UInt32 { kind.schemaVersion }

    /// The current schema version of a type name, or nil for an unknown type.
    ///
    /// - Complexity: O(1): a dictionary lookup (replay asks once per event).
    public static func schemaVersion(of typeName: String) -> UInt32? {
        versionsByName[typeName]
    }

    private static let versionsByName: [String: UInt32] = Dictionary(
        types.map { ($0.name, $0.schemaVersion) }, uniquingKeysWith: { first, _ in first })
}
