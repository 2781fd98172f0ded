/// Every fact that can happen to a plan, as past-tense events with stable type names and schema versions.
///
/// A plan's event stream is a sequence of these (with their ``EventContext``); folding them with
/// ``Plan/evolve(_:_:)`` gives the plan's state. Type names (``typeName``) and schema versions
/// (``schemaVersion``) are stable: they are stored with every event, and golden files pin each type's encoding.
/// A change in a payload's shape gets a new schema version and an upcaster (``EventCodec``).
public enum PlanEvent: Hashable, Sendable {
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
    /// Every event type: its stable name and current schema version.
    public static let types: [(name: String, schemaVersion: UInt32)] = [
        ("plan.created", 1), ("plan.revised", 1), ("draft.named", 1),
        ("vision.section.written", 1), ("vision.section.revised", 1), ("vision.section.removed", 1),
        ("vision.sections.reordered", 1), ("vision.principles.set", 1), ("vision.motto.set", 1),
        ("field.proposed", 1), ("field.revised", 2), ("field.activated", 1), ("field.merged", 1), ("field.split", 1),
        ("field.retired", 1),
        ("goal.formulated", 2), ("goal.revised", 1), ("goal.moved", 1), ("goal.status.changed", 1),
        ("measure.planned", 1), ("measure.revised", 3), ("measure.relinked", 1), ("measure.status.changed", 1),
        ("measure.health.assessed", 1), ("measure.progress.reported", 1), ("measure.milestone.reached", 1),
        ("indicator.defined", 1), ("indicator.revised", 1), ("indicator.retired", 1),
        ("observation.recorded", 1), ("observation.corrected", 1),
        ("body.established", 1), ("body.revised", 1), ("body.dissolved", 1), ("resolution.recorded", 1),
        ("version.adopted", 1),
        ("participation.held", 1), ("participation.revised", 2), ("contribution.received", 1), ("contribution.disposed", 1),
        ("actor.registered", 1), ("actor.revised", 1), ("actor.removed", 1), ("plan.withdrawn", 1),
        ("resolution.corrected", 1),
        ("theme.defined", 1), ("theme.revised", 1), ("theme.removed", 1),
        ("resolution.deliberated", 1), ("plan.reordered", 1), ("contacts.assigned", 1),
    ]

    /// The stable type name, for example `goal.formulated`.
    public var typeName: String { Self.types[caseIndex].name }

    /// The current schema version of this type's payload.
    public var schemaVersion: UInt32 { Self.types[caseIndex].schemaVersion }

    /// The current schema version of a type name, or nil for an unknown type.
    ///
    /// - Complexity: O(1): a dictionary lookup (replay asks once per event).
    public static func schemaVersion(of typeName: String) -> UInt32? {
        versionsByName[typeName]
    }

    private static let versionsByName: [String: UInt32] = Dictionary(
        types.map { ($0.name, $0.schemaVersion) }, uniquingKeysWith: { first, _ in first })

    private var caseIndex: Int {
        switch self {
        case .planCreated: 0
        case .planRevised: 1
        case .draftNamed: 2
        case .visionSectionWritten: 3
        case .visionSectionRevised: 4
        case .visionSectionRemoved: 5
        case .visionSectionsReordered: 6
        case .principlesSet: 7
        case .mottoSet: 8
        case .fieldProposed: 9
        case .fieldRevised: 10
        case .fieldActivated: 11
        case .fieldMerged: 12
        case .fieldSplit: 13
        case .fieldRetired: 14
        case .goalFormulated: 15
        case .goalRevised: 16
        case .goalMoved: 17
        case .goalStatusChanged: 18
        case .measurePlanned: 19
        case .measureRevised: 20
        case .measureRelinked: 21
        case .measureStatusChanged: 22
        case .measureHealthAssessed: 23
        case .measureProgressReported: 24
        case .milestoneReached: 25
        case .indicatorDefined: 26
        case .indicatorRevised: 27
        case .indicatorRetired: 28
        case .observationRecorded: 29
        case .observationCorrected: 30
        case .bodyEstablished: 31
        case .bodyRevised: 32
        case .bodyDissolved: 33
        case .resolutionRecorded: 34
        case .versionAdopted: 35
        case .participationHeld: 36
        case .participationRevised: 37
        case .contributionReceived: 38
        case .contributionDisposed: 39
        case .actorRegistered: 40
        case .actorRevised: 41
        case .actorRemoved: 42
        case .planWithdrawn: 43
        case .resolutionCorrected: 44
        case .themeDefined: 45
        case .themeRevised: 46
        case .themeRemoved: 47
        case .resolutionDeliberated: 48
        case .planReordered: 49
        case .contactsAssigned: 50
        }
    }
}
