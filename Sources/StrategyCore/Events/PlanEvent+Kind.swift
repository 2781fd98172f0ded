extension PlanEvent {
    /// An event's type without its payload: the stable name the log records (`goal.formulated`), as a value the
    /// compiler checks. Filters (`LogFilter.kinds` in Projections) and embedders name event types by it.
    ///
    /// The raw value is the type name in the log and in JSON output; names never change once recorded (a payload
    /// that changes shape gets a new ``schemaVersion`` instead). `allCases` is in the order types were introduced.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
        /// `plan.created`
        case planCreated = "plan.created"
        /// `plan.revised`
        case planRevised = "plan.revised"
        /// `draft.named`
        case draftNamed = "draft.named"
        /// `vision.section.written`
        case visionSectionWritten = "vision.section.written"
        /// `vision.section.revised`
        case visionSectionRevised = "vision.section.revised"
        /// `vision.section.removed`
        case visionSectionRemoved = "vision.section.removed"
        /// `vision.sections.reordered`
        case visionSectionsReordered = "vision.sections.reordered"
        /// `vision.principles.set`
        case principlesSet = "vision.principles.set"
        /// `vision.motto.set`
        case mottoSet = "vision.motto.set"
        /// `field.proposed`
        case fieldProposed = "field.proposed"
        /// `field.revised`
        case fieldRevised = "field.revised"
        /// `field.activated`
        case fieldActivated = "field.activated"
        /// `field.merged`
        case fieldMerged = "field.merged"
        /// `field.split`
        case fieldSplit = "field.split"
        /// `field.retired`
        case fieldRetired = "field.retired"
        /// `goal.formulated`
        case goalFormulated = "goal.formulated"
        /// `goal.revised`
        case goalRevised = "goal.revised"
        /// `goal.moved`
        case goalMoved = "goal.moved"
        /// `goal.status.changed`
        case goalStatusChanged = "goal.status.changed"
        /// `measure.planned`
        case measurePlanned = "measure.planned"
        /// `measure.revised`
        case measureRevised = "measure.revised"
        /// `measure.relinked`
        case measureRelinked = "measure.relinked"
        /// `measure.status.changed`
        case measureStatusChanged = "measure.status.changed"
        /// `measure.health.assessed`
        case measureHealthAssessed = "measure.health.assessed"
        /// `measure.progress.reported`
        case measureProgressReported = "measure.progress.reported"
        /// `measure.milestone.reached`
        case milestoneReached = "measure.milestone.reached"
        /// `indicator.defined`
        case indicatorDefined = "indicator.defined"
        /// `indicator.revised`
        case indicatorRevised = "indicator.revised"
        /// `indicator.retired`
        case indicatorRetired = "indicator.retired"
        /// `observation.recorded`
        case observationRecorded = "observation.recorded"
        /// `observation.corrected`
        case observationCorrected = "observation.corrected"
        /// `body.established`
        case bodyEstablished = "body.established"
        /// `body.revised`
        case bodyRevised = "body.revised"
        /// `body.dissolved`
        case bodyDissolved = "body.dissolved"
        /// `resolution.recorded`
        case resolutionRecorded = "resolution.recorded"
        /// `version.adopted`
        case versionAdopted = "version.adopted"
        /// `participation.held`
        case participationHeld = "participation.held"
        /// `participation.revised`
        case participationRevised = "participation.revised"
        /// `contribution.received`
        case contributionReceived = "contribution.received"
        /// `contribution.disposed`
        case contributionDisposed = "contribution.disposed"
        /// `actor.registered`
        case actorRegistered = "actor.registered"
        /// `actor.revised`
        case actorRevised = "actor.revised"
        /// `actor.removed`
        case actorRemoved = "actor.removed"
        /// `plan.withdrawn`
        case planWithdrawn = "plan.withdrawn"
        /// `resolution.corrected`
        case resolutionCorrected = "resolution.corrected"
        /// `theme.defined`
        case themeDefined = "theme.defined"
        /// `theme.revised`
        case themeRevised = "theme.revised"
        /// `theme.removed`
        case themeRemoved = "theme.removed"
        /// `resolution.deliberated`
        case resolutionDeliberated = "resolution.deliberated"
        /// `plan.reordered`
        case planReordered = "plan.reordered"
        /// `contacts.assigned`
        case contactsAssigned = "contacts.assigned"

        /// The current schema version of this type's payload.
        public var schemaVersion: UInt32 {
            switch self {
            case .fieldRevised, .goalFormulated, .participationRevised: 2
            case .measureRevised: 3
            default: 1
            }
        }

        /// The type name, for example `goal.formulated`.
        public var description: String { rawValue }

        /// Orders kinds by their type names.
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

        /// The kinds of one family, the part of the type name before the first dot: `goal` gives `goal.formulated`,
        /// `goal.revised`, `goal.moved` and `goal.status.changed`. Empty for a family that does not exist.
        public static func family(_ family: String) -> [Kind] {
            allCases.filter { $0.rawValue.hasPrefix(family + ".") }
        }
    }

    /// This event's kind.
    public var kind: Kind {
        switch self {
        case .planCreated: .planCreated
        case .planRevised: .planRevised
        case .draftNamed: .draftNamed
        case .visionSectionWritten: .visionSectionWritten
        case .visionSectionRevised: .visionSectionRevised
        case .visionSectionRemoved: .visionSectionRemoved
        case .visionSectionsReordered: .visionSectionsReordered
        case .principlesSet: .principlesSet
        case .mottoSet: .mottoSet
        case .fieldProposed: .fieldProposed
        case .fieldRevised: .fieldRevised
        case .fieldActivated: .fieldActivated
        case .fieldMerged: .fieldMerged
        case .fieldSplit: .fieldSplit
        case .fieldRetired: .fieldRetired
        case .goalFormulated: .goalFormulated
        case .goalRevised: .goalRevised
        case .goalMoved: .goalMoved
        case .goalStatusChanged: .goalStatusChanged
        case .measurePlanned: .measurePlanned
        case .measureRevised: .measureRevised
        case .measureRelinked: .measureRelinked
        case .measureStatusChanged: .measureStatusChanged
        case .measureHealthAssessed: .measureHealthAssessed
        case .measureProgressReported: .measureProgressReported
        case .milestoneReached: .milestoneReached
        case .indicatorDefined: .indicatorDefined
        case .indicatorRevised: .indicatorRevised
        case .indicatorRetired: .indicatorRetired
        case .observationRecorded: .observationRecorded
        case .observationCorrected: .observationCorrected
        case .bodyEstablished: .bodyEstablished
        case .bodyRevised: .bodyRevised
        case .bodyDissolved: .bodyDissolved
        case .resolutionRecorded: .resolutionRecorded
        case .versionAdopted: .versionAdopted
        case .participationHeld: .participationHeld
        case .participationRevised: .participationRevised
        case .contributionReceived: .contributionReceived
        case .contributionDisposed: .contributionDisposed
        case .actorRegistered: .actorRegistered
        case .actorRevised: .actorRevised
        case .actorRemoved: .actorRemoved
        case .planWithdrawn: .planWithdrawn
        case .resolutionCorrected: .resolutionCorrected
        case .themeDefined: .themeDefined
        case .themeRevised: .themeRevised
        case .themeRemoved: .themeRemoved
        case .resolutionDeliberated: .resolutionDeliberated
        case .planReordered: .planReordered
        case .contactsAssigned: .contactsAssigned
        }
    }
}
